import { z } from 'zod';
import { MoneySchema } from '../money/money.ts';
import { PlainDateSchema } from '../time/plain-date.ts';
import { JurisdictionSchema } from './jurisdiction.ts';
import { LanguageSchema } from './language.ts';
import { text } from './party.ts';
import {
  DueDateRuleSchema,
  EarlyPaymentDiscountSchema,
  LatePaymentTermsSchema,
  RecurringBillingSchema,
  RetainerSchema,
  SchedulePartSchema,
} from './terms.ts';
import { checkSchedule } from '../terms/split-schedule.ts';

/**
 * A contract for services between the case's creditor and debtor, with every payment term explicit.
 * The parties live on the case; the contract holds what was agreed.
 */
export const ContractSchema = z
  .object({
    number: text(40),
    date: PlainDateSchema,
    title: text(200),
    scope: text(10_000),
    /** what counts as "completion" (DOMAIN.md: completion must be defined) */
    completion: text(2_000).optional(),
    price: MoneySchema,
    schedule: z.array(SchedulePartSchema).min(1, { message: 'needs at least one part (for example 100 % on completion)' }).max(24),
    dueDateRule: DueDateRuleSchema,
    earlyPaymentDiscount: EarlyPaymentDiscountSchema.nullable().default(null),
    latePayment: LatePaymentTermsSchema,
    jurisdiction: JurisdictionSchema,
    paymentMethods: z.array(z.enum(['bank-transfer', 'card', 'cash', 'cheque', 'other'])).min(1).default(['bank-transfer']),
    retainer: RetainerSchema.optional(),
    recurring: RecurringBillingSchema.optional(),
    clauses: z
      .object({
        samePolicyForEveryone: z.boolean().default(false),
        deliverablesReleasedOnPayment: z.boolean().default(false),
      })
      .default({ samePolicyForEveryone: false, deliverablesReleasedOnPayment: false }),
    language: LanguageSchema,
  })
  .superRefine((c, ctx) => {
    for (const issue of checkSchedule(c.price, c.schedule)) ctx.addIssue({ code: 'custom', ...issue });
    const currency = c.price.currency;
    const foreign = (path: (string | number)[], m: { currency: string } | undefined) => {
      if (m && m.currency !== currency) {
        ctx.addIssue({ code: 'custom', path: [...path, 'currency'], message: `must be ${currency}, the contract's currency` });
      }
    };
    foreign(['latePayment', 'flatFee'], c.latePayment.flatFee);
    foreign(['retainer', 'amount'], c.retainer?.amount);
    foreign(['retainer', 'replenishBelow'], c.retainer?.replenishBelow);
    foreign(['recurring', 'amount'], c.recurring?.amount);
    if (c.jurisdiction !== 'RU' && c.latePayment.penaltyClause) {
      ctx.addIssue({ code: 'custom', path: ['latePayment', 'penaltyClause'], message: 'only applies to contracts under Russian law (RU)' });
    }
  });
export type Contract = z.infer<typeof ContractSchema>;
export type ContractInput = z.input<typeof ContractSchema>;
