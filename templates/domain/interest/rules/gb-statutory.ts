import Fraction from 'fraction.js';
import { addCalendarDays, dateParts } from '../../time/plain-date.ts';
import { formatPercent } from '../format-percent.ts';
import { InterestNotApplicableError } from '../interest-error.ts';
import type { SegmentRate } from '../interest-result.ts';
import type { InterestRule, RuleContext } from '../interest-rule.ts';
import { lookupRate } from '../lookup-rate.ts';

/**
 * England & Wales, Late Payment of Commercial Debts (Interest) Act 1998: simple interest at
 * 8 points over the Bank Rate in force on the reference date immediately before interest starts
 * to run – 31 December for interest starting 1 January–30 June, 30 June for 1 July–31 December –
 * **fixed for the whole delay** (later Bank Rate changes do not move it). Interest runs from the
 * day after the due date. Business-to-business only: against a consumer this throws
 * `InterestNotApplicableError`.
 *
 * @example gbStatutory(ctx).rateFrom('2024-02-01').percent // '13.25' (Bank Rate 5.25 % on 2023-12-31 + 8)
 * @see Late Payment of Commercial Debts (Interest) Act 1998 s.4(2), s.6; SI 2002/1675 art. 4; shared/LEGAL.md §1.1–1.2
 */
export function gbStatutory(ctx: RuleContext): InterestRule {
  const { input } = ctx;
  if (input.debtor === 'consumer') {
    throw new InterestNotApplicableError(
      'GB: statutory interest under the Late Payment of Commercial Debts (Interest) Act 1998 applies only between businesses, not against a consumer. Use the contract\'s own late-payment terms, or the interest a court may award on a claim (usually 8 % simple).',
      'Late Payment of Commercial Debts (Interest) Act 1998 s.2(1)',
    );
  }
  const start = addCalendarDays(input.dueDate, 1);
  const { year, month } = dateParts(start);
  const referenceDate = month <= 6 ? `${String(year - 1).padStart(4, '0')}-12-31` : `${String(year).padStart(4, '0')}-06-30`;
  let fixed: SegmentRate | undefined;
  return {
    description: {
      id: 'GB-statutory',
      title: 'Late Payment of Commercial Debts (Interest) Act 1998',
      citation: 's.4(2), s.5A, s.6; Late Payment of Commercial Debts (Rate of Interest) (No. 3) Order 2002 (SI 2002/1675) art. 4',
      rateModel: 'fixed-for-whole-delay',
      summary:
        'Simple interest at 8 points over the Bank of England Bank Rate in force on the reference date (31 December for interest starting 1 January–30 June, 30 June for 1 July–31 December) immediately before interest starts, fixed for the whole delay; from the day after the due date; business debtors only.',
      see: 'shared/LEGAL.md §1.1–1.2',
    },
    rateChanges: () => [],
    rateFrom() {
      fixed ??= rate();
      return fixed;
    },
  };

  function rate(): SegmentRate {
    const { reference } = lookupRate('gb-bank-rate', referenceDate, input.options.beyondRateTable, `GB statutory interest starting ${start}`);
    const percent = formatPercent(new Fraction(reference.percent).add(8));
    return {
      percent,
      kind: 'reference-plus-margin',
      reference,
      margin: '8',
      explanation: `Bank Rate ${formatPercent(new Fraction(reference.percent))} % on ${referenceDate} (the reference date before interest started on ${start}) + 8 points = ${percent} %, fixed for the whole delay`,
    };
  }
}
