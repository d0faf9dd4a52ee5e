import assert from 'node:assert/strict';
import { AppError } from '../platform/errors';

/** Awaits a promise that must be refused with an AppError, and returns the error for its code and text. */
export async function refusal(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  assert.ok(e instanceof AppError, `expected an AppError, got ${String(e)}`);
  return e;
}
