import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Archive } from '#functions/ports/archive.ts';
import type { ContractException } from './store.contract.ts';

export interface ArchiveContract {
  /** the adapter's name, shown in the test titles */
  name: string;
  /** an archive of its own (a fresh folder, a fresh bucket or prefix) */
  make: () => Promise<Archive>;
  /**
   * Changes the stored bytes of `sha256` behind the archive's back (edit the file, overwrite the
   * object with a raw client). Without it the tamper test is skipped.
   */
  corrupt?: ((archive: Archive, sha256: string) => Promise<void>) | undefined;
  /** runs once after the suite */
  cleanup?: (() => Promise<void>) | undefined;
  skip?: ContractException[] | undefined;
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/**
 * The Archive port's contract: evidence is stored byte for byte under its SHA-256 and never
 * changes. Run by the filesystem archive locally and the S3 archive on AWS.
 *
 * @example
 * testArchive({ name: 'fs', make: async () => createFsArchive(mkdtempSync(join(tmpdir(), 'a-'))) });
 */
export function testArchive(contract: ArchiveContract): void {
  const { name, make, corrupt, cleanup } = contract;
  let archive: Archive;

  const test = (title: string, fn: () => Promise<void>, needs: { corrupt?: boolean } = {}): void => {
    const skipped = contract.skip?.find((s) => s.test === title);
    if (skipped) it.skip(`${title} (skipped: ${skipped.reason})`, fn);
    else if (needs.corrupt && !corrupt) it.skip(`${title} (skipped: the adapter gives no way to corrupt its storage)`, fn);
    else it(title, fn);
  };

  describe(`Archive contract: ${name}`, () => {
    beforeEach(async () => {
      archive = await make();
    });
    afterAll(async () => {
      await cleanup?.();
    });

    test('put answers the SHA-256 of the bytes (hex), their size and the content type', async () => {
      const pdf = randomBytes(10_000);
      expect(await archive.put(pdf, 'application/pdf')).toEqual({ sha256: sha256(pdf), size: 10_000, contentType: 'application/pdf' });
      // the empty input has a well-known digest
      expect((await archive.put(new Uint8Array(0), 'text/plain')).sha256).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    });

    test('get returns exactly the bytes that were put', async () => {
      const eml = utf8('Subject: =?UTF-8?B?0KHRh9GR0YI=?=\r\n\r\nשלום, привет, 👋\r\n.\r\n');
      const big = randomBytes(3 * 1024 * 1024);
      const empty = new Uint8Array(0);
      for (const bytes of [eml, big, empty]) {
        const { sha256: key } = await archive.put(bytes, 'application/octet-stream');
        const back = await archive.get(key);
        expect(back).toBeInstanceOf(Uint8Array);
        expect(Buffer.from(back!).equals(Buffer.from(bytes))).toBe(true);
      }
    });

    test('keeps what it stored: changing the input or a returned copy changes nothing', async () => {
      const bytes = utf8('Final demand');
      const { sha256: key } = await archive.put(bytes, 'text/plain');
      bytes[0] = 0x58;
      const first = (await archive.get(key))!;
      first[1] = 0x58;
      expect(Buffer.from((await archive.get(key))!).toString()).toBe('Final demand');
    });

    test('putting the same bytes again (even concurrently) is harmless and answers the same', async () => {
      const bytes = randomBytes(200_000);
      const first = await archive.put(bytes, 'application/pdf');
      const again = await Promise.all(Array.from({ length: 5 }, () => archive.put(Buffer.from(bytes), 'application/pdf')));
      expect(again.every((r) => r.sha256 === first.sha256 && r.size === first.size)).toBe(true);
      expect(Buffer.from((await archive.get(first.sha256))!).equals(bytes)).toBe(true);
    });

    test('an unknown digest answers undefined', async () => {
      expect(await archive.get(sha256(utf8('never stored')))).toBeUndefined();
    });

    test('a key that is not a SHA-256 hex digest is refused, not looked up', async () => {
      for (const key of ['', 'abc', '../../etc/passwd', `${'a'.repeat(62)}/x`, 'z'.repeat(64)]) {
        await expect(archive.get(key), key).rejects.toThrow(/SHA-256/);
      }
    });

    test(
      'bytes changed behind the archive\'s back are detected on read: get throws, naming the digest',
      async () => {
        const bytes = utf8('%PDF-1.7 the letter as sent');
        const { sha256: key } = await archive.put(bytes, 'application/pdf');
        await corrupt!(archive, key);
        await expect(archive.get(key)).rejects.toThrow(key);
      },
      { corrupt: true },
    );
  });
}
