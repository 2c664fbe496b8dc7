import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { PermanentMailError, TransientMailError } from '#functions/ports/errors.ts';
import type { Mailer, OutgoingMail } from '#functions/ports/mailer.ts';
import type { ContractException } from './store.contract.ts';

/** A mailer the harness arranged to fail, and where to send so that it does. */
export interface FailingMailer {
  mailer: Mailer;
  /** recipients that provoke the failure (default: the suite's usual recipient) */
  to?: string[] | undefined;
}

export interface MailerContract {
  /** the adapter's name, shown in the test titles */
  name: string;
  /** a mailer that delivers to the receiving side `received` looks at */
  make: () => Promise<Mailer>;
  /** every message the receiving side has accepted so far (in any order), as the exact bytes it got */
  received: () => Promise<Uint8Array[]>;
  /** set when the provider assigns its own message ids (SES), with why; otherwise the id must be the eml's Message-ID */
  providerMessageId?: { reason: string } | undefined;
  /** how to make this adapter fail in a way worth retrying (SMTP 4xx, a dropped connection); skipped when absent */
  transient?: (() => Promise<FailingMailer>) | undefined;
  /** how to make it fail for good (SMTP 5xx, a rejected recipient); skipped when absent */
  permanent?: (() => Promise<FailingMailer>) | undefined;
  /** runs once after the suite */
  cleanup?: (() => Promise<void>) | undefined;
  skip?: ContractException[] | undefined;
}

/**
 * A letter as the renderer makes it: CRLF line ends, an encoded subject, an 8-bit UTF-8 body in
 * three scripts, lines that begin with a dot (SMTP must stuff and unstuff them), a line that is a
 * lone dot (which ends the DATA of a careless client) and a base64 PDF.
 */
function letter(options: { to?: string[]; pdfBytes?: number } = {}): OutgoingMail {
  const id = `<${randomUUID()}@porter.example>`;
  const to = options.to ?? ['accounts@acme.example'];
  const boundary = `=_overdue_${randomUUID()}`;
  const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(options.pdfBytes ?? 30_000)])
    .toString('base64')
    .replace(/.{76}/g, '$&\r\n');
  const eml = [
    'From: Jane Porter <jane@porter.example>',
    `To: ${to.join(', ')}`,
    'Subject: =?UTF-8?B?0J/QvtGB0LvQtdC00L3QtdC1INC90LDQv9C+0LzQuNC90LDQvdC40LU=?=',
    'Date: Wed, 01 Apr 2026 09:00:00 +0100',
    `Message-ID: ${id}`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    'Dear Tom,',
    '.',
    '.. two dots',
    '.A line that begins with a dot',
    'Последнее напоминание — תזכורת אחרונה — dernier rappel',
    '',
    `--${boundary}`,
    'Content-Type: application/pdf; name="PD-0142.pdf"',
    'Content-Transfer-Encoding: base64',
    'Content-Disposition: attachment; filename="PD-0142.pdf"',
    '',
    pdf,
    `--${boundary}--`,
    '',
  ].join('\r\n');
  return { from: 'jane@porter.example', to, eml: new Uint8Array(Buffer.from(eml, 'utf8')), messageId: id };
}

const same = (a: Uint8Array, b: Uint8Array): boolean => Buffer.from(a).equals(Buffer.from(b));
const digest = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/**
 * The Mailer port's contract: the bytes that were archived are the bytes the receiving side gets,
 * and failures come back as the port's TransientMailError or PermanentMailError. Run by the SMTP
 * and outbox mailers locally and the SES mailer on AWS.
 *
 * @example
 * testMailer({ name: 'smtp', make: async () => createSmtpMailer({ host: '127.0.0.1', port, secure: false }), received: async () => server.messages });
 */
export function testMailer(contract: MailerContract): void {
  const { name, make, received, providerMessageId, transient, permanent, cleanup } = contract;

  const test = (title: string, fn: () => Promise<void>, needs?: unknown): void => {
    const skipped = contract.skip?.find((s) => s.test === title);
    if (skipped) it.skip(`${title} (skipped: ${skipped.reason})`, fn);
    else if (needs === undefined) it.skip(`${title} (skipped: the harness gives no way to provoke it)`, fn);
    else it(title, fn);
  };

  /** Sends, and answers what the receiving side got meanwhile (whatever order `received` lists in). */
  async function sendAndWatch(mailer: Mailer, mail: OutgoingMail) {
    const seen = new Map<string, number>();
    for (const bytes of await received()) seen.set(digest(bytes), (seen.get(digest(bytes)) ?? 0) + 1);
    const outcome = await mailer.send(mail).then(
      (sent) => ({ sent, error: undefined }),
      (error: unknown) => ({ sent: undefined, error }),
    );
    const arrived = (await received()).filter((bytes) => {
      const left = seen.get(digest(bytes)) ?? 0;
      seen.set(digest(bytes), left - 1);
      return left <= 0;
    });
    return { ...outcome, arrived };
  }

  describe(`Mailer contract: ${name}`, () => {
    afterAll(async () => {
      await cleanup?.();
    });

    test(
      'the receiving side gets exactly the bytes that were sent',
      async () => {
        const mail = letter();
        const { error, arrived } = await sendAndWatch(await make(), mail);
        expect(error).toBeUndefined();
        expect(arrived).toHaveLength(1);
        expect(Buffer.from(arrived[0]!).toString('utf8')).toBe(Buffer.from(mail.eml).toString('utf8'));
        expect(same(arrived[0]!, mail.eml)).toBe(true);
      },
      true,
    );

    test(
      'send answers the message id to record and names the provider',
      async () => {
        const mail = letter();
        const { sent } = await sendAndWatch(await make(), mail);
        expect(sent?.provider).toMatch(/\S/);
        if (providerMessageId) expect(sent?.messageId).toMatch(/\S/);
        else expect(sent?.messageId).toBe(mail.messageId);
      },
      true,
    );

    test(
      'each send is one delivery: two letters arrive as two, each intact',
      async () => {
        const mailer = await make();
        const first = letter();
        const second = letter({ to: ['tom.hale@acme.example', 'accounts@acme.example'], pdfBytes: 1000 });
        const a = await sendAndWatch(mailer, first);
        const b = await sendAndWatch(mailer, second);
        expect(a.arrived.length + b.arrived.length).toBe(2);
        expect(same(a.arrived[0]!, first.eml)).toBe(true);
        expect(same(b.arrived[0]!, second.eml)).toBe(true);
      },
      true,
    );

    test(
      'a large letter (a 2 MB attachment) arrives intact',
      async () => {
        const mail = letter({ pdfBytes: 2 * 1024 * 1024 });
        const { error, arrived } = await sendAndWatch(await make(), mail);
        expect(error).toBeUndefined();
        expect(arrived.length === 1 && same(arrived[0]!, mail.eml)).toBe(true);
      },
      true,
    );

    test(
      'a failure worth retrying is a TransientMailError, and nothing is delivered',
      async () => {
        const failing = await transient!();
        const { error, arrived } = await sendAndWatch(failing.mailer, letter({ to: failing.to }));
        expect(error).toBeInstanceOf(TransientMailError);
        expect((error as Error).message).toMatch(/\S/);
        expect(arrived).toEqual([]);
      },
      transient,
    );

    test(
      'a failure that retrying cannot fix is a PermanentMailError, and nothing is delivered',
      async () => {
        const failing = await permanent!();
        const { error, arrived } = await sendAndWatch(failing.mailer, letter({ to: failing.to }));
        expect(error).toBeInstanceOf(PermanentMailError);
        expect((error as Error).message).toMatch(/\S/);
        expect(arrived).toEqual([]);
      },
      permanent,
    );
  });
}
