import { z } from 'zod';
import { MoneySchema } from '../money/money.ts';
import { PlainDateSchema } from '../time/plain-date.ts';
import { PercentSchema, RateSchema } from './percent.ts';

/**
 * When an invoice falls due, relative to its issue date. Stored on the invoice as a calendar date
 * (never as the formula: French law requires the date itself, LEGAL.md §8).
 * - `on-receipt`: the issue date
 * - `net`: issue date + N calendar days ("net 30")
 * - `end-of-month`: "N days end of month"; `method` says how to count, which French law asks the
 *   contract to state (LEGAL.md §3.4): `add-then-eom` = issue + N days, then to the end of that
 *   month; `eom-then-add` = end of the issue month, then + N days
 * - `fixed`: a given calendar date
 */
export const DueDateRuleSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('on-receipt') }),
    z.strictObject({ kind: z.literal('net'), days: z.number().int().min(0).max(365) }),
    z.strictObject({
      kind: z.literal('end-of-month'),
      days: z.number().int().min(0).max(365),
      method: z.enum(['add-then-eom', 'eom-then-add']).default('add-then-eom'),
    }),
    z.strictObject({ kind: z.literal('fixed'), date: PlainDateSchema }),
  ],
  { message: 'kind must be on-receipt, net, end-of-month or fixed' },
);
export type DueDateRule = z.infer<typeof DueDateRuleSchema>;

/**
 * One part of a payment schedule: a deposit, a milestone or the balance on completion, as a
 * percentage of the price, as an amount, or as `balance: true`, "whatever remains" (at most one
 * part). See `splitSchedule` for the remainder rule.
 */
export const SchedulePartSchema = z
  .strictObject({
    label: z.string().trim().min(1).max(120),
    /** what triggers the invoice for this part: signing, a milestone, completion */
    trigger: z.enum(['signature', 'milestone', 'completion']).default('milestone'),
    percent: PercentSchema.optional(),
    amount: MoneySchema.optional(),
    balance: z.literal(true).optional(),
  })
  .refine((p) => [p.percent, p.amount, p.balance].filter((x) => x !== undefined).length === 1, {
    message: 'give exactly one of percent, amount or balance: true',
  });
export type SchedulePart = z.infer<typeof SchedulePartSchema>;

/** "2/10 net 30": a discount of `percent` % when paid within `withinDays` days of the issue date. */
export const EarlyPaymentDiscountSchema = z.strictObject({
  percent: PercentSchema.refine((s) => Number(s) > 0 && Number(s) < 100, { message: 'must be above 0 and below 100' }),
  withinDays: z.number().int().min(1).max(365),
});
export type EarlyPaymentDiscount = z.infer<typeof EarlyPaymentDiscountSchema>;

/**
 * What the contract says about late payment.
 * - interest `statutory`: the governing jurisdiction's statutory rate (interest engine)
 * - interest `contractual`: a simple annual or monthly rate
 * - interest `none`: no interest claimed
 * - `flatFee`: a one-off late fee on top
 * - `fixedCompensation`: claim the statutory fixed sum where the law grants it (£40/£70/£100, 40 €)
 * - `penaltyClause` (Russia): the contract sets its own неустойка, so ст. 395 interest is excluded
 */
export const LatePaymentTermsSchema = z.strictObject({
  interest: z.discriminatedUnion(
    'kind',
    [
      z.strictObject({ kind: z.literal('statutory') }),
      z.strictObject({ kind: z.literal('contractual'), rate: RateSchema }),
      z.strictObject({ kind: z.literal('none') }),
    ],
    { message: 'kind must be statutory, contractual or none' },
  ),
  flatFee: MoneySchema.optional(),
  fixedCompensation: z.boolean().default(true),
  penaltyClause: z.boolean().default(false),
});
export type LatePaymentTerms = z.infer<typeof LatePaymentTermsSchema>;

/** An amount paid in advance and drawn down; work pauses when it falls below `replenishBelow`. */
export const RetainerSchema = z.strictObject({
  amount: MoneySchema,
  replenishBelow: MoneySchema.optional(),
});

/** Recurring billing on a fixed day of the month (`last` = the month's last day). */
export const RecurringBillingSchema = z.strictObject({
  amount: MoneySchema,
  dayOfMonth: z.union([z.number().int().min(1).max(28), z.literal('last')]),
  startDate: PlainDateSchema,
});
