import { open } from 'node:fs/promises';

/**
 * Makes a new name in `folder` durable: after a file is linked or renamed into place, the folder
 * itself must be flushed, or a power cut can lose the name though the bytes were on disk (POSIX).
 * Folders cannot be opened for flushing on Windows, where NTFS journals names itself.
 *
 * @example
 * await link(temp, final);
 * await syncFolder(dirname(final));
 */
export async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
