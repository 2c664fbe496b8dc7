import { randomUUID } from 'node:crypto';
import { amountOf, minorUnits } from '#domain/money/money.ts';
import { caseBalance, isPaid, paidSinceMinor } from '../cases/case-balance.ts';
import { cancelScheduled } from '../cases/mutate-case.ts';
import { replanLadder } from '../cases/replan-ladder.ts';
import { scheduleNext } from '../cases/schedule-next.ts';
import { PermanentMailError, StageConflictError, TransientMailError } from '../ports/errors.ts';
import type { ArchivedObject } from '../ports/archive.ts';
import type { Ports } from '../ports/ports.ts';
import type { RenderedStage } from '../ports/renderer.ts';
import type { CaseRecord, NewEvent, StageRecord } from '../ports/records.ts';
import type { StageWrite } from '../ports/store.ts';

export interface RunStageOptions {
  /** send attempts for transient mail errors (default 4) */
  attempts?: number;
  /** first back-off delay, doubled each time (default 2 s) */
  backoffMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** test hook: called after each step, so a fault-injection test can kill the process there */
  after?: (step: 'claimed' | 'rendered' | 'archived' | 'sent' | 'recorded') => void | Promise<void>;
}

export type StageOutcome =
  | { outcome: 'sent'; messageId: string }
  | { outcome: 'task-due' }
  | { outcome: 'checked'; result: string }
  | { outcome: 'cancelled'; reason: string }
  | { outcome: 'not-claimable'; status: string }
  | { outcome: 'failed'; error: string };

/** Which case statuses let a stage of each kind go out. */
function stageMayRun(record: CaseRecord, stage: StageRecord): string | undefined {
  if (stage.generation !== record.generation) return 'superseded by a newer plan';
  if (record.status === 'paid') return 'paid';
  if (record.status === 'cancelled') return 'case cancelled';
  if (record.status === 'disputed') return 'dispute';
  if (record.status === 'paused') return 'paused (a bounce or complaint, or the owner)';
  if (isPaid(record.file)) return 'paid';
  return undefined;
}

/**
 * The stage pipeline, written once for every adapter set:
 * claim (conditional write) → re-read the case (paid, paused, disputed, cancelled: stop) →
 * render the e-mail and PDF → archive the exact bytes (SHA-256) → re-check (stopped: cancel;
 * changed meanwhile, e.g. a partial payment: render and archive again) → send (transient
 * errors retried with back-off, then surfaced as `failed`) → record message id, time and hashes
 * with a log entry → schedule the next stage.
 *
 * At most one send per stage: only the caller whose claim succeeds goes on. A crash between
 * claim and record leaves the stage `claimed`; the reconciler makes it `uncertain` for the owner
 * (one-click resend), never resending it by itself. A payment recorded before the re-read (or
 * the re-check just before sending) stops the letter.
 *
 * @example await runStage(ports, { caseId: 'c_…', stageId: 'g1.late-7' })
 */
export async function runStage(ports: Ports, target: { caseId: string; stageId: string }, options: RunStageOptions = {}): Promise<StageOutcome> {
  const { store, clock } = ports;
  const token = randomUUID();
  let stage: StageRecord;
  try {
    stage = await store.claimStage(target.caseId, target.stageId, { token, at: clock.now().toISOString() });
  } catch (error) {
    if (error instanceof StageConflictError) return { outcome: 'not-claimable', status: error.current?.status ?? 'missing' };
    throw error;
  }
  await options.after?.('claimed');

  let record = await store.getCase(target.caseId);
  const stop = record ? stageMayRun(record, stage) : 'case missing';
  if (stop || !record) return cancel(ports, stage, stop ?? 'case missing');

  if (stage.channel === 'check') return runCheck(ports, record, stage);
  if (stage.channel === 'task') {
    await finish(ports, stage, { ...stage, status: 'sent', sentAt: clock.now().toISOString() }, [
      { at: clock.now().toISOString(), actor: 'system', type: 'task-due', stageId: stage.id, data: { template: stage.template } },
    ]);
    return { outcome: 'task-due' };
  }
  if (record.status === 'promised' && stage.template !== 'promise-confirmation') return cancel(ports, stage, 'promise to pay');
  if (stage.instalment !== undefined && instalmentCovered(record, stage.instalment)) return cancel(ports, stage, 'instalment already paid');

  let letter = await makeLetter(ports, record, stage, options.after);
  if ('outcome' in letter) return letter;

  record = await store.getCase(target.caseId);
  const late = record ? stageMayRun(record, stage) : 'case missing';
  if (late || !record) return cancel(ports, stage, late ?? 'case missing');
  if (stage.instalment !== undefined && instalmentCovered(record, stage.instalment)) return cancel(ports, stage, 'instalment already paid');
  if (record.version !== letter.version) {
    // the case changed while the letter was being made (a partial payment, a note, a plan): the
    // letter must quote the case as it stands when it goes, so it is made again from it
    const again = await makeLetter(ports, record, stage);
    if ('outcome' in again) return again;
    letter = again;
  }
  const { rendered, pdf, eml } = letter;

  const attempts = options.attempts ?? 4;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let lastError = '';
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      const sent = await ports.mailer.send({ from: rendered.from, to: rendered.to, eml: rendered.eml, messageId: rendered.messageId });
      await options.after?.('sent');
      const at = clock.now().toISOString();
      await finish(
        ports,
        stage,
        { ...stage, status: 'sent', sentAt: at, messageId: sent.messageId, pdfSha256: pdf.sha256, emlSha256: eml.sha256, subject: rendered.subject, error: undefined },
        [
          {
            at,
            actor: 'system',
            type: 'sent',
            stageId: stage.id,
            data: { messageId: sent.messageId, provider: sent.provider, subject: rendered.subject, to: rendered.to, pdfSha256: pdf.sha256, emlSha256: eml.sha256, template: stage.template },
          },
        ],
      );
      await options.after?.('recorded');
      return { outcome: 'sent', messageId: sent.messageId };
    } catch (error) {
      lastError = (error as Error).message;
      if (error instanceof TransientMailError && attempt < attempts) {
        await store.commit({
          caseId: stage.caseId,
          events: [{ at: clock.now().toISOString(), actor: 'system', type: 'send-retry', stageId: stage.id, data: { attempt, error: lastError } }],
        });
        await sleep((options.backoffMs ?? 2_000) * 2 ** (attempt - 1));
        continue;
      }
      if (error instanceof TransientMailError || error instanceof PermanentMailError) break;
      throw error;
    }
  }
  return failed(ports, stage, lastError, attempts);
}

/**
 * Renders the stage's letter from `record` and archives its exact bytes. A letter that cannot be
 * rendered or archived was certainly not sent: the stage fails visibly (the owner can resend it),
 * rather than staying `claimed` and turning `uncertain` at the next start.
 */
async function makeLetter(
  ports: Ports,
  record: CaseRecord,
  stage: StageRecord,
  after?: RunStageOptions['after'],
): Promise<{ rendered: RenderedStage; pdf: ArchivedObject; eml: ArchivedObject; version: number } | StageOutcome> {
  let rendered: RenderedStage;
  try {
    rendered = await ports.renderer.render(record, stage, ports.clock.now());
  } catch (error) {
    return failed(ports, stage, `the letter could not be rendered: ${(error as Error).message}`, 0);
  }
  await after?.('rendered');
  let pdf: ArchivedObject;
  let eml: ArchivedObject;
  try {
    pdf = await ports.archive.put(rendered.pdf, 'application/pdf');
    eml = await ports.archive.put(rendered.eml, 'message/rfc822');
  } catch (error) {
    return failed(ports, stage, `the letter could not be archived: ${(error as Error).message}`, 0);
  }
  await after?.('archived');
  return { rendered, pdf, eml, version: record.version };
}

/** The letter did not go out: the stage is `failed` with the reason, logged, shown to the owner (one-click resend). */
async function failed(ports: Ports, stage: StageRecord, error: string, attempts: number): Promise<StageOutcome> {
  const at = ports.clock.now().toISOString();
  await finish(ports, stage, { ...stage, status: 'failed', error }, [{ at, actor: 'system', type: 'send-failed', stageId: stage.id, data: { error, attempts } }]);
  ports.log?.('error', 'letter not sent', { caseId: stage.caseId, stageId: stage.id, error });
  return { outcome: 'failed', error };
}

/** Records the stage's outcome (conditional on our claim) and schedules the next stage. */
async function finish(ports: Ports, claimed: StageRecord, done: StageRecord, events: NewEvent[], extra: { record?: CaseRecord; stages?: StageWrite[] } = {}): Promise<void> {
  await ports.store.commit({
    caseId: claimed.caseId,
    record: extra.record,
    stages: [{ stage: done, expect: 'claimed' }, ...(extra.stages ?? [])],
    events,
  });
  await scheduleNext(ports, claimed.caseId);
}

async function cancel(ports: Ports, stage: StageRecord, reason: string): Promise<StageOutcome> {
  await finish(ports, stage, { ...stage, status: 'cancelled', error: reason }, [
    { at: ports.clock.now().toISOString(), actor: 'system', type: 'cancelled-stage', stageId: stage.id, data: { reason } },
  ]);
  return { outcome: 'cancelled', reason };
}

function instalmentCovered(record: CaseRecord, number: number): boolean {
  const plan = record.paymentPlan;
  if (!plan) return false;
  const due = plan.instalments.filter((i) => i.number <= number).reduce((s, i) => s + minorUnits(amountOf(i.amount.amount, i.amount.currency)), 0);
  return paidSinceMinor(record.file, plan.agreedOn ?? '0000-01-01') >= due;
}

/** A system check: promise ran out, instalment missed, settlement lapsed. */
async function runCheck(ports: Ports, record: CaseRecord, stage: StageRecord): Promise<StageOutcome> {
  const now = ports.clock.now().toISOString();
  const stages = await ports.store.getStages(record.id);
  const others = stages.filter((s) => s.id !== stage.id);
  const done: StageRecord = { ...stage, status: 'sent', sentAt: now };
  if (stage.template === 'promise-check') {
    if (record.status !== 'promised') return cancel(ports, stage, `case is ${record.status}`);
    const replan = replanLadder(record, others, now, 'promise to pay expired');
    await finish(ports, stage, done, [{ at: now, actor: 'system', type: 'promise-expired', stageId: stage.id, data: { promisedUntil: record.promisedUntil ?? null, balance: caseBalance(record.file) } }, ...replan.events], replan);
    return { outcome: 'checked', result: 'promise expired: ladder resumed' };
  }
  if (stage.template === 'instalment-check') {
    if (record.status !== 'plan' || instalmentCovered(record, stage.instalment ?? 0)) {
      await finish(ports, stage, done, []);
      return { outcome: 'checked', result: 'instalment paid' };
    }
    // missed: the "instalment missed" letter now, then the original ladder again
    const replan = replanLadder({ ...record, paymentPlan: record.paymentPlan }, others, now, `instalment ${stage.instalment} missed`);
    const missed: StageRecord = { ...stage, id: `g${replan.record.generation}.instalment-missed`, key: 'instalment-missed', channel: 'email', template: 'instalment-missed', generation: replan.record.generation, seq: -1, instant: now, status: 'scheduled', attempts: 0, claimToken: undefined, claimedAt: undefined };
    await finish(ports, stage, done, [{ at: now, actor: 'system', type: 'instalment-missed', stageId: stage.id, data: { instalment: stage.instalment ?? null } }, ...replan.events], {
      record: replan.record,
      stages: [...replan.stages, { stage: missed, expect: 'absent' }],
    });
    return { outcome: 'checked', result: 'instalment missed: re-escalated' };
  }
  if (stage.template === 'settlement-check') {
    const settlement = record.settlement;
    if (record.status !== 'settlement' || !settlement) return cancel(ports, stage, `case is ${record.status}`);
    const paid = paidSinceMinor(record.file, settlement.offeredOn ?? '0000-01-01');
    if (paid >= minorUnits(amountOf(settlement.accept.amount, settlement.accept.currency))) {
      await finish(ports, stage, done, [{ at: now, actor: 'system', type: 'paid', data: { settlement: true } }], {
        record: { ...record, status: 'paid' },
        stages: cancelScheduled(others, 'settled'),
      });
      return { outcome: 'checked', result: 'settled' };
    }
    const replan = replanLadder(record, others, now, 'settlement lapsed');
    await finish(ports, stage, done, [{ at: now, actor: 'system', type: 'settlement-lapsed', stageId: stage.id, data: { payBy: settlement.payBy } }, ...replan.events], replan);
    return { outcome: 'checked', result: 'settlement lapsed: re-escalated' };
  }
  return cancel(ports, stage, `unknown check ${stage.template}`);
}
