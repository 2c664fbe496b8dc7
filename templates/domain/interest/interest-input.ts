import { z } from 'zod';
import { currencyOf } from '../money/currency.ts';
import { amountOf, decimalOf, minorUnits, MoneySchema } from '../money/money.ts';
import { JurisdictionSchema } from '../schemas/jurisdiction.ts';
import { LatePaymentTermsSchema } from '../schemas/terms.ts';
import { PlainDateSchema } from '../time/plain-date.ts';
import { fieldErrors } from '../validation/field-errors.ts';
import { fixedCompensation } from './fixed-compensation.ts';
import { InterestInputError } from './interest-error.ts';
import { InterestOptionsSchema } from './interest-options.ts';
import { jurisdictionCurrency } from './jurisdiction-currency.ts';

/** Money that must be more than zero: `MoneySchema`, with specific messages for a sign and for zero. */
const PositiveMoneySchema = z
  .object({
    currency: z.string(),
    amount: z.string().superRefine((amount, ctx) => {
      if (/^\s*-/.test(amount)) ctx.addIssue({ code: 'custom', message: `must not be negative (${amount})`, abort: true });
    }),
  })
  .pipe(MoneySchema)
  .superRefine((money, ctx) => {
    if (!/[1-9]/.test(money.amount)) ctx.addIssue({ code: 'custom', path: ['amount'], message: 'must be more than zero' });
  });

/** A payment received: it reduces the principal (by default from the day after, see `paymentDay`). */
export const InterestPaymentSchema = z.object({
  date: PlainDateSchema,
  amount: PositiveMoneySchema,
});

/**
 * What the interest engine needs for one debt (one invoice), validated here so that the CLI, the
 * API and the documents share one definition and one set of messages.
 *
 * - `principal`: the amount of the invoice the interest runs on (France: TTC; Russia: with VAT)
 * - `dueDate`: the last day to pay; interest runs from the next day
 * - `until`: the last day interest is computed for (a payment day, or "today")
 * - `payments`: received on or before `until`; they reduce the principal only
 * - `debtor`: `business` (default) or `consumer`
 * - `terms`: the contract's late-payment terms (default: statutory interest and fixed compensation)
 * - `options`: the named choices of {@link InterestOptionsSchema}
 * - `reference`: the invoice number, echoed in the result
 *
 * Checks beyond the shape: `until` not before `dueDate`; payments not after `until`, in the
 * principal's currency, never more than the principal; statutory interest and fixed compensation
 * only for a debt in the jurisdiction's currency; `penaltyClause` only under Russian law.
 *
 * @example InterestInputSchema.parse({ principal: { currency: 'GBP', amount: '1000.00' }, dueDate: '2024-01-31', until: '2024-04-30', jurisdiction: 'GB' })
 * @see shared/LEGAL.md §0 (cross-cutting rules), issue 3
 */
export const InterestInputSchema = z
  .object({
    reference: z.string().trim().min(1).max(80).optional(),
    principal: PositiveMoneySchema,
    dueDate: PlainDateSchema,
    until: PlainDateSchema,
    payments: z.array(InterestPaymentSchema).max(1000).default([]),
    jurisdiction: JurisdictionSchema,
    debtor: z.enum(['business', 'consumer'], { message: 'must be business or consumer' }).default('business'),
    terms: LatePaymentTermsSchema.prefault({ interest: { kind: 'statutory' } }),
    options: InterestOptionsSchema.prefault({}),
  })
  .strict()
  .superRefine(
    (input, ctx) => {
      const currency = input.principal.currency;
      const exponent = currencyOf(currency)?.exponent ?? 0;
      if (input.until < input.dueDate) {
        ctx.addIssue({ code: 'custom', path: ['until'], message: `${input.until} is before the due date ${input.dueDate}` });
      }
      const principalMinor = minorUnits(amountOf(input.principal.amount, currency));
      let paid = 0;
      const byDate = input.payments.map((payment, index) => ({ payment, index })).sort((a, b) => (a.payment.date < b.payment.date ? -1 : a.payment.date > b.payment.date ? 1 : a.index - b.index));
      for (const { payment, index } of byDate) {
        if (payment.date > input.until) {
          ctx.addIssue({ code: 'custom', path: ['payments', index, 'date'], message: `${payment.date} is after the date interest is computed to (until ${input.until})` });
        }
        if (payment.amount.currency !== currency) {
          ctx.addIssue({ code: 'custom', path: ['payments', index, 'amount', 'currency'], message: `must be ${currency}, the principal's currency` });
          continue;
        }
        paid += minorUnits(amountOf(payment.amount.amount, currency));
        if (paid > principalMinor) {
          ctx.addIssue({
            code: 'custom',
            path: ['payments', index, 'amount', 'amount'],
            message: `payments up to ${payment.date} total ${decimalOf(paid, exponent)}, more than the principal ${input.principal.amount} (payments reduce the principal; leave out payments of interest)`,
          });
          break;
        }
      }
      if (input.terms.flatFee && input.terms.flatFee.currency !== currency) {
        ctx.addIssue({ code: 'custom', path: ['terms', 'flatFee', 'currency'], message: `must be ${currency}, the principal's currency` });
      }
      if (input.terms.penaltyClause && input.jurisdiction !== 'RU') {
        ctx.addIssue({ code: 'custom', path: ['terms', 'penaltyClause'], message: 'only applies to contracts under Russian law (RU)' });
      }
      const home = jurisdictionCurrency(input.jurisdiction);
      if (currency !== home) {
        if (input.terms.interest.kind === 'statutory') {
          ctx.addIssue({
            code: 'custom',
            path: ['principal', 'currency'],
            message: `${input.jurisdiction} statutory interest is computed for debts in ${home}, not ${currency} (use contractual terms for a debt in another currency)`,
          });
        } else if (input.terms.fixedCompensation && fixedCompensation(input.jurisdiction, input.debtor, { currency: home, amount: '0' })?.granted) {
          ctx.addIssue({
            code: 'custom',
            path: ['principal', 'currency'],
            message: `${input.jurisdiction} fixed compensation is a sum in ${home} and cannot be added to a ${currency} debt (set terms.fixedCompensation to false)`,
          });
        }
      }
    },
    { when: (payload) => payload.issues.length === 0 },
  );

/** A validated request, defaults filled in. */
export type InterestInput = z.infer<typeof InterestInputSchema>;
/** What a caller may pass: defaults optional. */
export type InterestRequest = z.input<typeof InterestInputSchema>;

/**
 * Validates a request, or throws {@link InterestInputError} listing every field error.
 *
 * @example parseInterestInput({ …, until: '2024-01-01', dueDate: '2024-01-31' }) // throws "until: 2024-01-01 is before the due date 2024-01-31"
 */
export function parseInterestInput(request: unknown): InterestInput {
  const parsed = InterestInputSchema.safeParse(request);
  if (!parsed.success) throw new InterestInputError(fieldErrors(parsed.error));
  return parsed.data;
}
