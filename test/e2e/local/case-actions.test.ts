import { afterAll, describe, expect, it } from 'vitest';
import type { CaseRecord } from '#functions/ports/records.ts';
import {
  attachedPdf,
  exampleBody,
  holdRender,
  indexOfEvent,
  outboxLetters,
  pdfText,
  sentStageIds,
  smtpLetters,
  stageMap,
  startApp,
  startSmtpCapture,
  stopAll,
  type App,
  type CaseView,
  type Gate,
  type SmtpCapture,
} from './local-harness.ts';

/**
 * What the owner does in the middle of a ladder, through the HTTP API of the real local app in
 * fast-forward: a payment, a partial payment, a promise to pay, a dispute, a payment plan with a
 * missed instalment, a settlement. The en-GB example: £2,880.00 due 1 April 2026, letters on
 * 30 Mar (pre-due), 7 Apr (late-3), 8 Apr (late-7), 16 Apr (late-15), 1 May (late-30), 18 May (late-45),
 * all at 10:00 London (09:00Z).
 *
 * "In the middle": the pipeline of one stage is held between its claim and its render
 * (holdRender) or its SMTP DATA answer is held by the server; the fast-forward clock stands at that
 * stage's instant meanwhile, and the test acts through the API.
 */

let smtp: SmtpCapture | undefined;
afterAll(async () => {
  await stopAll();
  await smtp?.close();
});

const START = '2026-03-01T00:00:00Z';
type Acted = { status: number; body: { case: CaseRecord } };

/** Creates the example case and waits until the stage `key` is held. */
async function caseHeldAt(app: App, key: string): Promise<{ caseId: string; held: Gate }> {
  const held = holdRender(app, (s) => s.key === key);
  const caseId = await app.create(exampleBody('en-gb-tracking'));
  await held.reached;
  return { caseId, held };
}

/** Stage keys of email stages sent: never the same letter of the ladder twice, whatever the generation. */
function expectNoLetterTwice(view: CaseView): void {
  const keys = view.stages.filter((s) => s.channel === 'email' && s.status === 'sent').map((s) => s.key);
  expect(keys.length).toBe(new Set(keys).size);
}

/** Nothing claimed or sent in the log after the event at `index`. */
function expectNothingSentAfter(view: CaseView, index: number): void {
  expect(index).toBeGreaterThanOrEqual(0);
  expect(view.events.slice(index + 1).filter((e) => e.type === 'claimed' || e.type === 'sent')).toEqual([]);
}

describe('a payment recorded mid-ladder', () => {
  it('SMTP: a payment while late-7 is on the wire; that letter completes, nothing after it is sent, every later stage is cancelled', async () => {
    smtp = await startSmtpCapture();
    const app = await startApp({ start: START, smtp: smtp.url });
    const wire = smtp.hold((text) => text.includes('.g1.late-7@overdue.local>'));
    const caseId = await app.create(exampleBody('en-gb-tracking'));
    await wire.reached;
    expect(smtp.deliveries.length).toBe(2);
    const paid = await app.post<Acted['body']>(`/api/cases/${caseId}/payments`, { date: '2026-04-08', amount: { currency: 'GBP', amount: '2880.00' }, method: 'bank-transfer', reference: 'ACME PD-0142' });
    expect(paid.status).toBe(200);
    expect(paid.body.case.status).toBe('paid');
    wire.release();
    await app.running.idle();

    const letters = await smtpLetters(smtp);
    expect(letters.map((l) => l.stageId)).toEqual(['g1.pre-due', 'g1.late-3', 'g1.late-7']);
    const view = await app.view(caseId);
    expect(view.case.status).toBe('paid');
    expect(view.summary.balance).toEqual({ currency: 'GBP', amount: '0.00' });
    const stages = stageMap(view);
    expect(stages.get('g1.late-7')!.status).toBe('sent');
    for (const id of ['g1.late-15', 'g1.late-30', 'g1.late-45']) expect([id, stages.get(id)!.status, stages.get(id)!.error]).toEqual([id, 'cancelled', 'paid']);
    // after the payment only the letter already on the wire was recorded; no stage was claimed
    const payment = indexOfEvent(view, 'payment');
    expect(view.events[payment + 1]!.type).toBe('paid');
    expect(view.events.slice(payment + 1).filter((e) => e.type === 'claimed')).toEqual([]);
    expect(view.events.slice(payment + 1).filter((e) => e.type === 'sent').map((e) => e.stageId)).toEqual(['g1.late-7']);
    expect(view.summary.nextAction).toBeNull();
  });

  it('outbox: a payment after late-15 was claimed stops it at the re-check before sending; no later letter', async () => {
    const app = await startApp({ start: START });
    const { caseId, held } = await caseHeldAt(app, 'late-15');
    const paid = await app.post<Acted['body']>(`/api/cases/${caseId}/payments`, { date: '2026-04-16', amount: { currency: 'GBP', amount: '2880.00' } });
    expect([paid.status, paid.body.case.status]).toEqual([200, 'paid']);
    held.release();
    await app.running.idle();

    expect((await outboxLetters(app.outboxDir)).map((l) => l.stageId)).toEqual(['g1.pre-due', 'g1.late-3', 'g1.late-7']);
    const view = await app.view(caseId);
    expect(view.case.status).toBe('paid');
    expect(view.stages.filter((s) => s.status === 'cancelled').map((s) => [s.id, s.error])).toEqual([
      ['g1.late-15', 'paid'],
      ['g1.late-30', 'paid'],
      ['g1.late-45', 'paid'],
    ]);
    const payment = indexOfEvent(view, 'payment');
    expect(view.events.slice(payment + 1).map((e) => e.type)).toEqual(['paid', 'cancelled-stage']);
  });

  it('outbox: a partial payment keeps the ladder; the letter under way and the later ones quote the new balance', async () => {
    const app = await startApp({ start: START });
    const { caseId, held } = await caseHeldAt(app, 'late-15');
    const paid = await app.post<Acted['body']>(`/api/cases/${caseId}/payments`, { date: '2026-04-16', amount: { currency: 'GBP', amount: '880.00' } });
    expect([paid.status, paid.body.case.status]).toEqual([200, 'active']);
    held.release();
    await app.running.idle();

    const letters = await outboxLetters(app.outboxDir);
    expect(letters.map((l) => l.stageId)).toEqual(['g1.pre-due', 'g1.late-3', 'g1.late-7', 'g1.late-15', 'g1.late-30', 'g1.late-45']);
    // late-15 was claimed (and its case read) before the payment, and sent after it: it must not demand the old balance
    for (const letter of letters.slice(3)) {
      const text = pdfText(attachedPdf(letter).bytes);
      expect(text, letter.stageId).toContain('£2,000.00');
      expect(text, letter.stageId).toContain('£880.00');
    }
    const view = await app.view(caseId);
    expect([view.case.status, view.summary.balance.amount]).toEqual(['active', '2000.00']);
  });
});

describe('a promise to pay', () => {
  it('pauses the ladder (a confirmation letter, nothing else) and resumes it by itself the business day after the promised date', async () => {
    const app = await startApp({ start: START });
    const { caseId, held } = await caseHeldAt(app, 'late-7');
    const promised = await app.post<Acted['body']>(`/api/cases/${caseId}/promise`, { until: '2026-04-20', note: 'Tom: paying on the 20th, letter to follow' });
    expect([promised.status, promised.body.case.status, promised.body.case.promisedUntil]).toEqual([200, 'promised', '2026-04-20']);
    held.release();
    await app.running.idle();

    const letters = await outboxLetters(app.outboxDir);
    expect(letters.map((l) => l.stageId)).toEqual(['g1.pre-due', 'g1.late-3', 'g2.promise-confirmation', 'g3.late-15', 'g3.late-30', 'g3.late-45']);
    const confirmation = letters[2]!;
    expect(confirmation.date.toISOString()).toBe('2026-04-08T09:00:00.000Z');
    expect(pdfText(attachedPdf(confirmation).bytes)).toContain('20 April 2026');
    // paused: nothing between the confirmation and the check the business day after 20 April (Tuesday 21st, 10:00 London)
    expect(letters[3]!.date.toISOString()).toBe('2026-04-21T09:00:00.000Z');

    const view = await app.view(caseId);
    const stages = stageMap(view);
    expect([stages.get('g1.late-7')!.status, stages.get('g1.late-7')!.error]).toEqual(['cancelled', 'superseded by a newer plan']);
    for (const id of ['g1.late-15', 'g1.late-30', 'g1.late-45']) expect([id, stages.get(id)!.status, stages.get(id)!.error]).toEqual([id, 'cancelled', 'promise to pay']);
    expect([stages.get('g2.promise-check')!.status, stages.get('g2.promise-check')!.instant]).toEqual(['sent', '2026-04-21T09:00:00.000Z']);
    // the catch-up policy: of late-7 and late-15, missed while paused, only the latest goes out
    expect([stages.get('g3.late-7')!.status, stages.get('g3.late-15')!.status]).toEqual(['skipped', 'sent']);
    const promise = indexOfEvent(view, 'promise');
    const expired = indexOfEvent(view, 'promise-expired');
    expect(expired).toBeGreaterThan(promise);
    expect(view.events.slice(promise, expired).filter((e) => e.type === 'sent').map((e) => e.stageId)).toEqual(['g2.promise-confirmation']);
    expect(view.events[expired + 1]).toMatchObject({ type: 'planned', data: { generation: 3, reason: 'promise to pay expired' } });
    expect(view.case.status).toBe('active');
    expectNoLetterTwice(view);
  });
});

describe('a dispute', () => {
  it('pauses until POST /resume: nothing is sent, the clock stands still; resuming plans the rest of the ladder from then', async () => {
    const app = await startApp({ start: START });
    const { caseId, held } = await caseHeldAt(app, 'late-7');
    const disputed = await app.post<Acted['body']>(`/api/cases/${caseId}/dispute`, { note: 'Acme says the source files were never delivered' });
    expect([disputed.status, disputed.body.case.status]).toEqual([200, 'disputed']);
    held.release();
    await app.running.idle();

    expect((await outboxLetters(app.outboxDir)).map((l) => l.stageId)).toEqual(['g1.pre-due', 'g1.late-3']);
    let view = await app.view(caseId);
    expect(view.case.status).toBe('disputed');
    expect(view.summary.nextAction).toBeNull();
    expect(view.stages.filter((s) => s.status === 'cancelled').map((s) => [s.id, s.error])).toEqual([
      ['g1.late-7', 'dispute'],
      ['g1.late-15', 'dispute'],
      ['g1.late-30', 'dispute'],
      ['g1.late-45', 'dispute'],
    ]);
    expectNothingSentAfter(view, indexOfEvent(view, 'dispute'));
    // nothing is due: fast-forward has nowhere to go, the case waits for the owner
    expect(app.running.ports.clock.now().toISOString()).toBe('2026-04-08T09:00:00.000Z');
    await app.running.idle();
    expect((await outboxLetters(app.outboxDir)).length).toBe(2);

    const resumed = await app.post<Acted['body']>(`/api/cases/${caseId}/resume`, { note: 'files re-sent on 8 April' });
    expect([resumed.status, resumed.body.case.status]).toEqual([200, 'active']);
    await app.running.idle();
    const letters = await outboxLetters(app.outboxDir);
    expect(letters.map((l) => l.stageId)).toEqual(['g1.pre-due', 'g1.late-3', 'g2.late-7', 'g2.late-15', 'g2.late-30', 'g2.late-45']);
    view = await app.view(caseId);
    const resume = indexOfEvent(view, 'resume');
    expect(sentStageIds(view).slice(2)).toEqual(['g2.late-7', 'g2.late-15', 'g2.late-30', 'g2.late-45']);
    expect(view.events.findIndex((e) => e.type === 'sent' && e.stageId === 'g2.late-7')).toBeGreaterThan(resume);
    expectNoLetterTwice(view);
  });
});

describe('a payment plan', () => {
  it("replaces the ladder with the plan's reminders; an instalment paid cancels its reminder; a missed one re-escalates", async () => {
    const app = await startApp({ start: START });
    const { caseId, held } = await caseHeldAt(app, 'late-7');
    const agreement = holdRender(app, (s) => s.key === 'plan-agreement');
    const planned = await app.post<Acted['body']>(`/api/cases/${caseId}/plan`, { count: 3, firstDueDate: '2026-04-20', frequency: 'monthly' });
    expect(planned.status).toBe(200);
    expect(planned.body.case.status).toBe('plan');
    expect(planned.body.case.paymentPlan!.instalments.map((i) => [i.dueDate, i.amount.amount])).toEqual([
      ['2026-04-20', '960.00'],
      ['2026-05-20', '960.00'],
      ['2026-06-20', '960.00'],
    ]);
    held.release();
    await agreement.reached;
    // the first instalment arrives straight away; the second never does
    const first = await app.post<Acted['body']>(`/api/cases/${caseId}/payments`, { date: '2026-04-08', amount: { currency: 'GBP', amount: '960.00' } });
    expect([first.status, first.body.case.status]).toEqual([200, 'plan']);
    agreement.release();
    await app.running.idle();

    const letters = await outboxLetters(app.outboxDir);
    expect(letters.map((l) => l.stageId)).toEqual(['g1.pre-due', 'g1.late-3', 'g2.plan-agreement', 'g2.i2-reminder', 'g3.instalment-missed', 'g3.late-45']);
    expect(letters[3]!.date.toISOString()).toBe('2026-05-17T09:00:00.000Z');
    // the check is the business day after 20 May
    expect(letters.slice(4).map((l) => l.date.toISOString())).toEqual(['2026-05-21T09:00:00.000Z', '2026-05-21T09:00:00.000Z']);
    for (const letter of letters.slice(2)) expect(pdfText(attachedPdf(letter).bytes)).toContain('Acme Widgets Ltd');

    const view = await app.view(caseId);
    const stages = stageMap(view);
    expect([stages.get('g1.late-7')!.status, stages.get('g1.late-7')!.error]).toEqual(['cancelled', 'superseded by a newer plan']);
    expect([stages.get('g2.i1-reminder')!.status, stages.get('g2.i1-reminder')!.error]).toEqual(['cancelled', 'instalment already paid']);
    expect(stages.get('g2.i1-check')!.status).toBe('sent');
    expect(stages.get('g2.i2-check')!.status).toBe('sent');
    for (const id of ['g2.i3-reminder', 'g2.i3-check']) expect([id, stages.get(id)!.status]).toEqual([id, 'cancelled']);
    const missed = indexOfEvent(view, 'instalment-missed');
    expect(view.events[missed]).toMatchObject({ stageId: 'g2.i2-check', data: { instalment: 2 } });
    expect(view.events[missed + 1]).toMatchObject({ type: 'planned', data: { generation: 3, reason: 'instalment 2 missed' } });
    expect(view.case.status).toBe('active');
    expect(view.summary.balance.amount).toBe('1920.00');
    expectNoLetterTwice(view);
  });
});

describe('a settlement', () => {
  it('paid in time closes the case: the offer went out, the reminder and the check are cancelled, the case is paid', async () => {
    const app = await startApp({ start: START });
    const { caseId, held } = await caseHeldAt(app, 'late-7');
    const reminder = holdRender(app, (s) => s.key === 'settlement-reminder');
    const agreed = await app.post<Acted['body']>(`/api/cases/${caseId}/settlement`, { accept: { currency: 'GBP', amount: '2000.00' }, payBy: '2026-04-22' });
    expect([agreed.status, agreed.body.case.status, agreed.body.case.settlement?.accept.amount]).toEqual([200, 'settlement', '2000.00']);
    held.release();
    await reminder.reached;
    expect(app.running.ports.clock.now().toISOString()).toBe('2026-04-19T09:00:00.000Z');
    const paid = await app.post<Acted['body']>(`/api/cases/${caseId}/payments`, { date: '2026-04-19', amount: { currency: 'GBP', amount: '2000.00' } });
    expect([paid.status, paid.body.case.status]).toEqual([200, 'paid']);
    reminder.release();
    await app.running.idle();

    const letters = await outboxLetters(app.outboxDir);
    expect(letters.map((l) => l.stageId)).toEqual(['g1.pre-due', 'g1.late-3', 'g2.settlement-offer']);
    const offer = pdfText(attachedPdf(letters[2]!).bytes);
    expect(offer).toContain('£2,000.00');
    expect(offer).toContain('22 April 2026');
    const view = await app.view(caseId);
    const stages = stageMap(view);
    expect(view.case.status).toBe('paid');
    expect([stages.get('g2.settlement-reminder')!.status, stages.get('g2.settlement-reminder')!.error]).toEqual(['cancelled', 'paid']);
    expect([stages.get('g2.settlement-check')!.status, stages.get('g2.settlement-check')!.error]).toEqual(['cancelled', 'settled']);
    const payment = indexOfEvent(view, 'payment');
    expect(view.events[payment + 1]).toMatchObject({ type: 'paid', data: { settled: true } });
    expectNothingSentAfter(view, payment);
  });
});
