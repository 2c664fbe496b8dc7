import type { CaseFile } from '../../domain/schemas/case.ts';
import type { LetterTemplate } from '../../domain/schemas/ladder.ts';
import type { PaymentPlan, Settlement } from '../../domain/schemas/payment-plan.ts';
import type { PlainDate } from '../../domain/time/plain-date.ts';

/**
 * The part of a ladder stage a letter needs: which template, and the stage's periods. An e-mail
 * stage of a ladder (`Stage` with `channel: 'email'`) is one.
 *
 * @example { template: 'credit-reporting', respondWithinDays: 21 }
 * @see templates/domain/schemas/ladder.ts (StageSchema), ./letter-profiles.ts (default periods)
 */
export interface LetterStage {
  template: LetterTemplate;
  /** ultimatum: services are suspended this many days after the letter date (default 7) */
  suspendAfterDays?: number | undefined;
  /** days the debtor is given to pay or answer (firm letters, offers, credit reporting, final demand) */
  respondWithinDays?: number | undefined;
}

/**
 * Everything one letter is drawn from. The letter quotes the case's invoices as they stand on
 * `date` (payments dated later are ignored) and computes interest up to `date`.
 *
 * - `settlement`: the settlement offered (settlement-offer); without it the letter offers to
 *   settle for the outstanding balance, interest and compensation waived, within 14 days
 * - `paymentPlan`: the plan offered (payment-plan-offer, default: the balance in 3 monthly
 *   instalments) or agreed (instalment-reminder and instalment-missed, required)
 * - `instalment`: the instalment an instalment letter is about (its `number`); by default the
 *   next one due on or after `date` (reminder) or the last one due before `date` (missed)
 * - `promise`: the date the debtor promised to pay by (promise-confirmation, required)
 *
 * @example { caseFile, stage: { template: 'ultimatum', suspendAfterDays: 10 }, date: '2026-05-04' }
 * @see shared/DOMAIN.md "Letters along the way"
 */
export interface LetterSource {
  caseFile: CaseFile;
  stage: LetterStage;
  /** the date at the top of the letter; every period in it runs from this date */
  date: PlainDate;
  settlement?: Settlement | undefined;
  paymentPlan?: PaymentPlan | undefined;
  instalment?: number | undefined;
  promise?: { date: PlainDate } | undefined;
}
