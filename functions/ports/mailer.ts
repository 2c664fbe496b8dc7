/** A message ready to go: the exact MIME bytes that are archived are the bytes that are sent. */
export interface OutgoingMail {
  from: string;
  to: string[];
  eml: Uint8Array;
  /** the Message-ID header inside `eml`, for providers that do not return their own */
  messageId: string;
}

export interface SentMail {
  /** the provider's id (SMTP: the Message-ID; SES: its MessageId); recorded in the log */
  messageId: string;
  provider: string;
}

/**
 * Sends e-mail. Local: SMTP (nodemailer) when configured, else an outbox folder of .eml files;
 * AWS: SES. Adapters throw TransientMailError or PermanentMailError (functions/ports/errors.ts).
 */
export interface Mailer {
  send(mail: OutgoingMail): Promise<SentMail>;
}
