import { planCase } from '#domain/ladder/plan-case.ts';
import type { CaseFile } from '#domain/schemas/case.ts';
import type { Ports } from '../ports/ports.ts';
import type { CaseRecord } from '../ports/records.ts';
import { isPaid } from './case-balance.ts';
import { newCaseId } from './new-case-id.ts';
import { scheduleNext } from './schedule-next.ts';
import { stageRecords } from './stage-records.ts';

/**
 * Creates a case from a validated case file: plans its ladder as of now (catch-up included),
 * stores the case, every stage and the first log entries in one transaction, and schedules the
 * next stage.
 *
 * @example const record = await createCase(ports, CaseFileSchema.parse(body))
 */
export async function createCase(ports: Pick<Ports, 'store' | 'scheduler' | 'clock'>, file: CaseFile, options: { id?: string } = {}): Promise<CaseRecord> {
  const now = ports.clock.now().toISOString();
  const id = options.id ?? newCaseId();
  const paid = isPaid(file, now.slice(0, 10));
  const plan = planCase(file, { now });
  const stages = paid ? [] : stageRecords(id, 1, plan.stages);
  const record: CaseRecord = { id, createdAt: now, updatedAt: now, version: 1, status: paid ? 'paid' : 'active', file, generation: 1 };
  await ports.store.createCase(record, stages, [
    { at: now, actor: 'owner', type: 'created', data: { reference: file.reference ?? null, invoices: file.invoices.map((i) => i.number) } },
    ...(stages.length > 0
      ? [
          {
            at: now,
            actor: 'system' as const,
            type: 'planned' as const,
            data: { ladder: plan.ladder.key, generation: 1, stages: stages.map((s) => ({ id: s.id, instant: s.instant, status: s.status, template: s.template })) },
          },
        ]
      : []),
  ]);
  await scheduleNext(ports, id);
  return record;
}
