import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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
 * Builds web/dist when it is missing or older than its sources. `npm test` builds it once before the
 * suite; a file run alone builds it itself. The test runner runs files in parallel processes, so a lock
 * directory naming its owner keeps two builds from emptying each other's output: a lock is taken over
 * only when its owner has died, never for being old (a build on a loaded machine can take minutes).
 */
export async function ensureConsoleBuilt(): Promise<string> {
  if (builtAt() > newestSource()) return DIST_DIR;
  const lock = join(WEB_DIR, '.build-lock');
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch {
      if (!ownerAlive(lock)) rmSync(lock, { recursive: true, force: true });
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

function ownerAlive(lock: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(join(lock, 'pid'), 'utf8'));
  } catch {
    // Just made and its pid not yet written, or gone: look again shortly, unless it is old.
    try {
      return Date.now() - statSync(lock).mtimeMs < 10_000;
    } catch {
      return false;
    }
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: alive, but another user's.
    return e instanceof Error && 'code' in e && e.code === 'EPERM';
  }
}
