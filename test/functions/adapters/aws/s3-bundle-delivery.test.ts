import { createHash } from 'node:crypto';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, describe, expect, it } from 'vitest';
import { createS3BundleDelivery } from '#functions/adapters/aws/s3-bundle-delivery.ts';
import { createApp } from '#functions/api/app.ts';
import type { Bundle } from '#functions/bundle/build-bundle.tsx';
import { example, localPorts, newCase, removeLocal } from '../../bundle/bundle-ports.ts';
import { startS3rver } from './stand-ins.ts';

/**
 * A lawyer bundle too large for a Lambda answer goes through S3: stored once under
 * bundles/<sha256>.zip, answered with a presigned link that s3rver serves under the bundle's
 * own name. Through the API: JSON for the site, 303 for the rest.
 */

const bucket = 'overdue-evidence';
const s3 = await startS3rver([bucket]);
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const bundleOf = (bytes: Uint8Array, fileName = 'overdue-СЕВЕР-2026-5-2026-07-15.zip'): Bundle => ({ fileName, bytes, files: [], warnings: [] });

afterAll(async () => {
  await s3.stop();
  removeLocal();
});

describe('createS3BundleDelivery (s3rver)', () => {
  it('answers small bundles inline: nothing is stored', async () => {
    const client = s3.client();
    const deliver = createS3BundleDelivery({ client, bucket, inlineUpTo: 1000 });
    const bytes = new Uint8Array(1000).fill(7);
    expect(await deliver(bundleOf(bytes))).toBeUndefined();
    await expect(client.send(new HeadObjectCommand({ Bucket: bucket, Key: `bundles/${sha(bytes)}.zip` }))).rejects.toThrow();
  });

  it('stores a large bundle once under bundles/<sha256>.zip and gives a link that downloads the same bytes under its UTF-8 name, for five minutes', async () => {
    const client = s3.client();
    const deliver = createS3BundleDelivery({ client, bucket, inlineUpTo: 1000 });
    const bytes = new Uint8Array(5000).map((_, i) => i % 251);
    const url = await deliver(bundleOf(bytes));
    expect(url).toBeDefined();
    const link = new URL(url!);
    expect(link.pathname).toBe(`/${bucket}/bundles/${sha(bytes)}.zip`);
    expect(link.searchParams.get('X-Amz-Expires')).toBe('300');
    expect(link.searchParams.get('X-Amz-Algorithm')).toBe('AWS4-HMAC-SHA256');

    const response = await fetch(url!);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="overdue-_____-2026-5-2026-07-15.zip"; filename*=UTF-8''${encodeURIComponent('overdue-СЕВЕР-2026-5-2026-07-15.zip')}`,
    );
    expect(sha(new Uint8Array(await response.arrayBuffer()))).toBe(sha(bytes));

    // s3rver does not check query-string signatures (a forged X-Amz-Signature is served too), so
    // only the signing parameters are checked here; the signing itself is @aws-sdk/s3-request-presigner's
    expect(link.searchParams.get('X-Amz-SignedHeaders')).toBe('host');
    expect(link.searchParams.get('X-Amz-Credential')).toMatch(/^[^/]+\/\d{8}\/[a-z0-9-]+\/s3\/aws4_request$/);
    expect(link.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);

    // the same bundle again: the same object, a fresh link
    expect(new URL((await deliver(bundleOf(bytes)))!).pathname).toBe(link.pathname);
  });
});

describe('the bundle routes with a delivery', () => {
  it('the owner gets { url, fileName } when asking for JSON and a 303 otherwise; a share link redirects; both links download the bundle', async () => {
    const ports = localPorts('2026-04-02T00:00:00Z');
    try {
      const caseId = await newCase(ports, example('ru-gentle'));
      const app = createApp(ports, { shareKey: new Uint8Array(32).fill(1), bundleDelivery: createS3BundleDelivery({ client: s3.client(), bucket, inlineUpTo: 1000 }) });

      const asJson = await app.request(`/api/cases/${caseId}/bundle?lang=ru&date=2026-07-15`, { headers: { accept: 'application/zip, application/json' } });
      expect(asJson.status).toBe(200);
      const { url, fileName } = (await asJson.json()) as { url: string; fileName: string };
      expect(fileName).toBe('overdue-СЕВЕР-2026-5-2026-07-15.zip');
      const zip = new Uint8Array(await (await fetch(url)).arrayBuffer());
      expect(Buffer.from(zip.subarray(0, 4)).toString('latin1')).toBe('PK\x03\x04');

      const redirected = await app.request(`/api/cases/${caseId}/bundle?lang=ru&date=2026-07-15`);
      expect(redirected.status).toBe(303);
      expect(new URL(redirected.headers.get('location')!).pathname).toBe(new URL(url).pathname);

      const shared = (await (await app.request(`/api/cases/${caseId}/share`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ lang: 'ru' }) })).json()) as { url: string };
      const opened = await app.request(new URL(shared.url).pathname);
      expect(opened.status).toBe(303);
      expect((await fetch(opened.headers.get('location')!)).status).toBe(200);
    } finally {
      await ports.store.close();
    }
  }, 60_000);
});
