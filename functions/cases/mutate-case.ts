import { VersionConflictError, CaseNotFoundError } from '../ports/errors.ts';
import type { Ports } from '../ports/ports.ts';
import type { CaseRecord, NewEvent, StageRecord } from '../ports/records.ts';
import type { StageWrite } from '../ports/store.ts';
import { scheduleNext } from './schedule-next.ts';

/** What a case change decides, from the case as it is. */
export interface CaseChange {
  record?: CaseRecord | undefined;
  stages?: StageWrite[] | undefined;
  events: NewEvent[];
}

/**
 * Reads a case and its stages, lets `decide` compute one atomic change, commits it conditioned
 * on the version read (retrying on a concurrent change), then tells the scheduler: cancels the
 * schedules of stages that stopped being `scheduled` and schedules the next stage.
 *
 * @throws CaseNotFoundError
 */
export async function mutateCase(
  ports: Pick<Ports, 'store' | 'scheduler'>,
  caseId: string,
  decide: (record: CaseRecord, stages: StageRecord[]) => CaseChange | Promise<CaseChange>,
): Promise<CaseRecord> {
  for (let attempt = 1; ; attempt++) {
    const record = await ports.store.getCase(caseId);
    if (!record) throw new CaseNotFoundError(caseId);
    const stages = await ports.store.getStages(caseId);
    const change = await decide(record, stages);
    try {
      await ports.store.commit({ caseId, expectedVersion: record.version, record: change.record, stages: change.stages, events: change.events });
    } catch (error) {
      if (error instanceof VersionConflictError && attempt < 5) continue;
      throw error;
    }
    const before = new Map(stages.map((s) => [s.id, s.status]));
    for (const { stage } of change.stages ?? []) {
      if (before.get(stage.id) === 'scheduled' && stage.status !== 'scheduled') await ports.scheduler.cancel(caseId, stage.id);
    }
    await scheduleNext(ports, caseId);
    return (await ports.store.getCase(caseId))!;
  }
}

/** Every still-`scheduled` stage of the case, cancelled, with the reason in `error`. */
export function cancelScheduled(stages: StageRecord[], reason: string): StageWrite[] {
  return stages.filter((s) => s.status === 'scheduled').map((s) => ({ stage: { ...s, status: 'cancelled' as const, error: reason }, expect: 'scheduled' as const }));
}
