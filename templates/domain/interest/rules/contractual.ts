import Fraction from 'fraction.js';
import type { Jurisdiction } from '../../schemas/jurisdiction.ts';
import type { Rate } from '../../schemas/percent.ts';
import type { PlainDate } from '../../time/plain-date.ts';
import { formatPercent } from '../format-percent.ts';
import { halfYearStarts } from '../half-year.ts';
import type { SegmentRate } from '../interest-result.ts';
import type { InterestRule, RuleContext } from '../interest-rule.ts';
import { frenchFloor } from './french-floor.ts';

const citations: Record<Jurisdiction, string> = {
  GB: 'Contract terms (a substantial contractual remedy displaces the Late Payment of Commercial Debts (Interest) Act 1998)',
  EU: 'Contract terms (Directive 2011/7/EU: a rate agreed between undertakings)',
  FR: 'Contract terms; Code de commerce L441-10 II (not below 3 × the legal interest rate)',
  DE: 'Contract terms (BGB §288(3): higher interest on another legal ground)',
  RU: 'Contract terms (ГК РФ ст. 395 п. 1: a different rate set by the contract)',
  IL: 'Contract terms',
  'US-NY': 'Contract terms (a contract rate that continues after breach)',
  'US-CA': 'Contract terms (Cal. Civ. Code §3289(a): a stipulated rate continues after breach)',
};

/**
 * The contract's own rate: simple interest at `percent` % a year, or a month (× 12 for the
 * yearly rate, then counted by days like a yearly rate – our choice, LEGAL.md does not state
 * one), from the day after the due date, with the jurisdiction's day count.
 *
 * France, business debtor: a contractual rate below 3 × the legal interest rate of a half-year
 * is raised to that floor for the half-year, with a `contract-rate-below-floor` warning
 * (L441-10 II); the period is therefore split at 1 January and 1 July.
 *
 * @example contractual(ctx, { percent: '1.5', per: 'month' }).rateFrom('2025-03-01').percent // '18'
 * @see shared/LEGAL.md §1.1 (substantial remedy), §3.1 (French floor), §5.1 (ст. 395 п. 1), §7.1 (§3289(a))
 */
export function contractual(ctx: RuleContext, rate: Rate): InterestRule {
  const { input } = ctx;
  const annual = new Fraction(rate.percent).mul(rate.per === 'month' ? 12 : 1);
  const stated = `${formatPercent(new Fraction(rate.percent))} % a ${rate.per}`;
  const yearly = rate.per === 'month' ? `${stated} (${formatPercent(annual)} % a year)` : stated;
  const floored = input.jurisdiction === 'FR' && input.debtor === 'business';
  return {
    description: {
      id: 'contractual',
      title: 'Contractual late-payment interest',
      citation: citations[input.jurisdiction],
      rateModel: 'fixed',
      summary: `Simple interest at the contract's rate of ${yearly}, from the day after the due date${rate.per === 'month' ? '; a monthly rate is applied as 12 × the rate a year, counted by days' : ''}${floored ? '; in France never below 3 × the legal interest rate of each half-year (L441-10 II)' : ''}.`,
      see: floored ? 'shared/LEGAL.md §3.1' : 'shared/LEGAL.md §0.2',
    },
    rateChanges: (first: PlainDate, last: PlainDate) => (floored ? halfYearStarts(first, last) : []),
    rateFrom(from): SegmentRate {
      const base: SegmentRate = {
        percent: formatPercent(annual),
        kind: 'contractual',
        contractual: { percent: rate.percent, per: rate.per },
        explanation: `Contract rate ${yearly}`,
      };
      if (!floored) return base;
      const floor = frenchFloor(from, ctx, { informational: false });
      if (!floor) return base;
      const applied = floor.percent.gt(annual);
      if (applied) {
        ctx.warn({
          code: 'contract-rate-below-floor',
          message: `FR ${floor.halfYear.label}: the contract rate of ${yearly} is below the floor of ${floor.text}. A contract cannot set a lower rate (Code de commerce L441-10 II), so ${formatPercent(floor.percent)} % is applied for ${floor.halfYear.label}.`,
        });
      }
      return {
        ...base,
        percent: formatPercent(applied ? floor.percent : annual),
        floor: { percent: formatPercent(floor.percent), legalRate: floor.legalRate, applied },
        explanation: applied ? `Contract rate ${yearly} is below the floor of ${floor.text}: the floor applies` : `Contract rate ${yearly} (not below the floor of ${floor.text})`,
      };
    },
  };
}
