import Fraction from 'fraction.js';
import type { PlainDate } from '../../time/plain-date.ts';
import { formatPercent } from '../format-percent.ts';
import { halfYearOf, type HalfYear } from '../half-year.ts';
import type { RateReference } from '../interest-result.ts';
import type { RuleContext } from '../interest-rule.ts';
import { lookupRate } from '../lookup-rate.ts';
import { rateTables } from '../rate-tables.ts';

/**
 * France's floor for a late-payment rate: 3 × the taux de l'intérêt légal ("autres cas" column)
 * of the half-year containing `from`. A contract "ne peut toutefois fixer un taux inférieur à
 * trois fois le taux d'intérêt légal" (L441-10 II).
 *
 * When the half-year is before the table, the floor cannot be checked: a `floor-unknown` warning
 * is added and `undefined` returned. Past the table's end the `beyondRateTable` policy applies,
 * except for an `informational` check, which then quietly returns `undefined`.
 *
 * @example frenchFloor('2024-03-01', ctx, { informational: false })?.percent // 15.21 (3 × 5.07)
 * @see Code de commerce L441-10 II; shared/LEGAL.md §3.1 (penalty rate table, last column)
 */
export function frenchFloor(
  from: PlainDate,
  ctx: RuleContext,
  { informational }: { informational: boolean },
): { percent: Fraction; legalRate: RateReference; halfYear: HalfYear; text: string } | undefined {
  const halfYear = halfYearOf(from);
  const table = rateTables['fr-legal-rate'];
  if (halfYear.start < table.entries[0]!.from) {
    if (!informational) {
      ctx.warn({
        code: 'floor-unknown',
        message: `FR: the legal interest rate for ${halfYear.label} is not in the table (rates/fr-legal-rate.json starts on ${table.entries[0]!.from}), so the floor of 3 × that rate was not checked for ${halfYear.label}.`,
      });
    }
    return undefined;
  }
  if (informational && halfYear.start > table.validUntil) return undefined;
  const { reference } = lookupRate('fr-legal-rate', halfYear.start, ctx.input.options.beyondRateTable, `the French floor (3 × the legal interest rate) for ${halfYear.label}`);
  const percent = new Fraction(reference.percent).mul(3);
  return {
    percent,
    legalRate: reference,
    halfYear,
    text: `3 × the legal interest rate for ${halfYear.label} (3 × ${formatPercent(new Fraction(reference.percent))} % = ${formatPercent(percent)} %)`,
  };
}
