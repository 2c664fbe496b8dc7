/**
 * SES's delivery, bounce and complaint events (configuration set → SNS topic or EventBridge →
 * this function): a bounce or complaint pauses the case, logs it and notifies the owner; a
 * delivery is logged (recordMailFeedback). An error makes Lambda retry the event.
 */
import { recordMailFeedback, type MailFeedbackOutcome } from '../adapters/aws/record-mail-feedback.ts';
import { parseSesNotification } from '../adapters/aws/ses-notification.ts';
import { createAwsPorts, readAwsEnv } from './aws-ports.ts';

const ports = createAwsPorts(readAwsEnv(process.env));

export const handler = async (event: unknown): Promise<{ recorded: MailFeedbackOutcome[]; ignored: string[] }> => {
  const { feedback, ignored } = parseSesNotification(event);
  const recorded: MailFeedbackOutcome[] = [];
  for (const one of feedback) recorded.push(await recordMailFeedback(ports, one));
  ports.log?.('info', 'ses events', { recorded, ignored });
  return { recorded, ignored };
};
