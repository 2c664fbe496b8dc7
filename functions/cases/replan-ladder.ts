import { resolveLadder } from '#domain/ladder/plan-case.ts';
import { planLadder } from '#domain/ladder/plan-ladder.ts';
import { invoiceTotals } from '#domain/invoice/invoice-totals.ts';
import type { CaseRecord, NewEvent, StageRecord } from '../ports/records.ts';
import type { StageWrite } from '../ports/store.ts';
import { cancelScheduled } from './mutate-case.ts';
import { stageRecords } from './stage-records.ts';

/**
 * A new generation of the case's own ladder, planned at `now`: stages already sent in an earlier
 * generation are left out (never sent twice), then the catch-up policy picks at most the latest
 * missed one. Used when a pause ends (promise expired, dispute resumed) and when a payment plan
 * or settlement fails and the case re-escalates.
 */
export function replanLadder(record: CaseRecord, stages: StageRecord[], now: string, reason: string): { record: CaseRecord; stages: StageWrite[]; events: NewEvent[] } {
  const generation = record.generation + 1;
  const file = record.file;
  const ladder = resolveLadder(file.ladder);
  const sentKeys = new Set(stages.filter((s) => s.status === 'sent' && s.channel !== 'check').map((s) => s.key));
  const open = file.invoices
    .filter((inv) => Number(invoiceTotals(inv, now.slice(0, 10)).balance.amount) > 0)
    .sort((a, b) => (a.dueDate < b.dueDate ? -1 : 1));
  const anchor = open[0];
  const remaining = { ...ladder, stages: ladder.stages.filter((s) => !sentKeys.has(s.key)) };
  const planned =
    anchor && remaining.stages.length > 0
      ? planLadder(
          remaining,
          anchor.dueDate,
          { country: file.debtor.address.country, region: file.debtor.address.region, timeZone: file.debtor.timeZone },
          { now, catchUp: file.catchUp, notBefore: anchor.issueDate },
        )
      : [];
  const fresh = stageRecords(record.id, generation, planned);
  return {
    record: { ...record, status: 'active', generation, promisedUntil: undefined },
    stages: [...cancelScheduled(stages, reason), ...fresh.map((stage) => ({ stage, expect: 'absent' as const }))],
    events: [
      {
        at: now,
        actor: 'system',
        type: 'planned',
        data: { ladder: ladder.key, generation, reason, stages: fresh.map((s) => ({ id: s.id, instant: s.instant, status: s.status, template: s.template })) },
      },
    ],
  };
}
