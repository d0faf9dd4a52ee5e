import { createRootRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { ComponentType } from 'react';
import { Shell } from './features/shell/Shell';

// Code-based routes (no generator step in the build). Every screen is its own chunk, loaded on first visit.
export const root = createRootRoute({ component: Shell });

type Module = Record<string, unknown>;
/** A top-level screen at `path`, loaded lazily from `load()`'s export `name`. */
export const page = <P extends string, M extends Module>(
  path: P,
  load: () => Promise<M>,
  name: keyof M & string,
) =>
  createRoute({
    getParentRoute: () => root,
    path,
    component: lazyRouteComponent(load as () => Promise<Record<string, ComponentType>>, name),
  });
