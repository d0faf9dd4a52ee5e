import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

// The library's default algorithm is argon2id (m=19 MiB, t=2, p=1), the OWASP baseline; a test pins it.
export const hashPassword = (password: string): Promise<string> => hash(password);

// Verifying against a real hash when the email is unknown keeps both failures equally slow.
let dummy: Promise<string> | undefined;

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) {
    dummy ??= hash(randomBytes(16).toString('hex'));
    await verify(await dummy, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}

/** A random 256-bit secret; only its sha256 is stored (high entropy makes a slow hash pointless). */
export const newSecret = (): string => randomBytes(32).toString('base64url');
export const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');
