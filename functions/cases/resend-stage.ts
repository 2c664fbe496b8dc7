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
    // an unknown stage is a field error on the route's stageId; a stage in another state is a conflict (409)
    if (!stage) throw new CaseStateError('stage', `the case has no stage ${stageId}`, 'stageId');
    if (!['uncertain', 'failed'].includes(stage.status)) {
      throw new CaseStateError('stage', `stage ${stageId} is ${stage.status}: only an uncertain or failed letter can be resent`);
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
    // never logged before its claim, even when the clock reads earlier than the claim (a restarted fast-forward demo)
    const at = stage.claimedAt !== undefined && stage.claimedAt > now ? stage.claimedAt : now;
    try {
      await ports.store.commit({
        caseId: stage.caseId,
        stages: [{ stage: { ...stage, status: 'uncertain', error: 'claimed but no outcome recorded: it may or may not have been sent' }, expect: 'claimed' }],
        events: [{ at, actor: 'system', type: 'uncertain', stageId: stage.id, data: { claimedAt: stage.claimedAt ?? null } }],
      });
      marked++;
    } catch (error) {
      if (!(error instanceof StageConflictError)) throw error; // recorded meanwhile: not uncertain
    }
  }
  return marked;
}
