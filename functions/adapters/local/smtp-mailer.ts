import type { ConnectionOptions } from 'node:tls';
import { createTransport } from 'nodemailer';
import { PermanentMailError, TransientMailError } from '../../ports/errors.ts';
import type { Mailer, OutgoingMail, SentMail } from '../../ports/mailer.ts';

/** How to reach the owner's mail server (the settings of any mail program). */
export interface SmtpSettings {
  host: string;
  /** 465 with `secure`, else usually 587 (or 25) */
  port: number;
  /** TLS from the first byte (port 465); false: plain, upgraded with STARTTLS when the server offers it */
  secure: boolean;
  auth?: { user: string; pass: string } | undefined;
  /** refuse to send unless the connection is upgraded with STARTTLS (never send the password in clear) */
  requireTLS?: boolean | undefined;
  /** extra TLS options, e.g. `{ ca }` for a server with a private certificate */
  tls?: ConnectionOptions | undefined;
  /** milliseconds; defaults: connect 30 s, greeting 30 s, idle socket 60 s */
  timeouts?: { connection?: number; greeting?: number; socket?: number } | undefined;
}

/** The same settings as one URL, as a mail program or a provider's docs give them: `smtps://user:password@smtp.example.com:465`. */
export interface SmtpUrlSettings {
  /**
   * `smtp://` (port 587 unless given; plain, upgraded with STARTTLS when offered) or `smtps://`
   * (TLS from the first byte, port 465 unless given); user and password percent-encoded;
   * `?requireTLS=true` refuses to send unless STARTTLS succeeds.
   */
  url: string;
  tls?: ConnectionOptions | undefined;
  timeouts?: SmtpSettings['timeouts'];
}

/** Codes of the errors that say the message or the settings are wrong, not the network. */
const permanentCodes = new Set(['EENVELOPE', 'EMESSAGE', 'ENOAUTH', 'EAUTH', 'ECONFIG', 'EMAXRECIPIENTS', 'EREQUIRETLS']);

interface SmtpFailure extends Error {
  code?: string;
  command?: string;
  response?: string;
  responseCode?: number;
  permanent?: boolean;
  rejected?: string[];
}

/**
 * The Mailer that sends real mail: SMTP through nodemailer, one connection per letter. It sends
 * the archived .eml RAW, byte for byte (`sendMail({ envelope, raw })`: nodemailer adds and changes
 * nothing), with the envelope sender and recipients given apart from the headers.
 *
 * Errors come back as the port's errors, their message naming the server and its answer:
 * - TransientMailError: the connection could not be made or broke, a timeout, any 4xx answer
 *   (greylisting, mailbox busy, 421 shutting down) and 503. Caution: a connection lost after the
 *   final dot but before the server's answer is transient too, though the server may have taken
 *   the message (SMTP cannot tell, RFC 1047); a retry may then deliver twice.
 * - PermanentMailError: a 5xx answer (unknown recipient, message refused, 535 bad password), and
 *   errors raised before anything was sent that a retry would meet again (invalid address,
 *   missing credentials, message over the server's SIZE).
 *
 * When some recipients are refused and others accepted, the letter went out: `send` succeeds
 * (a retry would send it again to the accepted ones) and `provider` names the refused ones.
 *
 * @example
 * const mailer = createSmtpMailer({ host: 'smtp.fastmail.com', port: 465, secure: true, auth: { user, pass } });
 * // or: createSmtpMailer({ url: 'smtps://jane%40porter.example:app-password@smtp.fastmail.com' })
 * const { messageId, provider } = await mailer.send({ from, to, eml, messageId: '<…@porter.example>' });
 * // provider: 'smtp smtp.fastmail.com:465 250 2.0.0 Ok: queued as 4Q1xYz'
 */
export function createSmtpMailer(given: SmtpSettings | SmtpUrlSettings): Mailer {
  const settings = 'url' in given ? fromUrl(given) : given;
  const server = `${settings.host}:${settings.port}`;
  const transport = createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    requireTLS: settings.requireTLS ?? false,
    auth: settings.auth ? { user: settings.auth.user, pass: settings.auth.pass } : undefined,
    tls: settings.tls,
    connectionTimeout: settings.timeouts?.connection ?? 30_000,
    greetingTimeout: settings.timeouts?.greeting ?? 30_000,
    socketTimeout: settings.timeouts?.socket ?? 60_000,
  });

  return {
    async send(mail: OutgoingMail): Promise<SentMail> {
      let info;
      try {
        info = await transport.sendMail({
          envelope: { from: mail.from, to: mail.to },
          raw: Buffer.from(mail.eml.buffer, mail.eml.byteOffset, mail.eml.byteLength),
        });
      } catch (error) {
        throw asPortError(error as SmtpFailure, server);
      }
      const refused = info.rejected.length ? ` (refused: ${info.rejected.join(', ')})` : '';
      return { messageId: mail.messageId, provider: `smtp ${server} ${info.response}${refused}` };
    },
  };
}

function asPortError(error: SmtpFailure, server: string): TransientMailError | PermanentMailError {
  const during = error.command ? ` during ${error.command}` : '';
  const code = error.code ? ` [${error.code}]` : '';
  const message = `SMTP ${server}${during}: ${error.message}${code}`;
  const permanent =
    error.responseCode !== undefined
      ? (error.permanent ?? (error.responseCode >= 500 && error.responseCode !== 503))
      : permanentCodes.has(error.code ?? '');
  return permanent ? new PermanentMailError(message, { cause: error }) : new TransientMailError(message, { cause: error });
}

function fromUrl({ url, tls, timeouts }: SmtpUrlSettings): SmtpSettings {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new RangeError('SMTP: the URL is not valid (expected smtp://user:password@host:587 or smtps://user:password@host:465)');
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') {
    throw new RangeError(`SMTP: the URL must start with smtp:// or smtps://, not ${parsed.protocol}//`);
  }
  if (parsed.hostname === '') throw new RangeError('SMTP: the URL names no host');
  const secure = parsed.protocol === 'smtps:';
  const requireTLS = parsed.searchParams.get('requireTLS');
  return {
    host: parsed.hostname.replace(/^\[|\]$/g, ''),
    port: parsed.port === '' ? (secure ? 465 : 587) : Number(parsed.port),
    secure,
    auth: parsed.username === '' ? undefined : { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) },
    requireTLS: requireTLS === 'true' || requireTLS === '1',
    tls,
    timeouts,
  };
}
