import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, it } from 'node:test';
import { serve } from '@hono/node-server';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { createApp } from '../../server/src/app';
import { serveConsole } from '../../server/src/http/console';
import { sandboxPayments } from '../../server/src/modules/payments';
import { type Clock, FakeClock } from '../../server/src/platform/clock';
import type { Database } from '../../server/src/platform/db/database';
import { TestClock } from '../../server/src/platform/test-clock';
import { DEMO_PASSWORD, seedDemo } from '../../server/src/seed/demo-seed';
import { useTestDatabase } from '../../server/src/testing/test-db';
import { ensureConsoleBuilt } from './build-console';

export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = join(import.meta.dirname, '..', '..', 'docs', 'screenshots');
/** Browser tests skip only when Debian's chromium is not installed; every other failure fails. */
export const skipReason = existsSync(CHROMIUM)
  ? false
  : `${CHROMIUM} is missing: install it with \`apt-get install -y chromium\` (never a downloaded browser)`;

/** A real server (API + built console) on a fresh demo database, and a headless Debian chromium. */
export async function useConsoleServer(
  opts: { testClock?: boolean; sandbox?: boolean } = {},
): Promise<{ base: string; browser: Browser; database: Database; clock: Clock }> {
  const dist = await ensureConsoleBuilt();
  const database = await useTestDatabase();
  // A fixed instant keeps the demo's dates, deadlines and screenshots stable.
  const fixed = new FakeClock('2026-11-25T02:00:00Z');
  // S-18: as with KAIDAN_TEST_CLOCK=1, the server runs on a movable clock over the fixed one.
  const testClock = opts.testClock ? new TestClock(fixed, database.db) : undefined;
  const clock = testClock ?? fixed;
  await seedDemo({ database, clock });
  // Issue #12: the payments sandbox notifies this very server once it listens.
  let base = '';
  const payments = opts.sandbox ? sandboxPayments(clock, () => base).payments : undefined;
  const app = createApp({
    database,
    clock,
    ...(testClock ? { testClock } : {}),
    ...(payments ? { payments } : {}),
  });
  serveConsole(app, dist);
  const server = await new Promise<ReturnType<typeof serve>>((ok) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => ok(s));
  });
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--force-prefers-reduced-motion'],
  });
  after(async () => {
    await browser.close();
    await new Promise<void>((ok) => server.close(() => ok()));
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
  // The database and clock too: a test may run the job worker itself (the harness starts none).
  return { base, browser, database, clock };
}

export async function signIn(page: Page, base: string, email: string): Promise<void> {
  await page.goto(base);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.locator('button[type=submit]').click();
  await page.getByTestId('nav').waitFor();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('sign-out').click();
  await page.getByTestId('login-email').waitFor();
}

/** Picks an option of an antd Select: open it, then click the option whose text contains `text`. */
export async function choose(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text })
    .first()
    .click();
}

/**
 * The texts of what a locator finds once something is shown: an antd dropdown re-renders while it
 * opens, so a single read right after it appeared may catch it between two renders.
 */
export async function shownTexts(locator: Locator): Promise<string[]> {
  for (let tries = 0; tries < 50; tries++) {
    const texts = await locator.allTextContents();
    if (texts.length > 0) return texts;
    await locator.page().waitForTimeout(100);
  }
  return [];
}

/** The docs' screenshots, taken anew only when asked (KAIDAN_SCREENSHOTS=1): a run of the suite leaves the tree as it was. */
export const shot = async (page: Page, name: string): Promise<void> => {
  if (process.env.KAIDAN_SCREENSHOTS !== '1') return;
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true, animations: 'disabled' });
};

/**
 * Steps of one walk through the console: each is its own test, and once one fails the rest are skipped
 * (they would only fail for the same cause). A failure names the page it happened on and the refusals
 * and messages shown there, so a run on a loaded CI machine can be read without rerunning it.
 */
export function walk(page: Page): (name: string, fn: () => Promise<void>) => void {
  let broken = false;
  return (name, fn) =>
    it(name, async (t) => {
      if (broken) return t.skip('an earlier step failed');
      try {
        await fn();
      } catch (e) {
        broken = true;
        throw new Error(`${e instanceof Error ? e.message : String(e)}\n${await shownOn(page)}`, {
          cause: e,
        });
      }
    });
}

async function shownOn(page: Page): Promise<string> {
  try {
    const shown = await page
      .locator('[data-testid=problem], .ant-message, .ant-alert, .ant-form-item-explain-error')
      .allInnerTexts();
    return `  on ${page.url()}; shown: ${shown.join(' | ').slice(0, 600) || '(no refusal or message)'}`;
  } catch {
    return '  (the page could not be read)';
  }
}
