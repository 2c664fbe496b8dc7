import type { Money } from '../../domain/money/money.ts';
import { planInstalments } from '../../domain/plans/plan-instalments.ts';
import type { PaymentPlan } from '../../domain/schemas/payment-plan.ts';
import { addCalendarMonths } from '../../domain/time/plain-date.ts';
import type { LetterSource } from './letter-source.ts';

/** How many monthly instalments a payment-plan offer proposes when the owner has not chosen. */
export const defaultPlanInstalments = 3;

/**
 * The plan a payment-plan-offer letter proposes: the source's own plan, or the balance in
 * {@link defaultPlanInstalments} monthly instalments, the first one month after the letter date,
 * split exactly by `planInstalments`, interest waived while the plan is kept (DOMAIN.md: interest
 * and late fees are often waived to make paying easier).
 *
 * @example offeredPlan({ …, date: '2026-05-06' }, { currency: 'GBP', amount: '2880.00' }).instalments // 3 × £960.00 from 2026-06-06
 * @see shared/DOMAIN.md "Payment-plan offer"
 */
export function offeredPlan(source: LetterSource, balance: Money): PaymentPlan {
  if (source.paymentPlan) return source.paymentPlan;
  return {
    total: balance,
    frequency: 'monthly',
    instalments: planInstalments(balance, { count: defaultPlanInstalments, firstDueDate: addCalendarMonths(source.date, 1), frequency: 'monthly' }),
    interestWaived: true,
    agreedOn: undefined,
  };
}
