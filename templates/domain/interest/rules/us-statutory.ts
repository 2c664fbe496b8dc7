import { addCalendarDays, type PlainDate } from '../../time/plain-date.ts';
import { InterestNotApplicableError, RateUnavailableError } from '../interest-error.ts';
import type { InterestRule, RuleContext } from '../interest-rule.ts';
import { usStatutoryRates } from '../us-statutory-rates.ts';

/**
 * New York and California: no late-payment statute, but a fixed statutory rate on a sum due
 * under a contract that sets none – New York 9 % (CPLR 5001(a), 5004), California 10 % after
 * breach (Civ. Code §3289(b)) – simple, from the day after the due date. The day count is not
 * stated in LEGAL.md: actual days over 365 (option `leapYearDivisor`). The figures are checked
 * up to the file's `validUntil`; later days are provisional.
 *
 * New York against a consumer throws `InterestNotApplicableError`: CPLR 5004 was amended in 2022
 * (FAIR Consumer Judgment Interest Act) to a lower rate for consumer debts, which is not in
 * LEGAL.md's tables, so Overdue refuses rather than claim 9 %.
 *
 * @example usStatutory(ctx, 'US-CA').rateFrom('2025-03-01').percent // '10'
 * @see N.Y. CPLR 5001(a), 5004; Cal. Civ. Code §3289; shared/LEGAL.md §7.1
 */
export function usStatutory(ctx: RuleContext, state: 'US-NY' | 'US-CA'): InterestRule {
  const { input } = ctx;
  const fixed = usStatutoryRates.rates[state];
  if (state === 'US-NY' && input.debtor === 'consumer') {
    throw new InterestNotApplicableError(
      'US-NY: the 9 % rate of CPLR 5004 is applied to business debtors only. For a consumer debt New York set a lower rate in 2022 (FAIR Consumer Judgment Interest Act), which is not in Overdue\'s tables: not computed rather than guessed. Use the contract\'s own terms or ask a New York lawyer.',
      'N.Y. CPLR 5004',
    );
  }
  return {
    description: {
      id: state === 'US-NY' ? 'US-NY-statutory' : 'US-CA-statutory',
      title: state === 'US-NY' ? 'New York Civil Practice Law and Rules' : 'California Civil Code',
      citation: fixed.citation,
      rateModel: 'fixed',
      summary: `${fixed.description}; simple interest from the day after the due date, actual days over 365 (day count not stated in the sources).`,
      see: 'shared/LEGAL.md §7.1',
    },
    rateChanges(first: PlainDate, last: PlainDate) {
      const provisionalFrom = addCalendarDays(usStatutoryRates.validUntil, 1);
      return provisionalFrom > first && provisionalFrom <= last ? [provisionalFrom] : [];
    },
    rateFrom(from) {
      const provisional = from > usStatutoryRates.validUntil;
      if (provisional && input.options.beyondRateTable === 'refuse') {
        throw new RateUnavailableError(
          `The ${state} statutory rate (${fixed.citation}) is checked only up to ${usStatutoryRates.validUntil}, so interest from ${from} is refused (option beyondRateTable: refuse). ${usStatutoryRates.validUntilNote}`,
        );
      }
      return {
        percent: fixed.percent,
        kind: 'statutory-fixed',
        reference: { table: 'us-statutory-rates', date: from, entryFrom: null, percent: fixed.percent, provisional },
        explanation: `${fixed.percent} % a year fixed by ${fixed.citation}`,
      };
    },
  };
}
