import type { Ports } from '../ports/ports.ts';
import type { CaseRecord } from '../ports/records.ts';
import { CaseStateError } from './case-state-error.ts';
import { StageConflictError } from '../ports/errors.ts';
import { mutateCase } from './mutate-case.ts';
import { localDateTime } from '#domain/time/zoned-instant.ts';

/**
 * The owner's one-click resend of an `uncertain` or `failed` stage: it becomes `scheduled` again
 * for now (the owner decided; the log says so). Never done silently.
 */
export async function resendStage(ports: Pick<Ports, 'store' | 'scheduler' | 'clock'>, caseId: string, stageId: string): Promise<CaseRecord> {
  const now = ports.clock.now().toISOString();
  return mutateCase(ports, caseId, (record, stages) => {
    const stage = stages.find((s) => s.id === stageId);
    if (!stage || !['uncertain', 'failed'].includes(stage.status)) {
      throw new CaseStateError('stage', `stage ${stageId} is ${stage?.status ?? 'unknown'}: only an uncertain or failed letter can be resent`, 'stage');
    }
    if (record.status === 'paid' || record.status === 'cancelled') throw new CaseStateError(record.status, `the case is ${record.status}`);
    const local = localDateTime(now, stage.timeZone);
    return {
      record,
      stages: [{ stage: { ...stage, status: 'scheduled', instant: now, localDate: local.date, localTime: local.time, claimToken: undefined, error: undefined }, expect: stage.status }],
      events: [{ at: now, actor: 'owner', type: 'resend-requested', stageId, data: { previous: stage.status } }],
    };
  });
}

/**
 * Stages claimed before `before` with no outcome recorded become `uncertain` (a crash between
 * claim and record): surfaced to the owner, never resent by themselves. Returns how many.
 */
export async function markUncertain(ports: Pick<Ports, 'store' | 'scheduler' | 'clock'>, before: string): Promise<number> {
  const stale = await ports.store.staleClaims(before);
  const now = ports.clock.now().toISOString();
  let marked = 0;
  for (const stage of stale) {
    try {
      await ports.store.commit({
      caseId: stage.caseId,
      stages: [{ stage: { ...stage, status: 'uncertain', error: 'claimed but no outcome recorded: it may or may not have been sent' }, expect: 'claimed' }],
        events: [{ at: now, actor: 'system', type: 'uncertain', stageId: stage.id, data: { claimedAt: stage.claimedAt ?? null } }],
      });
      marked++;
    } catch (error) {
      if (!(error instanceof StageConflictError)) throw error; // recorded meanwhile: not uncertain
    }
  }
  return marked;
}
