import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

// Issue #11: http/ is a kit that knows no module. The wiring root (server/src/app.ts) lists the modules'
// routes and hands parties' principal resolver to the kit; modules import the kit, never the other way.
// Whole-app tests may live in http/ (authz matrix, fuzz, core loop…): they, and the fixtures only they
// import, build the app through the wiring root and may reach into modules.
const SRC = fileURLToPath(new URL('../', import.meta.url));
const KIT = 'http';

/** Every relative import of a file (static, re-export, side-effect and dynamic), resolved from server/src. */
function importsOf(file: string, text: string): string[] {
  const specs = [
    ...text.matchAll(/\bfrom\s+'([^']+)'/g),
    ...text.matchAll(/\bimport\s+'([^']+)'/g),
    ...text.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g),
  ].map((m) => m[1] as string);
  return specs
    .filter((s) => s.startsWith('.'))
    .map((s) => normalize(join(dirname(file), s)).replace(/\.ts$/, ''));
}

function kitFiles(): Map<string, string[]> {
  const files = readdirSync(join(SRC, KIT), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts'));
  return new Map(
    files.map((f) => {
      const file = join(KIT, f);
      return [file.replace(/\.ts$/, ''), importsOf(file, readFileSync(join(SRC, file), 'utf8'))];
    }),
  );
}

/** Test files, and the files that only tests (or other such files) import. */
function testSide(graph: Map<string, string[]>): Set<string> {
  const side = new Set([...graph.keys()].filter((f) => f.endsWith('.test')));
  for (let grew = true; grew; ) {
    grew = false;
    for (const f of graph.keys()) {
      if (side.has(f)) continue;
      const importers = [...graph].filter(([, imports]) => imports.includes(f)).map(([g]) => g);
      if (importers.length > 0 && importers.every((g) => side.has(g))) {
        side.add(f);
        grew = true;
      }
    }
  }
  return side;
}

describe('S-11 http/ is a kit that knows no module', () => {
  const graph = kitFiles();
  const side = testSide(graph);

  it('S-11 the import scan sees the kit (the check is not vacuous)', () => {
    assert.ok(graph.get('http/app')?.includes('http/auth'), 'http/app imports http/auth');
    assert.ok(
      graph.get('http/app.test')?.includes('app'),
      'http/app.test builds the app through the wiring root',
    );
    assert.ok(side.has('http/authz-matrix.world'), 'a fixture only tests import is on the test side');
    assert.ok(!side.has('http/problem'), 'a file modules import is kit');
  });

  it('S-11 no kit file under http/ imports a module or the wiring root', () => {
    const leaks = [...graph]
      .filter(([f]) => !side.has(f))
      .flatMap(([f, imports]) =>
        imports
          .filter((i) => i.startsWith('modules/') || i === 'app' || i === 'main')
          .map((i) => `${f} → ${i}`),
      );
    assert.deepEqual(leaks, [], 'take it as a parameter from server/src/app.ts instead');
  });
});
