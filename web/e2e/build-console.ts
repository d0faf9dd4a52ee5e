import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { build } from 'vite';

export const WEB_DIR = join(import.meta.dirname, '..');
export const DIST_DIR = join(WEB_DIR, 'dist');

function newestSource(): number {
  const inputs = ['index.html', 'vite.config.ts', 'package.json'].map((f) => join(WEB_DIR, f));
  // The console bundles shared/ code too (contracts, money formatting).
  for (const dir of [join(WEB_DIR, 'src'), join(WEB_DIR, '..', 'shared', 'src')])
    for (const f of readdirSync(dir, { recursive: true })) inputs.push(join(dir, String(f)));
  return Math.max(...inputs.map((f) => statSync(f).mtimeMs));
}

function builtAt(): number {
  try {
    return statSync(join(DIST_DIR, 'index.html')).mtimeMs;
  } catch {
    return 0;
  }
}

/**
 * Builds web/dist when it is missing or older than its sources. The test runner runs files in parallel
 * processes, so a mkdir lock keeps two builds from emptying each other's output.
 */
export async function ensureConsoleBuilt(): Promise<string> {
  if (builtAt() > newestSource()) return DIST_DIR;
  const lock = join(WEB_DIR, '.build-lock');
  for (let i = 0; ; i++) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock older than two minutes belongs to a process that died mid-build.
      if (i > 1200 || Date.now() - statSync(lock).mtimeMs > 120_000)
        rmSync(lock, { recursive: true, force: true });
      await sleep(100);
    }
  }
  try {
    if (builtAt() <= newestSource()) {
      await build({ root: WEB_DIR, configFile: join(WEB_DIR, 'vite.config.ts'), logLevel: 'warn' });
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
  return DIST_DIR;
}
