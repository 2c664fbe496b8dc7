import { createHash } from 'node:crypto';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { Archive, ArchivedObject } from '../../ports/archive.ts';

export interface S3ArchiveOptions {
  /** created once per Lambda container (module scope) */
  client: S3Client;
  bucket: string;
  /** a key prefix, e.g. 'evidence/' (default none) */
  prefix?: string | undefined;
}

const hexDigest = /^[0-9a-f]{64}$/;

/**
 * The Archive on S3: each object under `<prefix><first two hex digits>/<sha256>`, never
 * overwritten, checked on the way in and on the way out.
 *
 * - `put` sends the SHA-256 as the object's checksum (`ChecksumAlgorithm: 'SHA256'` with
 *   `ChecksumSHA256` = the base64 digest): S3 refuses the upload if the bytes it received hash
 *   otherwise, and keeps the checksum with the object. `IfNoneMatch: '*'` makes the write
 *   conditional on the key being free, so stored evidence is never replaced; a 412
 *   PreconditionFailed means the object is already there, and it is accepted only if its stored
 *   checksum is this digest (409 ConditionalRequestConflict, a concurrent put of the same key, is
 *   retried).
 * - `get` reads with `ChecksumMode: 'ENABLED'` (the SDK validates S3's checksum) and hashes the
 *   bytes itself: an object that no longer matches its name is an error naming the digest, not
 *   evidence.
 * - The bucket is expected to be versioned, encrypted and private (and may use Object Lock); the
 *   content type is stored as the object's Content-Type.
 *
 * @example
 * const archive = createS3Archive({ client: new S3Client({}), bucket: process.env.ARCHIVE_BUCKET! });
 * const { sha256 } = await archive.put(pdf, 'application/pdf'); // s3://bucket/ab/ab12…
 */
export function createS3Archive(options: S3ArchiveOptions): Archive {
  const { client, bucket } = options;
  const prefix = options.prefix ?? '';
  const keyOf = (sha256: string): string => `${prefix}${sha256.slice(0, 2)}/${sha256}`;

  /** The stored object under `key` is the one with this digest (by S3's stored checksum, else by reading it). */
  const alreadyStored = async (key: string, sha256: string): Promise<void> => {
    const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key, ChecksumMode: 'ENABLED' }));
    if (head.ChecksumSHA256 !== undefined) {
      if (head.ChecksumSHA256 !== toBase64(sha256)) throw mismatch(bucket, key, sha256, `its stored SHA-256 checksum is ${head.ChecksumSHA256}`);
      return;
    }
    await readVerified(key, sha256);
  };

  const readVerified = async (key: string, sha256: string): Promise<Uint8Array> => {
    const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key, ChecksumMode: 'ENABLED' }));
    const bytes = await object.Body!.transformToByteArray();
    const actual = digest(bytes);
    if (actual !== sha256) throw mismatch(bucket, key, sha256, `its bytes now hash to ${actual}`);
    return bytes;
  };

  return {
    async put(bytes: Uint8Array, contentType: string): Promise<ArchivedObject> {
      // a copy: the caller may reuse its buffer while the upload is under way
      const copy = Buffer.from(bytes);
      const sha256 = digest(copy);
      const key = keyOf(sha256);
      for (let attempt = 1; ; attempt++) {
        try {
          await client.send(
            new PutObjectCommand({
              Bucket: bucket,
              Key: key,
              Body: copy,
              ContentType: contentType,
              ChecksumAlgorithm: 'SHA256',
              ChecksumSHA256: toBase64(sha256),
              IfNoneMatch: '*',
            }),
          );
          break;
        } catch (error) {
          const name = (error as Error).name;
          const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
          if (name === 'PreconditionFailed' || status === 412) {
            await alreadyStored(key, sha256).catch((e: unknown) => {
              throw archiveError(`could not store ${sha256} in s3://${bucket}/${key}`, e);
            });
            break;
          }
          if ((name === 'ConditionalRequestConflict' || status === 409) && attempt < 5) {
            await new Promise((r) => setTimeout(r, 50 * attempt));
            continue;
          }
          throw archiveError(`could not store ${sha256} in s3://${bucket}/${key}`, error);
        }
      }
      return { sha256, size: copy.byteLength, contentType };
    },

    async get(sha256: string): Promise<Uint8Array | undefined> {
      const key = sha256.toLowerCase();
      if (!hexDigest.test(key)) throw new Error(`Archive: ${JSON.stringify(sha256)} is not a SHA-256 hex digest`);
      try {
        return await readVerified(keyOf(key), key);
      } catch (error) {
        if ((error as Error).name === 'NoSuchKey') return undefined;
        throw archiveError(`could not read ${key} from s3://${bucket}/${keyOf(key)}`, error);
      }
    },
  };
}

function digest(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function toBase64(hex: string): string {
  return Buffer.from(hex, 'hex').toString('base64');
}

function mismatch(bucket: string, key: string, sha256: string, found: string): Error {
  return new Error(`Archive: s3://${bucket}/${key} no longer matches its SHA-256 ${sha256} (${found}); the evidence was changed in the bucket`);
}

function archiveError(what: string, error: unknown): Error {
  const e = error as Error;
  if (e.message?.startsWith('Archive: ')) return e;
  return new Error(`Archive: ${what}: ${e.name}: ${e.message}`, { cause: error });
}
