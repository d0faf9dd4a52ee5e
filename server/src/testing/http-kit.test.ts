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

/** Relative imports of every non-test file outside http/ (modules, platform, app.ts, main.ts…). */
function outsideImports(): string[] {
  return readdirSync(SRC, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.startsWith(`${KIT}/`))
    .flatMap((f) => importsOf(f, readFileSync(join(SRC, f), 'utf8')));
}

/**
 * Test files, and the files that only tests (or other such files) reach: everything under http/ that
 * the rest of the server cannot reach through the kit's own imports. Reachability, not "every importer
 * is a test", so fixtures that import one another in a cycle are still seen as test-side.
 */
function testSide(graph: Map<string, string[]>): Set<string> {
  const kit = new Set<string>();
  const todo = outsideImports().filter((f) => graph.has(f));
  for (let f = todo.pop(); f !== undefined; f = todo.pop()) {
    if (kit.has(f)) continue;
    kit.add(f);
    todo.push(...(graph.get(f) ?? []).filter((g) => graph.has(g)));
  }
  return new Set([...graph.keys()].filter((f) => !kit.has(f)));
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
