import { readyLadders } from '../../ladders/ready-ladders.ts';
import { invoiceTotals } from '../invoice/invoice-totals.ts';
import type { CaseFile } from '../schemas/case.ts';
import type { Invoice } from '../schemas/invoice.ts';
import type { Ladder } from '../schemas/ladder.ts';
import { planLadder, type PlannedStage } from './plan-ladder.ts';

export interface CasePlan {
  ladder: Ladder;
  /** the invoice the ladder is anchored on: the unpaid one that fell due first */
  anchor: Invoice | undefined;
  stages: PlannedStage[];
}

/** The ladder a case names: a ready ladder by key, or its own. */
export function resolveLadder(choice: CaseFile['ladder']): Ladder {
  if (typeof choice !== 'string') return choice;
  const ladder = readyLadders[choice];
  if (!ladder) throw new RangeError(`Unknown ladder "${choice}"`);
  return ladder;
}

/**
 * The dated plan of a case. The ladder runs on the unpaid invoice that fell due first (a case
 * chases one debtor; its letters quote every open invoice); a case with nothing left to pay has
 * no stages. Stages dated before that invoice's issue date are skipped.
 *
 * @example planCase(caseFile, { now: '2026-04-20T09:00:00Z' })
 */
export function planCase(file: CaseFile, options: { now?: string | Date | undefined } = {}): CasePlan {
  const ladder = resolveLadder(file.ladder);
  const asOf = options.now === undefined ? undefined : new Date(options.now).toISOString().slice(0, 10);
  const open = file.invoices
    .filter((inv) => Number(invoiceTotals(inv, asOf).balance.amount) > 0)
    .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
  const anchor = open[0];
  if (!anchor) return { ladder, anchor: undefined, stages: [] };
  const { debtor } = file;
  const stages = planLadder(
    ladder,
    anchor.dueDate,
    { country: debtor.address.country, region: debtor.address.region, timeZone: debtor.timeZone },
    { now: options.now, catchUp: file.catchUp, notBefore: anchor.issueDate },
  );
  return { ladder, anchor, stages };
}
