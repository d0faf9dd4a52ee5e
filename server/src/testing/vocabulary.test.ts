import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ACTION_CHANNELS, ACTOR_KINDS, ORDER_TYPES, ROLES, SALES_CHANNELS } from '@kaidan/shared';

// One vocabulary: roles, order types, sales channels and actor words are declared in shared/src/vocabulary.ts
// and imported everywhere. A list or union elsewhere that restates a whole vocabulary is a copy that drifts.
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const VOCABULARIES: Record<string, readonly string[]> = {
  ROLES,
  ORDER_TYPES,
  SALES_CHANNELS,
  ACTION_CHANNELS,
  ACTOR_KINDS,
};

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: false })
    .map(String)
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.test.ts') && !f.endsWith('vocabulary.ts'))
    .map((f) => join(dir, f));
}

/** Array literals and string-literal unions, with the quoted words in each. */
function literalGroups(text: string): string[][] {
  const groups: string[][] = [];
  const words = (s: string) => [...s.matchAll(/'([a-z_]+)'/g)].map((m) => m[1] as string);
  for (const m of text.matchAll(/\[([^[\]]*)\]/g)) groups.push(words(m[1] ?? ''));
  for (const m of text.matchAll(/'[a-z_]+'(?:\s*\|\s*'[a-z_]+')+/g)) groups.push(words(m[0]));
  return groups;
}

describe('one vocabulary', () => {
  it('S-vocabulary no source outside shared/src/vocabulary.ts restates roles, order types or channels', () => {
    const copies: string[] = [];
    for (const file of ['server/src', 'shared/src', 'web/src'].flatMap(sources)) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      for (const group of literalGroups(text)) {
        for (const [name, words] of Object.entries(VOCABULARIES)) {
          const restates = words.every((w) => group.includes(w)) && group.every((w) => words.includes(w));
          if (restates) copies.push(`${file}: ${name} [${group.join(', ')}]`);
        }
      }
    }
    assert.deepEqual(copies, [], 'import these from @kaidan/shared (shared/src/vocabulary.ts)');
  });
});
