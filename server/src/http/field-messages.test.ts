import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createApp } from '../app';
import { FakeClock } from '../platform/clock';
import { makeUser, signIn } from '../testing/auth-factory';
import { useTestDatabase } from '../testing/test-db';

// Bad input gets a clear error in both languages, field by field (DESIGN §7): a malformed body is
// explained in Chinese as well as English, never English inside the Chinese text.
describe('malformed request bodies are explained per field in zh and en', async () => {
  const database = await useTestDatabase();
  const clock = new FakeClock();
  const app = createApp({ database, clock });
  const sales = await makeUser(database, clock, { roles: ['sales'] });
  const cookie = await signIn(app, sales.email, sales.password);
  type Field = { field: string; message: { zh: string; en: string } };
  const refuse = async (body: unknown) => {
    const res = await app.request('/api/v1/topups', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    assert.equal(res.status, 422);
    const problem = (await res.json()) as { code: string; fields: Field[] };
    assert.equal(problem.code, 'VALIDATION_FAILED');
    return Object.fromEntries(problem.fields.map((f) => [f.field, f.message]));
  };
  const CJK = /[\u4e00-\u9fff]/;

  it('R25: a missing field reads "required"; a wrong type names what was expected and received', async () => {
    const fields = await refuse({ walletOwnerType: 'partner', walletOwnerId: 'prt_x', payer: 7 });
    assert.deepEqual(fields.bankRef, { zh: '必填，不能缺少', en: 'Required' });
    assert.match(fields.payer?.zh ?? '', /类型无效：期望 string，实际为 number/);
    assert.match(fields.payer?.en ?? '', /expected string, received number/);
  });

  it('R25: a malformed amount, an empty payer and an unknown currency are explained in Chinese', async () => {
    const fields = await refuse({
      walletOwnerType: 'partner',
      walletOwnerId: 'prt_x',
      payer: '',
      currency: 'EUR',
      amount: '12.345',
      bankRef: 'ICBC-1',
    });
    for (const name of ['payer', 'currency', 'amount']) {
      const m = fields[name];
      assert.ok(m, `${name} is named`);
      assert.ok(CJK.test(m.zh) && !/^[\x20-\x7e]*$/.test(m.zh), `${name} zh is Chinese: ${m.zh}`);
      assert.doesNotMatch(m.zh, /Invalid|Too small|expected/, `${name} zh carries no English sentence`);
      assert.ok(m.en.length > 0);
    }
    assert.match(fields.currency?.zh ?? '', /CNY/);
    assert.deepEqual(fields.payer, { zh: '不能为空', en: 'Must not be empty' });
    assert.equal(fields.amount?.zh, '金额格式如 1234.50：数字，最多两位小数');
  });
});
