import { formatPercent } from '../format-percent.ts';
import type { InterestRule, RuleContext } from '../interest-rule.ts';
import { halfYearlyReference } from './half-yearly-reference.ts';

/**
 * Germany, Verzugszinsen: simple interest (§289: none on interest) at the Basiszinssatz + 9
 * points when no consumer is involved (Entgeltforderung), + 5 points when the debtor is a
 * consumer (§288(1), (2)); the Basiszinssatz changes on 1 January and 1 July (§247), so the delay
 * is split there. From the day after the due date (Verzug). Day count: option `germanDayCount`.
 *
 * @example deStatutory(ctx).rateFrom('2024-07-01').percent // '12.37' B2B (3.37 + 9); consumer '8.37'
 * @see BGB §§247, 286, 288, 289; shared/LEGAL.md §4.1
 */
export function deStatutory(ctx: RuleContext): InterestRule {
  const { input } = ctx;
  const margin = input.debtor === 'consumer' ? '5' : '9';
  const reference = halfYearlyReference('de-basiszinssatz', margin, 'Basiszinssatz', input.options.beyondRateTable, 'German Verzugszinsen');
  return {
    description: {
      id: 'DE-statutory',
      title: 'Bürgerliches Gesetzbuch (BGB): Verzugszinsen',
      citation: '§§247, 286, 288(1), 288(2), 288(5), 289 BGB',
      rateModel: 'half-yearly',
      summary: `Simple interest at the Basiszinssatz + ${margin} points (${input.debtor === 'consumer' ? '§288(1): a consumer is involved' : '§288(2): no consumer involved'}), the Basiszinssatz changing on 1 January and 1 July (split at each), from the day after the due date.`,
      see: 'shared/LEGAL.md §4.1',
    },
    rateChanges: reference.rateChanges,
    rateFrom(from) {
      const r = reference.rateFrom(from);
      return { percent: formatPercent(r.percent), kind: 'reference-plus-margin', reference: r.reference, margin, explanation: r.explanation };
    },
  };
}
