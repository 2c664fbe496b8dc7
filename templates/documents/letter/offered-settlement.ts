import type { Money } from '../../domain/money/money.ts';
import type { Settlement } from '../../domain/schemas/payment-plan.ts';
import { addCalendarDays } from '../../domain/time/plain-date.ts';
import type { LetterSource } from './letter-source.ts';

/** Days a default settlement offer stays open, from the letter date. */
export const defaultSettlementDays = 14;

/**
 * The settlement a settlement-offer letter proposes: the source's own, or the outstanding balance
 * accepted in full and final settlement of the balance with its interest and compensation
 * (`amountDue`), open for `stage.respondWithinDays` or {@link defaultSettlementDays} days. When
 * nothing has accrued, `accept` equals `inFullOf` and the letter words it as a waiver of any
 * interest and recovery costs.
 *
 * @example offeredSettlement({ …, date: '2026-05-06' }, gbp('2880.00'), gbp('2963.91')) // accept £2,880.00 of £2,963.91 by 2026-05-20
 * @see shared/DOMAIN.md "Settlement offer"
 */
export function offeredSettlement(source: LetterSource, balance: Money, amountDue: Money): Settlement {
  if (source.settlement) return source.settlement;
  return {
    accept: balance,
    inFullOf: amountDue,
    payBy: addCalendarDays(source.date, source.stage.respondWithinDays ?? defaultSettlementDays),
    offeredOn: source.date,
  };
}
