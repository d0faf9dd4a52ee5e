import assert from 'node:assert/strict';
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
