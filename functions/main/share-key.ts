import { hkdfSync, randomBytes } from 'node:crypto';
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

/**
 * The HMAC key of lawyer share links on AWS, derived from the API token (HKDF-SHA256, RFC 5869):
 * every API instance derives the same key without a second secret, and rotating the token
 * withdraws every link shared before (a lawyer asks for a new one).
 *
 * @example createApp(ports, { token, shareKey: deriveShareKey(token) })
 */
export function deriveShareKey(apiToken: string): Uint8Array {
  if (apiToken.length < 16) throw new RangeError('deriveShareKey: the API token must have at least 16 characters');
  return new Uint8Array(hkdfSync('sha256', apiToken, 'overdue', 'lawyer share links v1', 32));
}
