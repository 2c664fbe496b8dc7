import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';

/** Tells the owner something needs them (a bounced letter, a complaint, letters of uncertain fate). */
export type NotifyOwner = (subject: string, message: string) => Promise<void>;

/**
 * The owner's notifications as SNS messages to the owner topic (which e-mails the owner). SNS
 * wants a subject of printable ASCII under 100 characters without line breaks: accents are
 * dropped (é → e), anything else non-ASCII becomes `?`, and it is cut to 99. The message itself
 * is sent as it is (UTF-8).
 *
 * @example
 * const notify = createSnsOwnerNotifier({ client: new SNSClient({}), topicArn: process.env.OWNER_TOPIC_ARN! });
 * await notify('Overdue: a letter bounced (PD-0142)', 'The letter …');
 * @see https://docs.aws.amazon.com/sns/latest/api/API_Publish.html (Subject)
 */
export function createSnsOwnerNotifier(options: { client: SNSClient; topicArn: string }): NotifyOwner {
  return async (subject, message) => {
    try {
      await options.client.send(new PublishCommand({ TopicArn: options.topicArn, Subject: snsSubject(subject), Message: message }));
    } catch (error) {
      const e = error as Error;
      throw new Error(`Owner notification: SNS Publish to ${options.topicArn} failed: ${e.name}: ${e.message}`, { cause: error });
    }
  };
}

/** A subject SNS accepts. @example snsSubject('Relance refusée — Café Noël') // 'Relance refusee ? Cafe Noel' */
export function snsSubject(subject: string): string {
  const ascii = subject
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/[^\x20-\x7e]/g, '?')
    .trim();
  return (ascii || 'Overdue').slice(0, 99);
}
