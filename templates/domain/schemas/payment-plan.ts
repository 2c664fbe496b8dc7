import { z } from 'zod';
import { MoneySchema } from '../money/money.ts';
import { PlainDateSchema } from '../time/plain-date.ts';

export const InstalmentSchema = z.strictObject({
  number: z.number().int().min(1),
  dueDate: PlainDateSchema,
  amount: MoneySchema,
});
export type Instalment = z.infer<typeof InstalmentSchema>;

/**
 * An agreed payment plan: the balance paid in instalments, each with its own due date and its
 * own reminders (the `instalment` ladder). A missed instalment re-escalates the case.
 */
export const PaymentPlanSchema = z
  .object({
    total: MoneySchema,
    frequency: z.enum(['weekly', 'fortnightly', 'monthly']),
    instalments: z.array(InstalmentSchema).min(1).max(120),
    /** interest and late fees waived while the plan is kept (DOMAIN.md: often waived to make paying easier) */
    interestWaived: z.boolean().default(true),
    agreedOn: PlainDateSchema.optional(),
  })
  .superRefine((plan, ctx) => {
    plan.instalments.forEach((inst, i) => {
      if (inst.amount.currency !== plan.total.currency) {
        ctx.addIssue({ code: 'custom', path: ['instalments', i, 'amount', 'currency'], message: `must be ${plan.total.currency}` });
      }
      const previous = plan.instalments[i - 1];
      if (previous && inst.dueDate <= previous.dueDate) {
        ctx.addIssue({ code: 'custom', path: ['instalments', i, 'dueDate'], message: `must be after instalment ${previous.number} (${previous.dueDate})` });
      }
    });
  });
export type PaymentPlan = z.infer<typeof PaymentPlanSchema>;

/** "Accept 6,000 as full and final payment of 10,000 if paid by a date." */
export const SettlementSchema = z
  .object({
    accept: MoneySchema,
    inFullOf: MoneySchema,
    payBy: PlainDateSchema,
    offeredOn: PlainDateSchema.optional(),
  })
  .superRefine((s, ctx) => {
    if (s.accept.currency !== s.inFullOf.currency) {
      ctx.addIssue({ code: 'custom', path: ['accept', 'currency'], message: `must be ${s.inFullOf.currency}, like the debt` });
    } else if (Number(s.accept.amount) >= Number(s.inFullOf.amount) || Number(s.accept.amount) <= 0) {
      ctx.addIssue({ code: 'custom', path: ['accept', 'amount'], message: `must be more than 0 and less than the debt ${s.inFullOf.amount}` });
    }
    if (s.offeredOn && s.payBy < s.offeredOn) {
      ctx.addIssue({ code: 'custom', path: ['payBy'], message: `must not be before the offer date ${s.offeredOn}` });
    }
  });
export type Settlement = z.infer<typeof SettlementSchema>;
