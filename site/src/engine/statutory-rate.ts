import { computeInterest } from '../../../templates/domain/interest/compute-interest.ts';
import { InterestError } from '../../../templates/domain/interest/interest-error.ts';
import { jurisdictionCurrency } from '../../../templates/domain/interest/jurisdiction-currency.ts';
import type { Jurisdiction } from '../../../templates/domain/schemas/jurisdiction.ts';
import { addCalendarDays, isValidPlainDate } from '../../../templates/domain/time/plain-date.ts';

/** The statutory late-payment rule of a jurisdiction and the annual rate it gives on a date. */
export interface StatutoryRate {
  /** the engine's rule id (`GB-statutory` …), for the rule's name from the `legal` catalog */
  ruleId?: string | undefined;
  /** annual rate, % (a decimal string), when the engine has it */
  percent?: string | undefined;
  /** the currency statutory interest is computed in under this law */
  currency: string;
  /** why there is no figure: the engine's error code (`not-applicable`, `rate-unavailable`, `invalid-input`) */
  refused?: string | undefined;
}

/**
 * What the contract builder shows next to "statutory interest": the rule and the rate in force
 * for an amount falling due on `date`, asked of the interest engine for a one-day delay (as
 * invoice-view.ts's `rateInForce` does for the invoice). The engine's refusals are answers too.
 *
 * @example statutoryRate('GB', 'business', '2026-03-02') // { ruleId: 'GB-statutory', percent: '11.75', currency: 'GBP' }
 * @see shared/LEGAL.md §0
 */
export function statutoryRate(jurisdiction: Jurisdiction, debtor: 'business' | 'consumer', date: string): StatutoryRate {
  const currency = jurisdictionCurrency(jurisdiction);
  if (!isValidPlainDate(date)) return { currency, refused: 'invalid-input' };
  try {
    const result = computeInterest({
      jurisdiction,
      debtor,
      principal: { currency, amount: '1000' },
      dueDate: date,
      until: addCalendarDays(date, 1),
      terms: { interest: { kind: 'statutory' }, fixedCompensation: false, penaltyClause: false },
    });
    return { ruleId: result.rule.id, percent: result.segments[0]?.rate.percent, currency };
  } catch (error) {
    if (error instanceof InterestError) return { currency, refused: error.code };
    throw error;
  }
}
