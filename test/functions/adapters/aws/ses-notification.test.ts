import { describe, expect, it } from 'vitest';
import { parseSesNotification } from '#functions/adapters/aws/ses-notification.ts';
import { snsSubject } from '#functions/adapters/aws/sns-owner-notifier.ts';

const mail = { messageId: '0102019e5f-ses-id-000000', timestamp: '2026-04-01T09:00:01.000Z', destination: ['accounts@acme.example'], commonHeaders: { messageId: '<c_abc.g1.late-7@porter.example>' } };

describe('parseSesNotification', () => {
  it('reads a complaint in the identity-notification form (notificationType), the SES event itself', () => {
    const { feedback, ignored } = parseSesNotification({
      notificationType: 'Complaint',
      mail,
      complaint: { complainedRecipients: [{ emailAddress: 'accounts@acme.example' }], timestamp: '2026-04-02T10:00:00.000Z', feedbackId: 'fb-1', complaintFeedbackType: 'abuse' },
    });
    expect(ignored).toEqual([]);
    expect(feedback).toEqual([
      {
        kind: 'complaint',
        sesMessageId: '0102019e5f-ses-id-000000',
        headerMessageId: '<c_abc.g1.late-7@porter.example>',
        recipients: ['accounts@acme.example'],
        reportedAt: '2026-04-02T10:00:00.000Z',
        feedbackId: 'fb-1',
        detail: { complaintFeedbackType: 'abuse' },
      },
    ]);
  });

  it('joins the status and diagnostic of every bounced recipient', () => {
    const { feedback } = parseSesNotification({
      eventType: 'Bounce',
      mail,
      bounce: {
        bounceType: 'Transient',
        bounceSubType: 'MailboxFull',
        timestamp: '2026-04-02T10:00:00.000Z',
        feedbackId: 'fb-2',
        bouncedRecipients: [{ emailAddress: 'a@acme.example', status: '4.2.2', diagnosticCode: 'smtp; 452 mailbox full' }, { emailAddress: 'b@acme.example' }],
      },
    });
    expect(feedback[0]).toMatchObject({ kind: 'bounce', recipients: ['a@acme.example', 'b@acme.example'], detail: { bounceType: 'Transient', bounceSubType: 'MailboxFull', diagnostic: '4.2.2 smtp; 452 mailbox full' } });
  });

  it('says what is wrong with what is not an SES event', () => {
    expect(() => parseSesNotification({ hello: 'world' })).toThrowErrorMatchingInlineSnapshot(`[Error: SES notification: not an SES event: mail: Invalid input: expected object, received undefined]`);
    expect(() => parseSesNotification({ Records: [{ Sns: { Message: 'not json' } }] })).toThrow('SES notification: the SNS message is not JSON: not json');
    expect(() => parseSesNotification({ eventType: 'Bounce', mail })).toThrow('SES notification: a Bounce event without its "bounce" object');
  });
});

describe('snsSubject', () => {
  it('keeps SNS subjects printable ASCII, on one line, under 100 characters', () => {
    expect(snsSubject('Relance refusée — Café Noël')).toBe('Relance refusee ? Cafe Noel');
    expect(snsSubject('Счёт\nPD-0142')).toBe('???? PD-0142');
    expect(snsSubject('x'.repeat(150))).toHaveLength(99);
    expect(snsSubject('  ')).toBe('Overdue');
  });
});
