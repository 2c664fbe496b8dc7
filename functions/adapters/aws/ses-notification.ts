import { z } from 'zod';

/** What SES reported about one sent letter, in the terms the case log uses. */
export interface MailFeedback {
  kind: 'bounce' | 'complaint' | 'delivery';
  /** SES's MessageId: what the SES mailer returned and the stage recorded */
  sesMessageId: string;
  /** the letter's own Message-ID header, when SES passed the headers on */
  headerMessageId?: string | undefined;
  /** the recipients it is about (bounced, complaining or delivered to) */
  recipients: string[];
  /** when SES says it happened (ISO 8601) */
  reportedAt: string;
  /** unique per report (SES's feedbackId; for a delivery, message id + time): the same report delivered twice is recorded once */
  feedbackId: string;
  /** SES's particulars: bounce type and subtype, diagnostic codes, complaint type, SMTP response */
  detail: Record<string, string | number | null>;
}

const Mail = z.looseObject({
  messageId: z.string().min(1),
  timestamp: z.string().optional(),
  commonHeaders: z.looseObject({ messageId: z.string().optional() }).optional(),
});
const SesEvent = z.looseObject({
  eventType: z.string().optional(),
  notificationType: z.string().optional(),
  mail: Mail,
  bounce: z
    .looseObject({
      bounceType: z.string(),
      bounceSubType: z.string().optional(),
      bouncedRecipients: z.array(z.looseObject({ emailAddress: z.string(), status: z.string().optional(), diagnosticCode: z.string().optional() })),
      timestamp: z.string(),
      feedbackId: z.string(),
    })
    .optional(),
  complaint: z
    .looseObject({
      complainedRecipients: z.array(z.looseObject({ emailAddress: z.string() })),
      timestamp: z.string(),
      feedbackId: z.string(),
      complaintFeedbackType: z.string().optional(),
    })
    .optional(),
  delivery: z
    .looseObject({
      recipients: z.array(z.string()),
      timestamp: z.string(),
      smtpResponse: z.string().optional(),
      processingTimeMillis: z.number().optional(),
    })
    .optional(),
});
type SesEvent = z.infer<typeof SesEvent>;

const SnsEnvelope = z.looseObject({ Records: z.array(z.looseObject({ Sns: z.looseObject({ Message: z.string() }) })).min(1) });
const EventBridgeEnvelope = z.looseObject({ source: z.literal('aws.ses'), 'detail-type': z.string(), detail: z.unknown() });

/**
 * Reads what SES publishes through a configuration set's event destination: an SNS
 * notification (the Lambda gets `Records[].Sns.Message`, a JSON string), an EventBridge event
 * (`source: 'aws.ses'`, the SES event in `detail`), or the SES event itself. Both the event
 * publishing form (`eventType`) and the identity notification form (`notificationType`) are
 * understood. Bounce, Complaint and Delivery become MailFeedback; other event types (Send,
 * Reject, Open, Click, DeliveryDelay, …) are listed in `ignored`.
 *
 * @throws Error naming what is wrong when the event is none of these
 * @example
 * const { feedback } = parseSesNotification(snsEvent);
 * // [{ kind: 'bounce', sesMessageId: '0102019…', recipients: ['accounts@acme.example'], feedbackId: '0102019…', … }]
 * @see https://docs.aws.amazon.com/ses/latest/dg/event-publishing-retrieving-sns-contents.html
 */
export function parseSesNotification(event: unknown): { feedback: MailFeedback[]; ignored: string[] } {
  const sns = SnsEnvelope.safeParse(event);
  const bridge = EventBridgeEnvelope.safeParse(event);
  const bodies: unknown[] = sns.success ? sns.data.Records.map((r) => parseJson(r.Sns.Message)) : bridge.success ? [bridge.data.detail] : [event];
  const feedback: MailFeedback[] = [];
  const ignored: string[] = [];
  for (const body of bodies) {
    const parsed = SesEvent.safeParse(body);
    if (!parsed.success) {
      throw new Error(`SES notification: not an SES event: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
    }
    const one = toFeedback(parsed.data);
    if (one) feedback.push(one);
    else ignored.push(`${parsed.data.eventType ?? parsed.data.notificationType ?? 'unknown'} ${parsed.data.mail.messageId}`);
  }
  return { feedback, ignored };
}

function toFeedback(e: SesEvent): MailFeedback | undefined {
  const type = e.eventType ?? e.notificationType;
  const common = { sesMessageId: e.mail.messageId, headerMessageId: e.mail.commonHeaders?.messageId };
  if (type === 'Bounce') {
    const b = required(e.bounce, 'bounce', type);
    return {
      kind: 'bounce',
      ...common,
      recipients: b.bouncedRecipients.map((r) => r.emailAddress),
      reportedAt: b.timestamp,
      feedbackId: b.feedbackId,
      detail: {
        bounceType: b.bounceType,
        bounceSubType: b.bounceSubType ?? null,
        diagnostic: b.bouncedRecipients.map((r) => [r.status, r.diagnosticCode].filter(Boolean).join(' ')).filter(Boolean).join('; ') || null,
      },
    };
  }
  if (type === 'Complaint') {
    const c = required(e.complaint, 'complaint', type);
    return {
      kind: 'complaint',
      ...common,
      recipients: c.complainedRecipients.map((r) => r.emailAddress),
      reportedAt: c.timestamp,
      feedbackId: c.feedbackId,
      detail: { complaintFeedbackType: c.complaintFeedbackType ?? null },
    };
  }
  if (type === 'Delivery') {
    const d = required(e.delivery, 'delivery', type);
    return {
      kind: 'delivery',
      ...common,
      recipients: d.recipients,
      reportedAt: d.timestamp,
      feedbackId: `${e.mail.messageId}/delivery/${d.timestamp}`,
      detail: { smtpResponse: d.smtpResponse ?? null, processingTimeMillis: d.processingTimeMillis ?? null },
    };
  }
  return undefined;
}

function required<T>(value: T | undefined, field: string, type: string): T {
  if (value === undefined) throw new Error(`SES notification: a ${type} event without its "${field}" object`);
  return value;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`SES notification: the SNS message is not JSON: ${text.slice(0, 200)}`);
  }
}
