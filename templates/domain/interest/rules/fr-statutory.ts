import { formatPercent } from '../format-percent.ts';
import { InterestNotApplicableError } from '../interest-error.ts';
import type { SegmentRate } from '../interest-result.ts';
import type { InterestRule, RuleContext } from '../interest-rule.ts';
import { frenchFloor } from './french-floor.ts';
import { halfYearlyReference } from './half-yearly-reference.ts';

/**
 * France, pénalités de retard between professionals: unless the contract sets another rate, the
 * ECB main refinancing rate + 10 points, the rate in force on 1 January for the first half-year
 * and on 1 July for the second (split at each), on the amount including VAT (TTC), from the day
 * after the due date to the payment day, × days / 365; plus 40 € per invoice (D441-5).
 *
 * Uncertain point (option `frenchDefaultRateFloor`, default off): whether this default is itself
 * raised to 3 × the legal interest rate when that is higher (1H2024, 2H2024). Off: the statute's
 * floor binds only a contractual rate, and a `default-rate-below-floor` warning says so.
 * Against a consumer this throws `InterestNotApplicableError` (civil interest from a formal notice).
 *
 * @example frStatutory(ctx).rateFrom('2024-03-01').percent // '14.5' (MRO 4.50 % on 2024-01-01 + 10)
 * @see Code de commerce L441-10 II, D441-5; shared/LEGAL.md §3.1
 */
export function frStatutory(ctx: RuleContext): InterestRule {
  const { input } = ctx;
  if (input.debtor === 'consumer') {
    throw new InterestNotApplicableError(
      'FR: late-payment penalties under Code de commerce L441-10 apply between professionals. Against a consumer, interest at the legal rate runs from a formal notice (mise en demeure, art. 1344-1 Code civil), which Overdue does not compute. Use the contract\'s own late-payment terms.',
      'Code de commerce L441-10 II; Code civil art. 1344-1',
    );
  }
  const reference = halfYearlyReference('ecb-mro', '10', 'ECB main refinancing rate', input.options.beyondRateTable, 'French late-payment penalties');
  const floorOn = input.options.frenchDefaultRateFloor;
  return {
    description: {
      id: 'FR-statutory',
      title: 'Code de commerce: pénalités de retard et indemnité forfaitaire',
      citation: 'L441-10 II, D441-5',
      rateModel: 'half-yearly',
      summary: `Simple interest at the ECB main refinancing rate + 10 points, the rate in force on 1 January for the first half-year and on 1 July for the second (split at each), on the amount including VAT, from the day after the due date, × days / 365${floorOn ? ', raised to 3 × the legal interest rate when that is higher (option frenchDefaultRateFloor)' : ''}; between professionals only.`,
      see: 'shared/LEGAL.md §3.1',
    },
    rateChanges: reference.rateChanges,
    rateFrom(from): SegmentRate {
      const r = reference.rateFrom(from);
      const base: SegmentRate = { percent: formatPercent(r.percent), kind: 'reference-plus-margin', reference: r.reference, margin: '10', explanation: r.explanation };
      const floor = frenchFloor(from, ctx, { informational: !floorOn });
      if (!floor) return base;
      const above = floor.percent.gt(r.percent);
      if (floorOn) {
        return {
          ...base,
          percent: formatPercent(above ? floor.percent : r.percent),
          floor: { percent: formatPercent(floor.percent), legalRate: floor.legalRate, applied: above },
          explanation: above ? `${r.explanation}, raised to the floor of ${floor.text} (option frenchDefaultRateFloor)` : r.explanation,
        };
      }
      if (!above) return base;
      ctx.warn({
        code: 'default-rate-below-floor',
        message: `FR ${floor.halfYear.label}: ${floor.text} is above the default rate ECB + 10 (${base.percent} %). L441-10 II applies that floor to a contractual rate only, so ${base.percent} % is used; whether the default rate is floored too is uncertain [U] (option frenchDefaultRateFloor applies the floor).`,
      });
      return { ...base, floor: { percent: formatPercent(floor.percent), legalRate: floor.legalRate, applied: false } };
    },
  };
}
