import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { signIn, skipReason, useConsoleServer } from './harness';

// S-18 and S-16 in the browser: the console runs under the server's Content-Security-Policy without a
// violation, and a banner on every screen says when the server runs on a test clock.
describe('S-18 S-16 console: test clock banner, under the CSP', { skip: skipReason }, async () => {
  const { base, browser } = await useConsoleServer({ testClock: true });

  it('S-18 the banner shows the moved server time before and after sign-in; S-16 no CSP violation', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(base);
    const banner = page.getByTestId('test-clock-banner');
    await banner.waitFor();
    assert.match((await banner.textContent()) ?? '', /测试时钟已开启/);
    await signIn(page, base, 'admin@kaidan.demo');
    // The admin moves the clock over the API; the banner follows at its next refresh (or a reload).
    const moved = await page.evaluate(async () => {
      const res = await fetch('/api/v1/test-clock', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ now: '2027-01-04T02:00:00Z' }),
      });
      return res.status;
    });
    assert.equal(moved, 200);
    await page.reload();
    await banner.waitFor();
    assert.match((await banner.textContent()) ?? '', /2027/);
    assert.deepEqual(violations, []);
    await context.close();
  });
});
