import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { baseLanguage } from '#domain/schemas/language.ts';
import { localDateTime } from '#domain/time/zoned-instant.ts';
import { PlainDateSchema } from '#domain/time/plain-date.ts';
import { fieldErrors } from '#domain/validation/field-errors.ts';
import { mutateCase } from '../cases/mutate-case.ts';
import { CaseNotFoundError } from '../ports/errors.ts';
import type { Ports } from '../ports/ports.ts';
import type { BundleDelivery } from './bundle-delivery.ts';
import { newLinkId, ShareLinkError, signShareLink, verifyShareLink } from './share-link.ts';

export const ShareRequestSchema = z.strictObject({
  lang: z.string().refine((l) => baseLanguage(l) !== undefined, { message: 'must be one of en, ru, fr, he' }).default('en'),
  expiresInDays: z.number().int().min(1).max(90).default(14),
});
const BundleQuery = z.object({
  lang: z.string().refine((l) => baseLanguage(l) !== undefined, { message: 'must be one of en, ru, fr, he' }).default('en'),
  date: PlainDateSchema.optional(),
});

/**
 * The download headers. A name in another script (a Russian or Hebrew case reference) goes in
 * `filename*` (RFC 6266 / RFC 8187, UTF-8, percent-encoded), with an ASCII `filename` for old
 * clients: HTTP header values cannot carry it raw.
 */
const zipHeaders = (name: string, caseId: string, date: string) => ({
  'content-type': 'application/zip',
  'content-disposition': /^[\x20-\x7e]+$/.test(name) && !/["\\]/.test(name)
    ? `attachment; filename="${name}"`
    : `attachment; filename="overdue-${caseId}-${date}.zip"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`)}`,
  'cache-control': 'private, no-store',
});

/**
 * Builds the bundle, loading the PDF engine (React-PDF, fonts, the documents) only now: the API's
 * other routes, and a Lambda's cold start, do not pay for it.
 */
async function makeBundle(ports: Ports, caseId: string, date: string, lang: string) {
  const [{ buildBundle }, { renderDatedPdf }] = await Promise.all([import('./build-bundle.tsx'), import('./render-dated-pdf.ts')]);
  return buildBundle(ports, caseId, { date, lang, render: renderDatedPdf });
}

/** Today on the creditor's calendar: the default bundle date. */
function today(ports: Pick<Ports, 'clock'>, timeZone: string): string {
  return localDateTime(ports.clock.now(), timeZone).date;
}

/**
 * The lawyer bundle over HTTP: the owner downloads it (behind the API token), creates and revokes
 * share links; a lawyer opens a share link without an account. A wrong, expired, revoked or
 * foreign link gets the same 404 as an unknown one: it reveals nothing.
 */
export function addBundleRoutes(app: OpenAPIHono, ports: Ports, shareKey: Uint8Array | undefined, delivery?: BundleDelivery): void {
  const zip = { 200: { description: 'the bundle (ZIP)', content: { 'application/zip': { schema: z.string() } } }, 404: { description: 'no such case or link' } };
  const describe = (route: Parameters<typeof createRoute>[0]) => app.openAPIRegistry.registerPath(createRoute(route));
  describe({
    method: 'get',
    path: '/api/cases/{id}/bundle',
    summary: "The lawyer bundle of a case, in the lawyer's language, as of a date",
    request: { params: z.object({ id: z.string() }), query: BundleQuery },
    responses: { ...zip, 303: { description: 'on AWS, a bundle too large for the answer: a short-lived download link (JSON { url, fileName } when the request accepts application/json)' }, 400: { description: 'field errors' } },
  });
  describe({
    method: 'post',
    path: '/api/cases/{id}/share',
    summary: 'Create a signed, expiring, revocable link that downloads the bundle without an account',
    request: { params: z.object({ id: z.string() }), body: { content: { 'application/json': { schema: ShareRequestSchema } }, required: false } },
    responses: { 201: { description: '{ linkId, expiresAt, url }' }, 400: { description: 'field errors' }, 404: { description: 'no such case' }, 503: { description: 'share links are not configured' } },
  });
  describe({ method: 'delete', path: '/api/cases/{id}/share/{linkId}', summary: 'Withdraw a share link', request: { params: z.object({ id: z.string(), linkId: z.string() }) }, responses: { 200: { description: '{ revoked }' }, 404: { description: 'no such case' } } });
  describe({ method: 'get', path: '/api/share/{token}', summary: 'A lawyer downloads the bundle with a share link (no token needed)', request: { params: z.object({ token: z.string() }) }, responses: { ...zip, 303: { description: 'on AWS, a bundle too large for the answer: redirected to a short-lived download link' } } });

  app.get('/api/cases/:id/bundle', async (c) => {
    const query = BundleQuery.safeParse(c.req.query());
    if (!query.success) return c.json({ error: 'invalid', fields: fieldErrors(query.error) }, 400);
    const record = await ports.store.getCase(c.req.param('id'));
    if (!record) throw new CaseNotFoundError(c.req.param('id'));
    const date = query.data.date ?? today(ports, record.file.creditor.timeZone);
    const bundle = await makeBundle(ports, record.id, date, query.data.lang);
    const url = await delivery?.(bundle);
    if (url) {
      // too large for this answer: a short-lived link instead, as JSON for the site (which then
      // navigates to it), as a redirect for anything else (curl -L, a browser)
      if ((c.req.header('accept') ?? '').includes('application/json')) return c.json({ url, fileName: bundle.fileName });
      return c.redirect(url, 303);
    }
    return c.body(bundle.bytes.slice().buffer, 200, zipHeaders(bundle.fileName, record.id, date));
  });

  app.post('/api/cases/:id/share', async (c) => {
    if (!shareKey) return c.json({ error: 'unavailable', message: 'share links are not configured on this server' }, 503);
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      body = {};
    }
    const parsed = ShareRequestSchema.safeParse(body);
    if (!parsed.success) return c.json({ error: 'invalid', fields: fieldErrors(parsed.error) }, 400);
    const linkId = newLinkId();
    const now = ports.clock.now();
    const expiresAt = new Date(now.getTime() + parsed.data.expiresInDays * 86_400_000).toISOString();
    await mutateCase(ports, c.req.param('id'), (record) => ({
      record,
      events: [{ at: now.toISOString(), actor: 'owner', type: 'share-created', data: { linkId, expiresAt, lang: parsed.data.lang } }],
    }));
    const token = signShareLink(shareKey, { caseId: c.req.param('id'), linkId, expiresAt, lang: parsed.data.lang });
    return c.json({ linkId, expiresAt, url: `${new URL(c.req.url).origin}/api/share/${token}` }, 201);
  });

  app.delete('/api/cases/:id/share/:linkId', async (c) => {
    const linkId = c.req.param('linkId');
    await mutateCase(ports, c.req.param('id'), (record) => ({
      record,
      events: [{ at: ports.clock.now().toISOString(), actor: 'owner', type: 'share-revoked', data: { linkId } }],
    }));
    return c.json({ revoked: linkId });
  });

  app.get('/api/share/:token', async (c) => {
    const nothing = () => c.json({ error: 'not-found', message: 'this link is not valid: it may have expired or been withdrawn' }, 404);
    if (!shareKey) return nothing();
    let link;
    try {
      link = verifyShareLink(shareKey, c.req.param('token'), ports.clock.now());
    } catch (error) {
      if (error instanceof ShareLinkError) return nothing();
      throw error;
    }
    const record = await ports.store.getCase(link.caseId);
    if (!record) return nothing();
    const events = await ports.store.getEvents(link.caseId);
    const created = events.some((e) => e.type === 'share-created' && e.data?.['linkId'] === link.linkId);
    const revoked = events.some((e) => e.type === 'share-revoked' && e.data?.['linkId'] === link.linkId);
    if (!created || revoked) return nothing();
    const date = today(ports, record.file.creditor.timeZone);
    const bundle = await makeBundle(ports, record.id, date, link.lang);
    const url = await delivery?.(bundle);
    if (url) return c.redirect(url, 303);
    return c.body(bundle.bytes.slice().buffer, 200, zipHeaders(bundle.fileName, record.id, date));
  });
}
