import { allocateAmount } from '../money/allocate.ts';
import { toAmount, toMoney, type Money } from '../money/money.ts';
import type { Instalment, PaymentPlan } from '../schemas/payment-plan.ts';
import { addCalendarDays, addCalendarMonths, type PlainDate } from '../time/plain-date.ts';

export interface InstalmentOptions {
  count: number;
  firstDueDate: PlainDate;
  frequency: PaymentPlan['frequency'];
}

/**
 * Splits a balance into `count` instalments that add up to it exactly (10,000 as 20 monthly
 * payments of 500; 100.00 in 3 as 33.34, 33.33, 33.33: the first instalments absorb the
 * leftover minor units, see `allocateAmount`). Monthly dates keep the day of the first
 * instalment, clamped to shorter months (31 Jan → 28/29 Feb → 31 Mar), counted from the first
 * date so the day never drifts.
 *
 * @example planInstalments({ currency: 'EUR', amount: '10000.00' }, { count: 20, firstDueDate: '2026-01-31', frequency: 'monthly' })
 */
export function planInstalments(total: Money, options: InstalmentOptions): Instalment[] {
  if (!Number.isInteger(options.count) || options.count < 1 || options.count > 120) {
    throw new RangeError(`An instalment plan has 1 to 120 instalments, not ${options.count}`);
  }
  const parts = allocateAmount(toAmount(total), Array.from({ length: options.count }, () => 1));
  return parts.map((amount, i) => ({
    number: i + 1,
    dueDate: instalmentDate(options.firstDueDate, options.frequency, i),
    amount: toMoney(amount),
  }));
}

function instalmentDate(first: PlainDate, frequency: PaymentPlan['frequency'], i: number): PlainDate {
  switch (frequency) {
    case 'weekly':
      return addCalendarDays(first, 7 * i);
    case 'fortnightly':
      return addCalendarDays(first, 14 * i);
    case 'monthly':
      return addCalendarMonths(first, i);
  }
}
