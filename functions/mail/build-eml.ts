import { createHash } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';

/** A mailbox: a display name and an address. */
export interface Mailbox {
  name: string;
  address: string;
}

/** A file attached to the message. */
export interface EmlAttachment {
  filename: string;
  content: Uint8Array;
  contentType: string;
}

/** Everything a message is built from; nothing is read from the clock, the disk or the network. */
export interface EmlInput {
  from: Mailbox;
  to: Mailbox[];
  /** where replies go; defaults to `from` */
  replyTo?: Mailbox | undefined;
  subject: string;
  text: string;
  html: string;
  attachments: EmlAttachment[];
  /** the Message-ID, `<local@domain>` */
  messageId: string;
  /** the Date header */
  date: Date;
}

const messageIdPattern = /^<[^<>\s@]+@[^<>\s@]+>$/;

/**
 * Builds the MIME message (.eml bytes, CRLF line ends) with nodemailer's MailComposer:
 * multipart/mixed with a multipart/alternative of the plain text and the HTML, then the
 * attachments (base64). The same input gives the same bytes: the Message-ID and Date are
 * passed in, and the multipart boundaries are derived from the Message-ID instead of random
 * numbers, so the stored evidence and the lawyer bundle can be rebuilt byte for byte. Attachments
 * are bytes only: file paths and URLs are refused (`disableFileAccess`, `disableUrlAccess`).
 *
 * @throws RangeError for a Message-ID that is not `<local@domain>` or a message with no recipient
 * @example const eml = await buildEml({ from, to: [debtor], subject, text, html, attachments: [{ filename: 'letter.pdf', content: pdf, contentType: 'application/pdf' }], messageId: '<stage-1@overdue.local>', date: new Date('2026-04-16T09:00:00Z') })
 * @see https://www.rfc-editor.org/rfc/rfc5322 (Message-ID, Date), https://www.rfc-editor.org/rfc/rfc2046 (multipart)
 */
export async function buildEml(input: EmlInput): Promise<Uint8Array> {
  if (!messageIdPattern.test(input.messageId)) throw new RangeError(`A Message-ID is written <local@domain>, not ${JSON.stringify(input.messageId)}`);
  if (input.to.length === 0) throw new RangeError('A message needs at least one recipient');
  const seed = createHash('sha256').update(input.messageId).digest('hex').slice(0, 24);
  const composer = new MailComposer({
    from: input.from,
    to: input.to,
    replyTo: input.replyTo ?? input.from,
    subject: input.subject,
    messageId: input.messageId,
    date: input.date,
    text: input.text,
    html: input.html,
    attachments: input.attachments.map((a) => ({ filename: a.filename, content: Buffer.from(a.content), contentType: a.contentType, contentDisposition: 'attachment' })),
    baseBoundary: seed,
    boundaryPrefix: '--_Overdue',
    newline: 'win',
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return new Uint8Array(await composer.compile().build());
}
