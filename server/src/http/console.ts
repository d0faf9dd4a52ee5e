import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './env';

const isApi = (path: string) => path === '/api' || path.startsWith('/api/');

/**
 * Serves the built web console (web/dist) next to the API. Call after createApp(): the API, /openapi.json
 * and /docs are registered first and answer first. Any other GET that is not a file gets index.html, so
 * the console's client-side routes (/orders/ord_…) survive a reload.
 */
export function serveConsole(app: OpenAPIHono<AppEnv>, distDir: string): void {
  const root = resolve(distDir);
  const files = serveStatic<AppEnv>({
    root,
    // Vite content-hashes everything under /assets, so browsers may keep it; index.html must stay fresh.
    onFound: (path, c) => {
      c.header(
        'cache-control',
        path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  app.on(['GET', 'HEAD'], '*', async (c, next) => {
    if (isApi(c.req.path)) return next();
    const served = await files(c, async () => {});
    if (served) return served;
    let html: string;
    try {
      html = await readFile(join(root, 'index.html'), 'utf8');
    } catch {
      return c.text('The web console is not built: run `npm run build -w web`.', 503);
    }
    c.header('cache-control', 'no-cache');
    return c.html(html);
  });
}
