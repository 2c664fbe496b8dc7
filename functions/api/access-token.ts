import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';

/**
 * Requires `Authorization: Bearer <token>` when a token is configured. The comparison is
 * constant-time over SHA-256 digests (equal lengths whatever the input), so response time does
 * not reveal how much of a guess was right.
 */
export function accessToken(token: string | undefined): MiddlewareHandler {
  const expected = token ? createHash('sha256').update(token).digest() : undefined;
  return async (c, next) => {
    if (!expected) return next();
    const header = c.req.header('authorization') ?? '';
    const given = createHash('sha256').update(header.startsWith('Bearer ') ? header.slice(7) : '').digest();
    if (!timingSafeEqual(given, expected)) return c.json({ error: 'unauthorized', message: 'a valid API token is required (Authorization: Bearer …)' }, 401);
    return next();
  };
}
