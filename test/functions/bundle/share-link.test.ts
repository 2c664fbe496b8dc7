import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newLinkId, ShareLinkError, signShareLink, verifyShareLink, type SharePayload } from '#functions/bundle/share-link.ts';

const key = new Uint8Array(randomBytes(32));
const payload: SharePayload = { caseId: 'c_6tm0xgt1gtvhhhww', linkId: newLinkId(), expiresAt: '2026-06-01T00:00:00.000Z', lang: 'fr' };
const before = new Date('2026-05-31T23:59:59.999Z');

/** The problem verifyShareLink reports, or 'ok'. */
function problem(token: string, now = before, k = key): string {
  try {
    verifyShareLink(k, token, now);
    return 'ok';
  } catch (error) {
    if (error instanceof ShareLinkError) return error.problem;
    throw error;
  }
}

/** A token over any body, signed the way signShareLink signs (to reach the payload checks). */
const signRaw = (body: unknown) => {
  const b = Buffer.from(JSON.stringify(body)).toString('base64url');
  return `${b}.${createHmac('sha256', key).update(`overdue-share-v1.${b}`).digest('base64url')}`;
};

describe('share links', () => {
  it('a link verifies to what was signed, until its expiry', () => {
    const token = signShareLink(key, payload);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(verifyShareLink(key, token, before)).toEqual(payload);
    expect(problem(token, new Date('2026-06-01T00:00:00.000Z'))).toBe('expired');
    expect(problem(token, new Date('2027-01-01T00:00:00.000Z'))).toBe('expired');
  });

  it('every single character changed, in the payload or the signature, breaks it', () => {
    const token = signShareLink(key, payload);
    const seen = new Set<string>();
    for (let i = 0; i < token.length; i++) {
      if (token[i] === '.') continue;
      const flipped = token.slice(0, i) + (token[i] === 'A' ? 'B' : 'A') + token.slice(i + 1);
      const p = problem(flipped);
      seen.add(p);
      expect([i, p === 'ok']).toEqual([i, false]);
    }
    expect([...seen].every((p) => p === 'bad-signature' || p === 'malformed')).toBe(true);
  });

  it('one signature has one spelling: the unused low bits of its last base64url character cannot be changed', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const token = signShareLink(key, payload);
    const last = alphabet.indexOf(token.at(-1)!);
    // 32 bytes in 43 characters: the last character carries 4 bits of the MAC and 2 that decode to nothing
    for (const other of [last ^ 1, last ^ 2, last ^ 3]) {
      expect(problem(token.slice(0, -1) + alphabet[other]!)).toBe('bad-signature');
    }
  });

  it('a link signed with another key, cut, padded or garbled is refused', () => {
    const token = signShareLink(key, payload);
    expect(problem(token, before, new Uint8Array(randomBytes(32)))).toBe('bad-signature');
    expect(problem(signShareLink(new Uint8Array(randomBytes(32)), payload))).toBe('bad-signature');
    for (const bad of ['', '.', token.split('.')[0]!, `${token}A`, `${token}.x`, token.replace('.', '..'), `${'A'.repeat(401)}.${token.split('.')[1]}`, token.replace(/[A-Za-z]/, '+')]) {
      expect([bad.slice(0, 20), problem(bad)]).not.toEqual([bad.slice(0, 20), 'ok']);
    }
  });

  it('a correctly signed body that is not a share payload is malformed, not accepted', () => {
    expect(problem(signRaw({ v: 2, c: payload.caseId, l: payload.linkId, e: payload.expiresAt, g: 'fr' }))).toBe('malformed');
    expect(problem(signRaw({ v: 1, c: payload.caseId, l: payload.linkId, e: payload.expiresAt, g: 'fr', admin: true }))).toBe('malformed');
    expect(problem(signRaw({ v: 1, c: payload.caseId, l: 'short', e: payload.expiresAt, g: 'fr' }))).toBe('malformed');
    expect(problem(signRaw({ v: 1, c: payload.caseId, l: payload.linkId, e: 'tomorrow', g: 'fr' }))).toBe('malformed');
    expect(problem(signRaw('a string'))).toBe('malformed');
    // and the same shape signed properly is accepted
    expect(problem(signRaw({ v: 1, c: payload.caseId, l: payload.linkId, e: payload.expiresAt, g: 'fr' }))).toBe('ok');
  });

  it('link ids are random, url-safe and 16 characters', () => {
    const ids = new Set(Array.from({ length: 200 }, () => newLinkId()));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{16}$/);
  });
});
