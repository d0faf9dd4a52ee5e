import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { DELIVER_JOB, deliverWebhook, emitEvent } from '../../server/src/modules/webhooks';
import { webhookReceiver } from '../../server/src/modules/webhooks/webhook-test-kit';
import { Worker } from '../../server/src/platform/jobs/worker';
import { AGENT, newPage } from './desk-kit';
import { signIn, skipReason, useConsoleServer, walk } from './harness';

// Issue #12: a partner's agent registers a webhook endpoint, copies the secret shown once, and sees a
// delivery (and its replay) in the endpoint's log.
describe('console: webhook endpoints and their delivery log', { skip: skipReason }, async () => {
  const { base, browser, database, clock } = await useConsoleServer();
  const rx = await webhookReceiver();
  const worker = new Worker(
    database.db,
    clock,
    new Map([[DELIVER_JOB, deliverWebhook({ clock, allowPrivate: true })]]),
  );
  const page = await newPage(browser);
  const step = walk(page);
  let secret = '';

  step('S-12 the agent registers an endpoint and sees its secret once', async () => {
    await signIn(page, base, AGENT);
    await page.getByTestId('nav').getByText('Webhook').click();
    await page.getByTestId('webhook-new').click();
    await page.getByTestId('webhook-url').fill('http://hooks.example.com/kaidan');
    await page.getByTestId('webhook-form-submit').click();
    await page.locator('[data-field-error="url"]').waitFor();
    await page.getByTestId('webhook-url').fill(rx.url);
    await page.getByTestId('webhook-form-submit').click();
    secret = (await page.getByTestId('webhook-secret').textContent()) ?? '';
    assert.match(secret, /^whsec_/);
    await page.getByRole('button', { name: '确 定' }).click();
    await page.getByTestId('webhook-endpoints').getByText(rx.url).waitFor();
    assert.ok(!(await page.getByTestId('webhook-endpoints').textContent())?.includes(secret), 'never listed');
  });

  step('S-12 an order paid for its partner is delivered, shown in the log, and replayed', async () => {
    await database.db.transaction().execute((tx) =>
      emitEvent(tx, clock, {
        type: 'order.paid',
        partnerId: 'prt_demo_liyan',
        payload: { orderId: 'ord_e2e', number: 'SO-E2E' },
      }),
    );
    await worker.drain();
    assert.equal(rx.got.length, 1);
    await page.getByTestId('webhook-endpoints').getByRole('button', { name: '投递记录' }).click();
    const log = page.getByTestId('webhook-deliveries');
    await log.getByText('已送达').waitFor();
    await log.getByRole('button', { name: '重放' }).click();
    await page.getByText('已排队重放').waitFor();
    await worker.drain();
    assert.equal(rx.got.length, 2);
    assert.equal(rx.got[0]?.headers['webhook-id'], rx.got[1]?.headers['webhook-id']);
    await log.locator('.ant-table-row-expand-icon').first().click();
    await page.getByText('第 2 次').waitFor();
    await rx.close();
  });
});
