import { createHash, randomBytes } from 'node:crypto';
import { link, mkdir, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Archive, ArchivedObject } from '../../ports/archive.ts';
import { syncFolder } from './sync-folder.ts';

const hexDigest = /^[0-9a-f]{64}$/;

/**
 * The Archive on the local disk: every object is one read-only file named by its SHA-256,
 * `<root>/<first two hex digits>/<sha256>`, as git stores objects.
 *
 * - Written atomically: the bytes go to a temp file in the same folder, are flushed to disk, then
 *   the file is hard-linked under its final name. `link` fails when the name exists, so a file is
 *   never overwritten, not even by two processes archiving the same bytes at once (a rename would
 *   replace it); the temp file is then removed.
 * - Verified on read: `get` hashes what it read and throws when the file no longer matches its
 *   name (evidence changed on disk), rather than handing out bytes that are not what was sent.
 * - The content type is not stored: the case log says what each digest is (PDF or .eml).
 *
 * @example
 * const archive = createFsArchive('.overdue/archive');
 * const { sha256 } = await archive.put(pdfBytes, 'application/pdf');
 * const same = await archive.get(sha256); // the bytes, or undefined if never stored
 */
export function createFsArchive(root: string): Archive {
  const pathOf = (sha256: string): string => join(root, sha256.slice(0, 2), sha256);

  return {
    async put(bytes: Uint8Array, contentType: string): Promise<ArchivedObject> {
      // a copy: the caller may reuse its buffer while the write is under way
      const copy = Buffer.from(bytes);
      const sha256 = digest(copy);
      const folder = join(root, sha256.slice(0, 2));
      const temp = join(folder, `.${sha256}.${randomBytes(6).toString('hex')}.tmp`);
      try {
        await mkdir(folder, { recursive: true });
        const file = await open(temp, 'wx', 0o444);
        try {
          await file.writeFile(copy);
          await file.datasync();
        } finally {
          await file.close();
        }
        try {
          await link(temp, pathOf(sha256));
          await syncFolder(folder);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
          // already archived (by an earlier put or a concurrent one): the same name must hold the same bytes
          await verified(pathOf(sha256), sha256);
        }
      } catch (error) {
        if ((error as Error).message.startsWith('Archive: ')) throw error;
        throw new Error(`Archive: could not store ${sha256} under ${root}: ${(error as Error).message}`, { cause: error });
      } finally {
        // best effort: a leftover dot-file is harmless, and must not hide the error that matters
        await rm(temp, { force: true }).catch(() => undefined);
      }
      return { sha256, size: copy.byteLength, contentType };
    },

    async get(sha256: string): Promise<Uint8Array | undefined> {
      const key = sha256.toLowerCase();
      if (!hexDigest.test(key)) throw new Error(`Archive: ${JSON.stringify(sha256)} is not a SHA-256 hex digest`);
      try {
        return await verified(pathOf(key), key);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
  };
}

function digest(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function verified(path: string, sha256: string): Promise<Uint8Array> {
  const bytes = new Uint8Array(await readFile(path));
  const actual = digest(bytes);
  if (actual !== sha256) {
    throw new Error(`Archive: ${path} no longer matches its SHA-256 ${sha256} (its bytes now hash to ${actual}); the evidence was changed on disk`);
  }
  return bytes;
}
