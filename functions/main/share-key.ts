import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The HMAC key of lawyer share links on this machine: 32 random bytes in the data folder,
 * created on first start (mode 0600). Deleting the file invalidates every link ever shared.
 */
export function loadShareKey(path: string): Uint8Array {
  try {
    const key = readFileSync(path);
    if (key.length >= 32) return new Uint8Array(key);
  } catch {
    /* first start */
  }
  mkdirSync(dirname(path), { recursive: true });
  const key = randomBytes(32);
  writeFileSync(path, key, { mode: 0o600 });
  return new Uint8Array(key);
}
