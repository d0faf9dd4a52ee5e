import { useNavigate, useSearch } from '@tanstack/react-router';
import { useCallback, useMemo } from 'react';

export type ListParams = Record<string, string | undefined>;
const ANY = 'any';
const NONE: ListParams = {};

// A list's filters and sort live in the URL (issue #3), so a reload, the back button or a shared link shows
// the same rows. `ns` prefixes the keys when two lists share a screen. The router parses search values as
// JSON (`?q=123` arrives as a number), so every value is read back as a string.
export function useListSearch(ns = '', defaults: ListParams = NONE) {
  const search = useSearch({ strict: false }) as Record<string, unknown>;
  const navigate = useNavigate();
  const raw = useMemo(() => {
    const out: ListParams = {};
    for (const [k, v] of Object.entries(search)) {
      if (!k.startsWith(ns) || v === undefined || v === null || v === '') continue;
      out[k.slice(ns.length)] = String(v);
    }
    return out;
  }, [search, ns]);
  const params = useMemo(() => {
    const merged: ListParams = { ...defaults, ...raw };
    for (const k of Object.keys(merged)) if (merged[k] === ANY) merged[k] = undefined;
    return merged;
  }, [defaults, raw]);
  const set = useCallback(
    (patch: ListParams) => {
      void navigate({
        to: '.',
        replace: true,
        search: (prev: Record<string, unknown>) => {
          const next: Record<string, unknown> = { ...prev };
          for (const [k, v] of Object.entries(patch)) {
            const key = `${ns}${k}`;
            const cleared = v === undefined || v === '';
            // Clearing a filter that has a default (the queue's "submitted") must say "any", or the default returns.
            if (cleared && defaults[k] !== undefined) next[key] = ANY;
            else if (cleared || v === defaults[k]) delete next[key];
            else next[key] = v;
          }
          return next;
        },
      });
    },
    [navigate, ns, defaults],
  );
  return { params, set };
}
