import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { enUS } from '../src/i18n/en-US';
import { zhCN } from '../src/i18n/zh-CN';

describe('console dictionaries', () => {
  it('zh-CN and en-US carry the same keys', () => {
    assert.deepEqual(Object.keys(enUS).sort(), Object.keys(zhCN).sort());
  });
  it('no message is empty and placeholders match', () => {
    const zh: Record<string, string> = zhCN;
    for (const [key, en] of Object.entries(enUS)) {
      const z = zh[key] ?? '';
      assert.ok(en.trim() && z.trim(), `empty message for ${key}`);
      const vars = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      assert.deepEqual(vars(en), vars(z), `placeholders differ for ${key}`);
    }
  });
});

describe('audit trail words', () => {
  it('R40: every action the server writes to the trail has words in both languages', () => {
    const modules = join(import.meta.dirname, '..', '..', 'server', 'src', 'modules');
    const actions = new Set<string>();
    for (const f of readdirSync(modules, { recursive: true }).map(String)) {
      if (!f.endsWith('.ts') || f.endsWith('.test.ts')) continue;
      for (const m of readFileSync(join(modules, f), 'utf8').matchAll(/action: '([a-z_]+)'/g))
        actions.add(m[1] ?? '');
    }
    assert.ok(actions.size > 10, 'found the server’s audit actions');
    const zh: Record<string, string> = zhCN;
    const en: Record<string, string> = enUS;
    const missing = [...actions].filter((a) => !zh[`desk.action.${a}`] || !en[`desk.action.${a}`]);
    assert.deepEqual(missing, []);
  });
});
