import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** What a share link grants: one case's bundle, in one language, until a time. */
export interface SharePayload {
  caseId: string;
  linkId: string;
  expiresAt: string;
  lang: string;
}

export type ShareLinkProblem = 'malformed' | 'bad-signature' | 'expired';

/** A share link that does not open. Callers answer every problem the same way: nothing is revealed. */
export class ShareLinkError extends Error {
  override name = 'ShareLinkError';
  readonly problem: ShareLinkProblem;
  constructor(problem: ShareLinkProblem) {
    super(`share link ${problem}`);
    this.problem = problem;
  }
}

const PayloadSchema = z.strictObject({ v: z.literal(1), c: z.string().min(1).max(64), l: z.string().regex(/^[A-Za-z0-9_-]{8,32}$/), e: z.iso.datetime(), g: z.string().min(2).max(10) });

const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64url');
const mac = (key: Uint8Array, body: string) => createHmac('sha256', key).update(`overdue-share-v1.${body}`).digest();

/** A new random link id (16 bytes, base64url). */
export function newLinkId(): string {
  return randomBytes(12).toString('base64url');
}

/**
 * Signs a share link token: `<base64url payload>.<base64url HMAC-SHA256>`. The key is the
 * deployment's secret (a file in the data folder locally, Secrets Manager on AWS).
 *
 * @example const token = signShareLink(key, { caseId, linkId: newLinkId(), expiresAt: '2026-07-01T00:00:00.000Z', lang: 'fr' })
 */
export function signShareLink(key: Uint8Array, payload: SharePayload): string {
  const body = b64(JSON.stringify({ v: 1, c: payload.caseId, l: payload.linkId, e: payload.expiresAt, g: payload.lang }));
  return `${body}.${b64(mac(key, body))}`;
}

/**
 * Checks a token's signature (constant time) and expiry; revocation is the caller's check
 * against the case log.
 *
 * @throws ShareLinkError
 */
export function verifyShareLink(key: Uint8Array, token: string, now: Date): SharePayload {
  const match = /^([A-Za-z0-9_-]{10,400})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) throw new ShareLinkError('malformed');
  const [, body, signature] = match as unknown as [string, string, string];
  // compared as text, not as decoded bytes: base64url decoding ignores the low bits of the last
  // character, so a decoded comparison would accept four spellings of one signature
  const expected = Buffer.from(b64(mac(key, body)), 'latin1');
  const given = Buffer.from(signature, 'latin1');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new ShareLinkError('bad-signature');
  let parsed;
  try {
    parsed = PayloadSchema.parse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
  } catch {
    throw new ShareLinkError('malformed');
  }
  if (Date.parse(parsed.e) <= now.getTime()) throw new ShareLinkError('expired');
  return { caseId: parsed.c, linkId: parsed.l, expiresAt: parsed.e, lang: parsed.g };
}
