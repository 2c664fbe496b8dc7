import type { PlannedStage } from '#domain/ladder/plan-ladder.ts';
import type { StageRecord } from '../ports/records.ts';

/** Planned stages as store records of one generation (`g2.late-7`). */
export function stageRecords(caseId: string, generation: number, planned: PlannedStage[], extra: Partial<StageRecord> = {}): StageRecord[] {
  return planned.map((p, seq) => ({
    caseId,
    id: `g${generation}.${p.key}`,
    generation,
    seq,
    key: p.key,
    channel: p.channel,
    template: p.template,
    instant: p.instant,
    localDate: p.localDate,
    localTime: p.localTime,
    timeZone: p.timeZone,
    status: p.status === 'skipped' ? 'skipped' : 'scheduled',
    attempts: 0,
    ...(p.status === 'skipped' ? { error: p.skipReason === 'before-issue' ? 'before the invoice was issued' : 'its time had passed when the ladder was planned' } : {}),
    ...extra,
  }));
}

/** The first `scheduled` stage of the live generation, in time order. */
export function nextScheduled(stages: StageRecord[], generation: number): StageRecord | undefined {
  return stages.filter((s) => s.generation === generation && s.status === 'scheduled').sort((a, b) => (a.instant < b.instant ? -1 : 1))[0];
}
