import { addCalendarDays, type PlainDate } from '../../time/plain-date.ts';
import { formatPercent } from '../format-percent.ts';
import { InterestNotApplicableError } from '../interest-error.ts';
import type { InterestRule, RuleContext } from '../interest-rule.ts';
import { lookupRate } from '../lookup-rate.ts';
import { rateTables } from '../rate-tables.ts';
import Fraction from 'fraction.js';

const moratorium = { from: '2022-04-01', to: '2022-10-01' };

/**
 * Russia, ГК РФ ст. 395: simple interest at the Bank of Russia key rate in force in each period
 * ("действовавшей в соответствующие периоды"), split at every change of the key rate and at
 * every year end (actual days over 365 or 366, Plenum ВС РФ №7 of 24.03.2016 para 84), from the
 * day after the due date to the payment day included (п. 3), on the debt including VAT.
 *
 * Not applicable when the contract sets its own penalty (неустойка, `terms.penaltyClause`):
 * throws `InterestNotApplicableError` (п. 4). A period overlapping the 2022 bankruptcy
 * moratorium gets a `moratorium-2022` warning (its effect on ст. 395 interest is uncertain).
 *
 * @example ruStatutory(ctx).rateChanges('2025-06-02', '2025-06-15') // ['2025-06-09'] (21 % → 20 %)
 * @see ГК РФ ст. 395 пп. 1, 3, 4; shared/LEGAL.md §5.1–5.2
 */
export function ruStatutory(ctx: RuleContext): InterestRule {
  const { input } = ctx;
  if (input.terms.penaltyClause) {
    throw new InterestNotApplicableError(
      'RU: the contract sets its own penalty (неустойка) for late payment, so interest under ст. 395 ГК РФ is not recoverable (ст. 395 п. 4). Claim the contractual penalty instead (contractual terms).',
      'ГК РФ ст. 395 п. 4',
    );
  }
  const table = rateTables['ru-key-rate'];
  return {
    description: {
      id: 'RU-statutory',
      title: 'Гражданский кодекс РФ, ст. 395 (проценты за пользование чужими денежными средствами)',
      citation: 'ст. 395 пп. 1, 3, 4; Постановление Пленума ВС РФ №7 от 24.03.2016 п. 84',
      rateModel: 'each-change',
      summary:
        'Simple interest at the Bank of Russia key rate in force on each day, split at every change of the key rate and at every year end (actual days over 365 or 366), from the day after the due date to the payment day included; not applicable when the contract sets its own penalty.',
      see: 'shared/LEGAL.md §5.1–5.2',
    },
    rateChanges(first: PlainDate, last: PlainDate) {
      if (first <= moratorium.to && last >= moratorium.from) {
        ctx.warn({
          code: 'moratorium-2022',
          message:
            'RU: the interest period overlaps the bankruptcy moratorium of 1 April – 1 October 2022 (Постановление Правительства №497). Penalties were not accrued against debtors it covered; whether ст. 395 interest was is uncertain [U]. This period is included here: check whether the debtor was covered.',
        });
      }
      const changes = table.entries.map((e) => e.from).filter((d) => d > first && d <= last);
      const provisionalFrom = addCalendarDays(table.validUntil, 1);
      if (provisionalFrom > first && provisionalFrom <= last && !changes.includes(provisionalFrom)) changes.push(provisionalFrom);
      return changes.sort();
    },
    rateFrom(from) {
      const { reference } = lookupRate('ru-key-rate', from, input.options.beyondRateTable, `interest under ст. 395 from ${from}`);
      const percent = formatPercent(new Fraction(reference.percent));
      return { percent, kind: 'reference', reference, explanation: `Bank of Russia key rate ${percent} % (in force from ${reference.entryFrom})` };
    },
  };
}
