import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser, type AddressObject, type EmailAddress } from 'mailparser';
import type { Clock } from '../../ports/clock.ts';
import { TransientMailError } from '../../ports/errors.ts';
import type { Mailer, OutgoingMail, SentMail } from '../../ports/mailer.ts';
import { syncFolder } from './sync-folder.ts';

/** One letter in the outbox, as the site lists it. */
export interface OutboxEntry {
  /** the file name inside the outbox folder: `<sent at>-<message id>.eml` */
  file: string;
  size: number;
  subject: string;
  /** the To header as text, e.g. `Tom Hale <tom@acme.example>, accounts@acme.example` */
  to: string;
  /** the Date header, ISO 8601 (the file's time when the message has none) */
  date: string;
  /** the Message-ID header, angle brackets included */
  messageId: string;
}

/** What a file name in the outbox may look like: one plain name, no folders, no dot-dot. */
const outboxName = /^[A-Za-z0-9][A-Za-z0-9._@+=-]*\.eml$/;

/**
 * The Mailer for a machine with no SMTP settings: every letter becomes one `.eml` file in the
 * outbox folder, `<root>/<sent at, compact UTC>-<Message-ID made file-safe>.eml`, so the folder
 * sorts by time. The file holds exactly the bytes that were archived; any mail program opens it.
 *
 * The write is atomic (temp file, flushed, then hard-linked under its name), and a file is never
 * overwritten: sending the same message twice at the same instant gives `…-1.eml`. A file system
 * error is a TransientMailError (the disk may have room again later; the pipeline retries, then
 * shows it to the owner). Nothing here is ever permanent.
 *
 * @example
 * const mailer = createOutboxMailer({ root: '.overdue/outbox', clock: systemClock });
 * await mailer.send({ from, to, eml, messageId }); // → { messageId, provider: 'outbox 20260401T080000.000Z-….eml' }
 */
export function createOutboxMailer(options: { root: string; clock: Clock }): Mailer {
  const { root, clock } = options;
  return {
    async send(mail: OutgoingMail): Promise<SentMail> {
      const base = `${compactInstant(clock.now())}-${fileSafe(mail.messageId)}`;
      const temp = join(root, `.${base}.${randomBytes(6).toString('hex')}.tmp`);
      try {
        await mkdir(root, { recursive: true });
        const file = await open(temp, 'wx', 0o644);
        try {
          await file.writeFile(mail.eml);
          await file.datasync();
        } finally {
          await file.close();
        }
        for (let n = 0; ; n++) {
          const name = n === 0 ? `${base}.eml` : `${base}-${n}.eml`;
          try {
            await link(temp, join(root, name));
            // the letter is in the outbox now: failing here would make the pipeline send it twice
            await syncFolder(root).catch(() => undefined);
            return { messageId: mail.messageId, provider: `outbox ${name}` };
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
          }
        }
      } catch (error) {
        throw new TransientMailError(`Outbox ${root}: could not write the letter ${mail.messageId}: ${(error as Error).message}`, { cause: error });
      } finally {
        await rm(temp, { force: true }).catch(() => undefined);
      }
    },
  };
}

/**
 * The letters in the outbox, oldest first (by file name, which starts with the time sent). Reads
 * only each file's header block, so a long outbox lists quickly. A missing folder is an empty outbox.
 *
 * @example
 * const letters = await listOutbox('.overdue/outbox');
 * // [{ file: '20260401T080000.000Z-a1b2@porter.example.eml', size: 48211, subject: 'Invoice PD-0142 is overdue', to: 'Acme Widgets <accounts@acme.example>', date: '2026-04-01T08:00:00.000Z', messageId: '<a1b2@porter.example>' }]
 */
export async function listOutbox(root: string): Promise<OutboxEntry[]> {
  let names: string[];
  try {
    names = (await readdir(root)).filter((name) => outboxName.test(name)).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const entries: OutboxEntry[] = new Array(names.length);
  let next = 0;
  // a few files at a time: a big outbox must not run out of file handles
  const worker = async (): Promise<void> => {
    for (let i = next++; i < names.length; i = next++) entries[i] = await describeLetter(root, names[i]!);
  };
  await Promise.all(Array.from({ length: Math.min(8, names.length) }, worker));
  return entries;
}

/**
 * The exact bytes of one letter in the outbox, or undefined when there is no such file. A name
 * that is not a plain outbox file name (a folder, `..`, anything but `.eml`) is refused with a
 * RangeError before the disk is touched, so a request cannot read outside the outbox.
 *
 * @example
 * const eml = await readOutbox('.overdue/outbox', '20260401T080000.000Z-a1b2@porter.example.eml');
 */
export async function readOutbox(root: string, file: string): Promise<Uint8Array | undefined> {
  if (!outboxName.test(file) || file.includes('..')) throw new RangeError(`Outbox: ${JSON.stringify(file)} is not a letter in the outbox`);
  try {
    return new Uint8Array(await readFile(join(root, file)));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** 2026-04-01T08:00:00.000Z → 20260401T080000.000Z */
function compactInstant(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '');
}

/** `<a1b2.c3@porter.example>` → `a1b2.c3@porter.example`: only name-safe characters, no `..`, bounded. */
function fileSafe(messageId: string): string {
  const safe = messageId
    .replace(/^<|>$/g, '')
    .replace(/[^A-Za-z0-9._@+=-]/g, '_')
    .replace(/\.{2,}/g, '.')
    .slice(0, 120);
  return safe === '' ? 'message' : safe;
}

async function describeLetter(root: string, file: string): Promise<OutboxEntry> {
  const path = join(root, file);
  const [{ size, mtime }, head] = await Promise.all([stat(path), headerBlock(path)]);
  const parsed = await simpleParser(head);
  return {
    file,
    size,
    subject: parsed.subject ?? '',
    to: recipients(parsed.to),
    date: (parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date : mtime).toISOString(),
    messageId: parsed.messageId ?? '',
  };
}

/** The header block of a message (up to the first empty line), read in chunks and bounded. */
async function headerBlock(path: string): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    while (total < 1024 * 1024) {
      const chunk = Buffer.alloc(16 * 1024);
      const { bytesRead } = await file.read(chunk, 0, chunk.length, total);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      const all = Buffer.concat(chunks);
      const end = endOfHeaders(all);
      if (end >= 0) return Buffer.concat([all.subarray(0, end), Buffer.from('\r\n\r\n')]);
    }
    return Buffer.concat(chunks);
  } finally {
    await file.close();
  }
}

function endOfHeaders(bytes: Buffer): number {
  const crlf = bytes.indexOf('\r\n\r\n');
  const lf = bytes.indexOf('\n\n');
  if (crlf < 0) return lf;
  if (lf < 0) return crlf;
  return Math.min(crlf, lf);
}

/** `Tom Hale <tom@acme.example>, accounts@acme.example`: names decoded, unquoted, groups opened. */
function recipients(header: AddressObject | AddressObject[] | undefined): string {
  const show = (a: EmailAddress): string[] =>
    a.group ? a.group.flatMap(show) : a.address ? [a.name ? `${a.name} <${a.address}>` : a.address] : [];
  return (Array.isArray(header) ? header : header ? [header] : []).flatMap((h) => h.value.flatMap(show)).join(', ');
}
