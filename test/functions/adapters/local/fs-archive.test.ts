import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFsArchive } from '#functions/adapters/local/fs-archive.ts';
import type { Archive } from '#functions/ports/archive.ts';
import { testArchive } from '../../../contracts/archive.contract.ts';

const dir = mkdtempSync(join(tmpdir(), 'overdue-archive-'));
let n = 0;
const rootOf = new WeakMap<Archive, string>();
const fresh = (): { root: string; archive: Archive } => {
  const root = join(dir, `archive-${n++}`);
  const archive = createFsArchive(root);
  rootOf.set(archive, root);
  return { root, archive };
};
const fileOf = (root: string, sha256: string): string => join(root, sha256.slice(0, 2), sha256);
const sha = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

testArchive({
  name: 'fs (files in a temp dir)',
  make: async () => fresh().archive,
  corrupt: async (archive, sha256) => {
    const path = fileOf(rootOf.get(archive)!, sha256);
    chmodSync(path, 0o644);
    const bytes = readFileSync(path);
    bytes[bytes.length - 1]! ^= 0x01;
    writeFileSync(path, bytes);
  },
  cleanup: async () => rmSync(dir, { recursive: true, force: true }),
});

describe('fs archive: the files on disk', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stores each object as <root>/<aa>/<sha256>, read-only, with no temp file left behind', async () => {
    const { root, archive } = fresh();
    const bytes = randomBytes(5000);
    const { sha256 } = await archive.put(bytes, 'application/pdf');
    await archive.put(bytes, 'application/pdf');

    expect(readdirSync(root)).toEqual([sha256.slice(0, 2)]);
    expect(readdirSync(join(root, sha256.slice(0, 2)))).toEqual([sha256]);
    expect(readFileSync(fileOf(root, sha256)).equals(bytes)).toBe(true);
    if (process.platform !== 'win32') expect(statSync(fileOf(root, sha256)).mode & 0o777).toBe(0o444);
  });

  it('never rewrites a stored file: archiving the same bytes again leaves it as it was', async () => {
    const { root, archive } = fresh();
    const bytes = randomBytes(5000);
    const { sha256 } = await archive.put(bytes, 'application/pdf');
    const before = statSync(fileOf(root, sha256), { bigint: true });
    await Promise.all(Array.from({ length: 4 }, () => archive.put(bytes, 'application/pdf')));
    const after = statSync(fileOf(root, sha256), { bigint: true });
    expect({ ino: after.ino, mtime: after.mtimeNs, nlink: after.nlink }).toEqual({ ino: before.ino, mtime: before.mtimeNs, nlink: 1n });
  });

  it('says what is wrong when a file was changed on disk', async () => {
    const { root, archive } = fresh();
    const bytes = new TextEncoder().encode('the letter as sent');
    const { sha256 } = await archive.put(bytes, 'text/plain');
    const path = fileOf(root, sha256);
    chmodSync(path, 0o644);
    writeFileSync(path, 'the letter, edited');
    const edited = sha(new TextEncoder().encode('the letter, edited'));

    await expect(archive.get(sha256)).rejects.toThrow(
      `Archive: ${path} no longer matches its SHA-256 ${sha256} (its bytes now hash to ${edited}); the evidence was changed on disk`,
    );
    // putting the true bytes again does not paper over it
    await expect(archive.put(bytes, 'text/plain')).rejects.toThrow('no longer matches its SHA-256');
  });

  it('accepts a digest in capitals and finds the same object', async () => {
    const { archive } = fresh();
    const bytes = randomBytes(100);
    const { sha256 } = await archive.put(bytes, 'application/octet-stream');
    expect(Buffer.from((await archive.get(sha256.toUpperCase()))!).equals(bytes)).toBe(true);
  });

  it('reports a folder it cannot write into, naming the root', async () => {
    const root = join(dir, 'not-a-folder');
    writeFileSync(root, 'a file where the archive folder should be');
    await expect(createFsArchive(root).put(randomBytes(10), 'text/plain')).rejects.toThrow(`Archive: could not store`);
    await expect(createFsArchive(root).put(randomBytes(10), 'text/plain')).rejects.toThrow(root);
  });
});
