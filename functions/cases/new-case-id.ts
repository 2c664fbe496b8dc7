import { randomBytes } from 'node:crypto';

const alphabet = '0123456789abcdefghjkmnpqrstvwxyz'; // Crockford base32, no i l o u

/** A short, unguessable case id: `c_` and 16 base32 characters (80 random bits). */
export function newCaseId(): string {
  const bytes = randomBytes(16);
  let id = 'c_';
  for (let i = 0; i < 16; i++) id += alphabet[bytes[i]! & 31];
  return id;
}
