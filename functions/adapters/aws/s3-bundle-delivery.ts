import { createHash } from 'node:crypto';
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { BundleDelivery } from '../../bundle/bundle-delivery.ts';

export interface S3BundleDeliveryOptions {
  client: S3Client;
  bucket: string;
  /** key prefix of the delivered bundles (default `bundles/`); the API may write only there */
  prefix?: string | undefined;
  /** bundles up to this size are answered inline (default 4 MiB: a Lambda answer holds 6 MB once base64-encoded) */
  inlineUpTo?: number | undefined;
  /** how long the download link works, in seconds (default 300) */
  expiresIn?: number | undefined;
}

/**
 * Delivers a lawyer bundle too large for a Lambda answer through S3: the ZIP is stored under
 * `bundles/<sha256>.zip` (content-addressed: the same bundle is stored once; the bucket's
 * versioning and Object Lock keep a copy of what was handed over) and the answer is a presigned
 * GET that works for a few minutes and downloads under the bundle's own file name
 * (`response-content-disposition`, RFC 6266 with the UTF-8 name).
 *
 * @example createApp(ports, { token, bundleDelivery: createS3BundleDelivery({ client: s3, bucket: env.ARCHIVE_BUCKET }) })
 * @see https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html (6 MB response payload)
 */
export function createS3BundleDelivery(options: S3BundleDeliveryOptions): BundleDelivery {
  const { client, bucket } = options;
  const prefix = options.prefix ?? 'bundles/';
  const inlineUpTo = options.inlineUpTo ?? 4 * 1024 * 1024;
  const expiresIn = options.expiresIn ?? 300;
  return async (bundle) => {
    if (bundle.bytes.length <= inlineUpTo) return undefined;
    const digest = createHash('sha256').update(bundle.bytes).digest();
    const key = `${prefix}${digest.toString('hex')}.zip`;
    await client.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        Body: bundle.bytes,
        ContentType: 'application/zip',
        ChecksumAlgorithm: 'SHA256',
        ChecksumSHA256: digest.toString('base64'),
      }),
    );
    const ascii = bundle.fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
    return getSignedUrl(
      client,
      new GetObjectCommand({
        Bucket: bucket,
        Key: key,
        ResponseContentType: 'application/zip',
        ResponseContentDisposition: `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(bundle.fileName)}`,
      }),
      { expiresIn },
    );
  };
}
