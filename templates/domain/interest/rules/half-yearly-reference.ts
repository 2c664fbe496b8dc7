import Fraction from 'fraction.js';
import type { PlainDate } from '../../time/plain-date.ts';
import { formatPercent } from '../format-percent.ts';
import { halfYearOf, halfYearStarts } from '../half-year.ts';
import type { InterestOptions } from '../interest-options.ts';
import type { RateReference } from '../interest-result.ts';
import { lookupRate } from '../lookup-rate.ts';
import type { RateTableId } from '../rate-tables.ts';

/**
 * The semester-variable model shared by the Directive, France and Germany: the reference rate in
 * force on 1 January applies to the whole first half-year, the rate on 1 July to the second; a
 * delay spanning either day is split there. Returns the split days and, for a segment's first
 * day, the reference look-up and reference + `margin`.
 *
 * @example halfYearlyReference('ecb-mro', '8', 'ECB main refinancing rate', …).rateFrom('2024-08-01') // 4.25 + 8 = 12.25
 * @see Directive 2011/7/EU art. 3(2); Code de commerce L441-10 II; BGB §247; shared/LEGAL.md §0.1
 */
export function halfYearlyReference(
  tableId: RateTableId,
  margin: string,
  referenceName: string,
  policy: InterestOptions['beyondRateTable'],
  purpose: string,
): {
  rateChanges(first: PlainDate, last: PlainDate): PlainDate[];
  rateFrom(from: PlainDate): { reference: RateReference; percent: Fraction; halfYear: string; explanation: string };
} {
  return {
    rateChanges: halfYearStarts,
    rateFrom(from) {
      const halfYear = halfYearOf(from);
      const { reference } = lookupRate(tableId, halfYear.start, policy, `${purpose} for ${halfYear.label}`);
      const percent = new Fraction(reference.percent).add(new Fraction(margin));
      return {
        reference,
        percent,
        halfYear: halfYear.label,
        explanation: `${referenceName} ${formatPercent(new Fraction(reference.percent))} % on ${halfYear.start} (${halfYear.label}) + ${margin} points = ${formatPercent(percent)} %`,
      };
    },
  };
}
