import { PlainDateSchema } from '#domain/time/plain-date.ts';
import { z } from 'zod';
import type { Ports } from '../ports/ports.ts';
import type { CaseRecord } from '../ports/records.ts';
import { CaseStateError } from './case-state-error.ts';
import { checkStage, immediateLetter } from './check-stage.ts';
import { cancelScheduled, mutateCase } from './mutate-case.ts';

export const PromiseSchema = z.strictObject({ until: PlainDateSchema, note: z.string().trim().max(2_000).optional() });
export const DisputeSchema = z.strictObject({ note: z.string().trim().min(1, { message: 'say what is disputed' }).max(2_000) });

const paused = new Set(['active', 'promised', 'disputed']);

/**
 * A promise to pay by a date (the debtor's "official letter with a payment date"): the ladder
 * pauses, a confirmation letter goes out now, and a check the next business day after the date
 * resumes the ladder by itself if the case is still unpaid.
 */
export async function recordPromise(ports: Pick<Ports, 'store' | 'scheduler' | 'clock'>, caseId: string, input: z.infer<typeof PromiseSchema>): Promise<CaseRecord> {
  const now = ports.clock.now().toISOString();
  if (input.until < now.slice(0, 10)) throw new CaseStateError('past', 'the promised date is in the past', 'until');
  return mutateCase(ports, caseId, (record, stages) => {
    if (!paused.has(record.status)) throw new CaseStateError(record.status, `a ${record.status} case cannot take a promise to pay`);
    const generation = record.generation + 1;
    const confirm = immediateLetter(record.file, caseId, generation, 0, 'promise-confirmation', 'promise-confirmation', now);
    const check = checkStage(record.file, caseId, generation, 1, 'promise-check', 'promise-check', input.until, { businessDaysAfter: 1 });
    return {
      record: { ...record, status: 'promised', promisedUntil: input.until, generation },
      stages: [...cancelScheduled(stages, 'promise to pay'), { stage: confirm, expect: 'absent' }, { stage: check, expect: 'absent' }],
      events: [{ at: now, actor: 'owner', type: 'promise', data: { until: input.until, note: input.note ?? null } }],
    };
  });
}

/** A dispute: the ladder pauses until the owner resumes it. */
export async function markDispute(ports: Pick<Ports, 'store' | 'scheduler' | 'clock'>, caseId: string, input: z.infer<typeof DisputeSchema>): Promise<CaseRecord> {
  const now = ports.clock.now().toISOString();
  return mutateCase(ports, caseId, (record, stages) => {
    if (!paused.has(record.status)) throw new CaseStateError(record.status, `a ${record.status} case cannot be disputed`);
    return {
      record: { ...record, status: 'disputed' },
      stages: cancelScheduled(stages, 'dispute'),
      events: [{ at: now, actor: 'owner', type: 'dispute', data: { note: input.note } }],
    };
  });
}

/** Cancels the case: nothing more is sent. */
export async function cancelCase(ports: Pick<Ports, 'store' | 'scheduler' | 'clock'>, caseId: string, input: { reason?: string | undefined }): Promise<CaseRecord> {
  const now = ports.clock.now().toISOString();
  return mutateCase(ports, caseId, (record, stages) => {
    if (record.status === 'cancelled') throw new CaseStateError('cancelled', 'the case is already cancelled');
    return {
      record: { ...record, status: 'cancelled' },
      stages: cancelScheduled(stages, 'case cancelled'),
      events: [{ at: now, actor: 'owner', type: 'cancelled', data: { reason: input.reason ?? null } }],
    };
  });
}
