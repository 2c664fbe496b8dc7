import { z } from 'zod';
import { amountOf, DecimalStringSchema, minorUnits, type Money } from '../money/money.ts';
import type { Jurisdiction } from '../schemas/jurisdiction.ts';
import { PlainDateSchema } from '../time/plain-date.ts';
import data from './rates/fixed-compensation.json' with { type: 'json' };

const RuleSchema = z.object({
  currency: z.string().length(3),
  citation: z.string().min(1),
  debtors: z.array(z.enum(['business', 'consumer'])).min(1),
  /** ascending; the first band whose `below` the debt is under applies; `null` = no upper limit */
  bands: z.array(z.object({ below: DecimalStringSchema.nullable(), amount: DecimalStringSchema, label: z.string().min(1) })).min(1),
});

const TableSchema = z.object({
  id: z.literal('fixed-compensation'),
  name: z.string().min(1),
  source: z.string().min(1),
  lastChecked: PlainDateSchema,
  rules: z.record(z.string(), RuleSchema),
});

const table = TableSchema.parse(data);

/** A fixed-compensation line of a result: one per late invoice. */
export interface FixedCompensationLine {
  /** e.g. "Fixed compensation: debt from £1,000 to under £10,000" */
  label: string;
  amount: Money;
  /** the provision granting it, e.g. "Late Payment of Commercial Debts (Interest) Act 1998 s.5A" */
  citation: string;
  /** the debt the band was chosen on */
  debt: Money;
}

/** What the law grants: a line, a refusal with its reason, or `null` when there is no such sum. */
export type FixedCompensationOutcome = { granted: true; line: FixedCompensationLine } | { granted: false; reason: string; citation: string } | null;

/**
 * The statutory fixed compensation for recovery costs on one late invoice (per invoice, not per
 * day): England & Wales £40 / £70 / £100 by the size of the debt (s.5A), the Directive's minimum
 * €40 (art. 6), France 40 € (D441-5), Germany 40 € against a non-consumer (§288(5) BGB). Russia,
 * Israel and the US have no such sum (`null`). Against a consumer none of them is granted.
 * The amounts live in `rates/fixed-compensation.json`.
 *
 * @example fixedCompensation('GB', 'business', { currency: 'GBP', amount: '500.00' }) // £40.00 line
 * @example fixedCompensation('DE', 'consumer', { currency: 'EUR', amount: '500.00' }) // { granted: false, reason: … }
 * @see shared/LEGAL.md §0.7, §1.1, §2, §3.1, §4.1
 */
export function fixedCompensation(jurisdiction: Jurisdiction, debtor: 'business' | 'consumer', debt: Money): FixedCompensationOutcome {
  const rule = table.rules[jurisdiction];
  if (!rule) return null;
  if (!rule.debtors.includes(debtor)) {
    return {
      granted: false,
      citation: rule.citation,
      reason: `${jurisdiction}: the fixed compensation (${rule.citation}) is not due from a consumer debtor`,
    };
  }
  if (debt.currency !== rule.currency) {
    throw new RangeError(`${jurisdiction} fixed compensation is in ${rule.currency}, the debt is in ${debt.currency}`);
  }
  const debtMinor = minorUnits(amountOf(debt.amount, debt.currency));
  const band = rule.bands.find((b) => b.below === null || debtMinor < minorUnits(amountOf(b.below, rule.currency)));
  if (!band) throw new RangeError(`rates/fixed-compensation.json: ${jurisdiction} has no open-ended band`);
  return {
    granted: true,
    line: {
      label: `Fixed compensation: ${band.label}`,
      amount: { currency: rule.currency, amount: band.amount },
      citation: rule.citation,
      debt,
    },
  };
}

