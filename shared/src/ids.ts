// Ids are `<prefix>_<time><random>` in Crockford base32, so they sort by creation time.
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

function encodeTime(ms: number): string {
  let out = '';
  let t = ms;
  for (let i = 0; i < 10; i++) {
    out = ALPHABET[t % 32] + out;
    t = Math.floor(t / 32);
  }
  return out;
}

let lastMs = -1;
let lastRand: number[] = [];

function randomPart(ms: number): string {
  // Monotonic within one millisecond: increment the previous random part instead of drawing anew.
  if (ms === lastMs) {
    for (let i = lastRand.length - 1; i >= 0; i--) {
      const v = (lastRand[i] ?? 0) + 1;
      if (v < 32) {
        lastRand[i] = v;
        break;
      }
      lastRand[i] = 0;
    }
  } else {
    const bytes = new Uint8Array(16);
    globalThis.crypto.getRandomValues(bytes);
    lastRand = Array.from(bytes, (b) => b % 32);
    lastMs = ms;
  }
  return lastRand.map((v) => ALPHABET[v]).join('');
}

export function newId(prefix: string, nowMs: number = Date.now()): string {
  return `${prefix}_${encodeTime(nowMs)}${randomPart(nowMs)}`;
}

export const ID_PATTERN = /^[a-z]{2,5}_[0-9a-z]{26}$/;
