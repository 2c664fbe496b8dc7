import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '#functions/adapters/local/sqlite-store.ts';
import { recordMailFeedback, type MailFeedbackPorts } from '#functions/adapters/aws/record-mail-feedback.ts';
import type { MailFeedback } from '#functions/adapters/aws/ses-notification.ts';
import type { CaseRecord, StageRecord } from '#functions/ports/records.ts';

// the case action on any Store (here SQLite in memory) plus the message look-up the DynamoDB store adds
const at = '2026-04-01T09:00:00.000Z';
const record = (status: CaseRecord['status']): CaseRecord => ({ id: 'c_abc', createdAt: at, updatedAt: at, version: 1, status, file: { reference: 'PD-0142' } as never, generation: 1 });
const stage = (key: string, extra: Partial<StageRecord>): StageRecord => ({
  caseId: 'c_abc',
  id: `g1.${key}`,
  generation: 1,
  seq: 0,
  key,
  channel: 'email',
  template: 'overdue-firm',
  instant: at,
  localDate: '2026-04-01',
  localTime: '10:00',
  timeZone: 'Europe/London',
  status: 'scheduled',
  attempts: 0,
  ...extra,
});
const feedback = (extra: Partial<MailFeedback> = {}): MailFeedback => ({
  kind: 'complaint',
  sesMessageId: 'ses-1',
  recipients: ['accounts@acme.example'],
  reportedAt: at,
  feedbackId: 'fb-1',
  detail: { complaintFeedbackType: 'abuse' },
  ...extra,
});

async function setup(status: CaseRecord['status'], options: { indexed?: boolean; notify?: (s: string, m: string) => Promise<void> } = {}) {
  const sent = stage('late-7', { status: 'sent', messageId: 'ses-1', subject: 'Invoice PD-0142 is overdue' });
  const base = openSqliteStore(':memory:');
  await base.createCase(record(status), [sent, stage('late-15', { instant: '2026-04-09T09:00:00.000Z' })], []);
  const store = Object.assign(base, { stageByMessageId: async (id: string) => (options.indexed === false ? undefined : (await base.getStages('c_abc')).find((s) => s.messageId === id)) });
  const notes: string[] = [];
  const logs: string[] = [];
  const cancelled: string[] = [];
  const ports: MailFeedbackPorts = {
    store,
    scheduler: { schedule: async () => {}, cancel: async (_c, s) => void cancelled.push(s) },
    clock: { now: () => new Date('2026-04-02T08:00:00.000Z') },
    notifyOwner: options.notify ?? (async (subject, message) => void notes.push(`${subject}\n${message}`)),
    log: (level, message) => void logs.push(`${level}: ${message}`),
  };
  return { ports, store, notes, logs, cancelled };
}

describe('recordMailFeedback', () => {
  it('a complaint about a paid case is logged and reported, and changes nothing else', async () => {
    const { ports, store, notes, cancelled } = await setup('paid');
    expect(await recordMailFeedback(ports, feedback())).toEqual({ outcome: 'logged', caseId: 'c_abc', stageId: 'g1.late-7' });
    expect((await store.getCase('c_abc'))?.status).toBe('paid');
    expect(cancelled).toEqual([]);
    expect((await store.getEvents('c_abc')).map((e) => [e.type, e.actor, e.at, e.data?.['status']])).toEqual([['complaint', 'mail-provider', '2026-04-02T08:00:00.000Z', 'paid']]);
    expect(notes).toEqual([
      'Overdue: a letter drew a complaint (PD-0142)\nThe letter "Invoice PD-0142 is overdue" (stage g1.late-7) of case PD-0142 to accounts@acme.example was reported as spam.\n\nThe case is paid; nothing else was changed.\n\nSES message id: ses-1',
    ]);
  });

  it('finds the letter by its Message-ID header when the index has not caught up', async () => {
    const { ports, store, cancelled } = await setup('active', { indexed: false });
    const result = await recordMailFeedback(ports, feedback({ kind: 'bounce', headerMessageId: '<c_abc.g1.late-7@porter.example>', detail: { bounceType: 'Permanent' } }));
    expect(result).toEqual({ outcome: 'paused', caseId: 'c_abc', stageId: 'g1.late-7' });
    expect((await store.getCase('c_abc'))?.status).toBe('paused');
    expect(cancelled).toEqual(['g1.late-15']);
  });

  it('a letter it cannot find is an error (the event is retried once the send is recorded)', async () => {
    const { ports } = await setup('active', { indexed: false });
    await expect(recordMailFeedback(ports, feedback({ headerMessageId: '<c_abc.g1.late-15@porter.example>' }))).rejects.toThrow(
      'SES complaint: no letter with SES message id ses-1 or Message-ID <c_abc.g1.late-15@porter.example> (yet)',
    );
  });

  it('an owner notification that fails is logged; the pause stands', async () => {
    const { ports, store, logs } = await setup('active', { notify: async () => Promise.reject(new Error('SNS down')) });
    expect((await recordMailFeedback(ports, feedback({ kind: 'bounce', detail: { bounceType: 'Permanent' } }))).outcome).toBe('paused');
    expect((await store.getCase('c_abc'))?.status).toBe('paused');
    expect(logs).toEqual(['error: owner not notified']);
  });
});
