import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

// "No untranslated strings" (issue #3): text a person reads comes from the dictionaries. Chinese outside
// `i18n/` is allowed only as one half of a `{ zh, en }` pair (a fallback problem text) or as the name of
// the language itself in the language switch; JSX text and common text props never hold literal words.
const SRC = join(import.meta.dirname, '..', 'src');
const CJK = /[\u4e00-\u9fff]/;
const JSX_TEXT = /<[A-Za-z][^<>]*>\s*[A-Za-z][A-Za-z ,.'!?-]{2,}\s*<\//;
// a value shaped like a message key (`dashboard.overdue`) is translated by the component
const TEXT_PROP =
  /\b(title|label|okText|cancelText|description|tooltip)="(?![a-z]+\.[\w.]+")[A-Za-z\u4e00-\u9fff]/;
const PLACEHOLDER = /\bplaceholder="[A-Za-z\u4e00-\u9fff]{4,}/; // sample ids such as "ww…" are fine

const stripComments = (s: string) => s.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
const strayChinese = (text: string) =>
  CJK.test(text) && !/\bzh:\s*[`'"]/.test(text) && !/['"]中文['"]/.test(text);
const strayWords = (text: string) => JSX_TEXT.test(text) || TEXT_PROP.test(text) || PLACEHOLDER.test(text);

const lines = readdirSync(SRC, { recursive: true })
  .map(String)
  .filter((f) => /\.tsx?$/.test(f) && !f.startsWith('i18n'))
  .flatMap((f) =>
    stripComments(readFileSync(join(SRC, f), 'utf8'))
      .split('\n')
      .map((text, i) => ({ where: `${f}:${i + 1}`, text })),
  );

describe('console text comes from the dictionaries', () => {
  it('the checks catch planted literals and let translated text through', () => {
    for (const bad of [
      '<Button>Save order</Button>',
      '<Tag title="保存">',
      "const s = '已支付';",
      'placeholder="Search"',
    ])
      assert.ok(strayChinese(bad) || strayWords(bad), bad);
    for (const good of [
      "{t('common.save')}",
      "{ zh: '无法连接', en: 'Offline' }",
      'title="dashboard.overdue"',
    ])
      assert.ok(!strayChinese(good) && !strayWords(good), good);
  });
  it('no Chinese outside i18n/ except {zh, en} pairs and the language’s own name', () => {
    assert.deepEqual(
      lines.filter((l) => strayChinese(l.text)).map((l) => l.where),
      [],
    );
  });
  it('no literal words in JSX text or in title/label/placeholder props', () => {
    assert.deepEqual(
      lines.filter((l) => strayWords(l.text)).map((l) => l.where),
      [],
    );
  });
});
