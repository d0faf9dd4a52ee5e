import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { readServerConfig } from '../../platform/server-config';
import { guardedPost, isPrivateAddress, RefusedDestination } from './guarded-post';
import { webhookReceiver } from './webhook-test-kit';

const opts = { timeoutMs: 2_000, maxBytes: 2_000 };

describe('S-12 webhook deliveries do not reach our own network (SSRF)', async () => {
  const rx = await webhookReceiver();
  after(() => rx.close());

  it('S-12 loopback, private, link-local (cloud metadata), shared and mapped addresses are private; public ones are not', () => {
    for (const a of [
      '127.0.0.1',
      '10.1.2.3',
      '172.20.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
    ])
      assert.equal(isPrivateAddress(a), true, a);
    for (const a of ['::1', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1', '::'])
      assert.equal(isPrivateAddress(a), true, a);
    for (const a of ['8.8.8.8', '203.0.114.1', '2001:4860:4860::8888'])
      assert.equal(isPrivateAddress(a), false, a);
  });

  it('S-12 a literal private IP is refused before dialling: the receiver gets nothing', async () => {
    rx.got.length = 0;
    await assert.rejects(guardedPost(rx.url, {}, '{}', { ...opts, allowPrivate: false }), RefusedDestination);
    assert.equal(rx.got.length, 0);
  });

  it('S-12 a name that resolves to loopback is refused at connect time (no rebinding between check and dial)', async () => {
    rx.got.length = 0;
    const byName = rx.url.replace('127.0.0.1', 'localhost');
    await assert.rejects(guardedPost(byName, {}, '{}', { ...opts, allowPrivate: false }), /private address/);
    assert.equal(rx.got.length, 0);
  });

  it('S-12 where the operator allows private destinations the POST is delivered, and a redirect is answered, not followed', async () => {
    rx.got.length = 0;
    const ok = await guardedPost(rx.url, { 'x-test': '1' }, '{"a":1}', { ...opts, allowPrivate: true });
    assert.equal(ok.status, 200);
    assert.equal(rx.got[0]?.body, '{"a":1}');
    assert.equal(rx.got[0]?.headers['x-test'], '1');
    rx.answer(302);
    const moved = await guardedPost(rx.url, {}, '{}', { ...opts, allowPrivate: true });
    assert.equal(moved.status, 302);
    assert.equal(rx.got.length, 2, 'the redirect was not followed');
  });

  it('S-12 private destinations are off in production unless KAIDAN_WEBHOOKS_PRIVATE=1, on in development', () => {
    assert.equal(readServerConfig({ NODE_ENV: 'production' }).webhooksPrivate, false);
    assert.equal(
      readServerConfig({ NODE_ENV: 'production', KAIDAN_WEBHOOKS_PRIVATE: '1' }).webhooksPrivate,
      true,
    );
    assert.equal(readServerConfig({}).webhooksPrivate, true);
    assert.equal(readServerConfig({ KAIDAN_WEBHOOKS_PRIVATE: '0' }).webhooksPrivate, false);
  });
});
