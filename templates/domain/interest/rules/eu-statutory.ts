import { formatPercent } from '../format-percent.ts';
import { InterestNotApplicableError } from '../interest-error.ts';
import type { InterestRule, RuleContext } from '../interest-rule.ts';
import { halfYearlyReference } from './half-yearly-reference.ts';

/**
 * The Late Payment Directive's minimum, for a euro-area Member State Overdue does not list: simple
 * interest at the ECB main refinancing rate + 8 points, the rate in force on 1 January for the
 * first half-year and on 1 July for the second, from the day after the due date. Commercial
 * transactions only: against a consumer this throws `InterestNotApplicableError`. Member States
 * implement the Directive differently (Ireland: one rate for the whole delay), so prefer the
 * State's own rule where Overdue has it.
 *
 * @example euStatutory(ctx).rateFrom('2024-08-01').percent // '12.25' (MRO 4.25 % on 2024-07-01 + 8)
 * @see Directive 2011/7/EU arts 2(6), 2(7), 3(2), 3(3), 6; shared/LEGAL.md §2
 */
export function euStatutory(ctx: RuleContext): InterestRule {
  const { input } = ctx;
  if (input.debtor === 'consumer') {
    throw new InterestNotApplicableError(
      'EU: the Late Payment Directive 2011/7/EU covers commercial transactions only; consumer transactions are excluded. Use the contract\'s own late-payment terms or the Member State\'s civil-law interest.',
      'Directive 2011/7/EU art. 1(2)',
    );
  }
  const reference = halfYearlyReference('ecb-mro', '8', 'ECB main refinancing rate', input.options.beyondRateTable, 'EU statutory interest');
  return {
    description: {
      id: 'EU-statutory',
      title: 'Late Payment Directive 2011/7/EU (minimum)',
      citation: 'arts 2(6), 2(7), 3(2), 3(3), 6',
      rateModel: 'half-yearly',
      summary:
        'Simple interest at the ECB main refinancing rate + 8 points, the rate in force on 1 January for the first half-year and on 1 July for the second (split at each), from the day after the due date; commercial transactions only.',
      see: 'shared/LEGAL.md §2',
    },
    rateChanges: reference.rateChanges,
    rateFrom(from) {
      const r = reference.rateFrom(from);
      return { percent: formatPercent(r.percent), kind: 'reference-plus-margin', reference: r.reference, margin: '8', explanation: r.explanation };
    },
  };
}
