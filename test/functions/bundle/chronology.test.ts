import { describe, expect, it } from 'vitest';
import { chronology, chronologyCsv, feedbackOf, type ChronologyEntry } from '#functions/bundle/chronology.ts';
import type { CaseEvent, StageRecord } from '#functions/ports/records.ts';
import { parseCsv } from '../../e2e/bundle/bundle-case.ts';

const entry = (detail: string, extra: Partial<ChronologyEntry> = {}): ChronologyEntry => ({
  at: '2026-04-09T09:00:00.000Z',
  actor: 'owner',
  type: 'note',
  stage: '',
  detail,
  messageId: '',
  sha256: '',
  data: {},
  ...extra,
});

const event = (type: CaseEvent['type'], data: Record<string, unknown> = {}, stageId?: string): CaseEvent => ({
  caseId: 'c_1',
  id: `2026-04-09T09:00:00.000Z#${type}`,
  at: '2026-04-09T09:00:00.000Z',
  actor: 'owner',
  type,
  ...(stageId ? { stageId } : {}),
  data,
});

const stage = (key: string, status: StageRecord['status'], extra: Partial<StageRecord> = {}): StageRecord => ({
  caseId: 'c_1',
  id: `g1.${key}`,
  generation: 1,
  seq: 0,
  key,
  channel: 'email',
  template: 'overdue-firm',
  instant: '2026-04-09T09:00:00.000Z',
  localDate: '2026-04-09',
  localTime: '10:00',
  timeZone: 'Europe/London',
  status,
  attempts: 1,
  ...extra,
});

describe('chronologyCsv', () => {
  it('is RFC 4180 with a BOM: CRLF records, fields with commas, quotes or line breaks quoted, quotes doubled', () => {
    const details = ['plain', 'with, comma', 'with "quotes"', 'two\r\nlines', 'one\nline feed', 'עברית, и кириллица'];
    const csv = chronologyCsv(details.map((d) => entry(d)));
    expect(csv.startsWith('\uFEFFtime,actor,event,stage,detail,message_id,sha256\r\n')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows.slice(1).map((r) => r[4])).toEqual(details);
    expect(csv).toContain('"with ""quotes"""');
  });

  it('prefixes a cell a spreadsheet would run as a formula with a quote (=, +, -, @, tab, CR first)', () => {
    const dangerous = ['=HYPERLINK("http://evil.example","x")', '+1+1', '-2+3', '@SUM(A1:A2)', '\tcmd', '\r=1'];
    const rows = parseCsv(chronologyCsv(dangerous.map((d) => entry(d, { stage: d }))).slice(1));
    expect(rows.slice(1).map((r) => r[4])).toEqual(dangerous.map((d) => `'${d}`));
    expect(rows.slice(1).map((r) => r[3])).toEqual(dangerous.map((d) => `'${d}`));
    // harmless text that merely contains such characters is left alone
    expect(parseCsv(chronologyCsv([entry('a=b, -3 @ noon')]).slice(1))[1]![4]).toBe('a=b, -3 @ noon');
  });
});

describe('chronology', () => {
  it('leaves out claims and retries, keeps everything else in log order with the message id and PDF hash of sent letters', () => {
    const events = [
      event('created', { invoices: ['PD-1'] }),
      event('claimed', { token: 't' }, 'g1.a'),
      event('sent', { subject: 'S', to: ['x@y.example'], messageId: '<m@x>', pdfSha256: 'ab'.repeat(32) }, 'g1.a'),
      event('send-retry', {}, 'g1.b'),
      event('payment', { amount: { currency: 'GBP', amount: '10.00' }, date: '2026-04-01', invoice: 'PD-1' }),
      event('task-due', { template: 'call' }, 'g1.call'),
      event('promise-expired', { promisedUntil: '2026-04-20' }, 'g2.promise-check'),
    ];
    const { entries } = chronology(events, [stage('a', 'sent')], true);
    expect(entries.map((e) => e.type)).toEqual(['created', 'sent', 'payment', 'task-due', 'promise-expired']);
    expect(entries[1]).toMatchObject({ stage: 'g1.a', messageId: '<m@x>', sha256: 'ab'.repeat(32), detail: 'letter sent: S to x@y.example' });
    expect(entries[2]!.detail).toBe('payment of 10.00 GBP on 2026-04-01 (invoice PD-1)');
    expect(entries[3]!.detail).toBe('task due: call');
    expect(entries[4]!.detail).toBe('the promised date 2026-04-20 passed without full payment');
    expect(entries[2]!.data).toEqual(events[4]!.data);
  });

  it('warns of a missing contract, no letters, a bounce, a complaint, an uncertain and a failed stage', () => {
    const none = chronology([], [stage('a', 'scheduled')], false).warnings.map((w) => w.code);
    expect(none).toEqual(['no-contract', 'no-letters']);
    const stages = [stage('a', 'sent'), stage('b', 'uncertain', { claimedAt: '2026-04-10T09:00:00.000Z' }), stage('c', 'failed', { error: '550 rejected' })];
    const events = [
      event('bounce', { recipient: 'x@y.example', detail: '550 mailbox full' }, 'g1.a'),
      event('complaint', { recipients: ['x@y.example'], complaintFeedbackType: 'abuse' }, 'g1.a'),
    ];
    const { warnings } = chronology(events, stages, true);
    expect(warnings.map((w) => [w.code, w.stage, w.stageKey])).toEqual([
      ['bounced', 'g1.a', 'a'],
      ['complaint', 'g1.a', 'a'],
      ['uncertain', 'g1.b', 'b'],
      ['failed', 'g1.c', 'c'],
    ]);
    expect(warnings[0]).toMatchObject({ recipients: ['x@y.example'], reason: '550 mailbox full', at: '2026-04-09T09:00:00.000Z' });
    expect(warnings[2]).toMatchObject({ at: '2026-04-10T09:00:00.000Z' });
    expect(warnings[3]).toMatchObject({ reason: '550 rejected' });
    // a letter sent by a task stage does not count as a letter
    expect(chronology([], [stage('call', 'sent', { channel: 'task' })], true).warnings.map((w) => w.code)).toEqual(['no-letters']);
  });
});

describe('feedbackOf', () => {
  it('reads the local shape { recipient, detail } and the SES shape { recipients, bounceType, diagnostic }', () => {
    expect(feedbackOf({ recipient: 'a@b.example', detail: '550 full' })).toEqual({ recipients: ['a@b.example'], detail: '550 full' });
    expect(feedbackOf({ recipients: ['a@b.example', 'c@d.example'], bounceType: 'Permanent', diagnostic: 'smtp; 550 5.1.1 unknown' })).toEqual({
      recipients: ['a@b.example', 'c@d.example'],
      detail: 'smtp; 550 5.1.1 unknown',
    });
    expect(feedbackOf({ recipients: ['a@b.example'], bounceType: 'Transient', diagnostic: null })).toEqual({ recipients: ['a@b.example'], detail: 'Transient' });
    expect(feedbackOf({ recipients: ['a@b.example'], smtpResponse: '250 2.0.0 OK' })).toEqual({ recipients: ['a@b.example'], detail: '250 2.0.0 OK' });
    expect(feedbackOf(undefined)).toEqual({ recipients: [], detail: '' });
  });
});
