// Compiles the server to one ES module, server/dist/main.js, so `npm start` runs plain JavaScript.
// Workspace code (server/src, @kaidan/shared's .ts files) is bundled; every npm dependency stays an
// import from node_modules, so PGlite still finds its .wasm/.data files next to its own module.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url);
const deps = (dir) =>
  Object.keys(JSON.parse(readFileSync(new URL(`${dir}/package.json`, root), 'utf8')).dependencies ?? {});
const external = [...new Set([...deps('server'), ...deps('shared')])].filter(
  (d) => !d.startsWith('@kaidan/'),
);

await build({
  entryPoints: [new URL('server/src/main.ts', root).pathname],
  outfile: new URL('server/dist/main.js', root).pathname,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  external: external.flatMap((d) => [d, `${d}/*`]),
  logLevel: 'warning',
});
