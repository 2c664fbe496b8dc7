import { SendRawEmailCommand, type SESClient } from '@aws-sdk/client-ses';
import type { Mailer, OutgoingMail, SentMail } from '../../ports/mailer.ts';
import { sesMailError } from './ses-mail-error.ts';

export interface SesMailerOptions {
  /** created once per Lambda container (module scope) */
  client: SESClient;
  /** the configuration set whose event destination reports delivery, bounce and complaint */
  configurationSet?: string | undefined;
}

/**
 * The Mailer on Amazon SES (v1 SendRawEmail): the MIME message the renderer built (nodemailer's
 * composer), PDF attached, is sent exactly as archived (`RawMessage.Data` = the .eml bytes; SES
 * adds its own Message-ID header only when the message has none, and DKIM signs it), to the
 * envelope recipients `to`, from `from`, through the configuration set so delivery, bounce and
 * complaint events reach the SES events handler. Answers SES's MessageId, which those events
 * carry. Errors become TransientMailError or PermanentMailError (sesMailError).
 *
 * Limits: 10 MB per raw message (after base64), 50 recipients; in the sandbox only verified
 * recipients, 200 messages a day, 1 a second.
 *
 * @example
 * const mailer = createSesMailer({ client: new SESClient({}), configurationSet: 'overdue' });
 * await mailer.send({ from: 'jane@porter.example', to: ['accounts@acme.example'], eml, messageId }); // → { messageId: '0102019…-000000', provider: 'ses' }
 * @see https://docs.aws.amazon.com/ses/latest/APIReference/API_SendRawEmail.html
 */
export function createSesMailer(options: SesMailerOptions): Mailer {
  const { client, configurationSet } = options;
  return {
    async send(mail: OutgoingMail): Promise<SentMail> {
      let messageId: string | undefined;
      try {
        ({ MessageId: messageId } = await client.send(
          new SendRawEmailCommand({
            Source: mail.from,
            Destinations: mail.to,
            RawMessage: { Data: mail.eml },
            ...(configurationSet ? { ConfigurationSetName: configurationSet } : {}),
          }),
        ));
      } catch (error) {
        throw sesMailError(error);
      }
      if (!messageId) throw sesMailError(Object.assign(new Error('SendRawEmail answered without a MessageId'), { name: 'InternalFailure' }));
      return { messageId, provider: 'ses' };
    },
  };
}
