import type { LetterTemplate } from '../../domain/schemas/ladder.ts';

/**
 * How a letter behaves, per stage template.
 * - `tone`: `friendly` (first letters: an easy way out), `firm` (politely, then firmly), `formal`
 *   (a notice or a demand); it picks the salutation, the closing and the contact line
 * - `charges`: `none` (before and on the due date, instalment reminders), `info` (the interest
 *   and compensation are quoted for information and the letter asks for the balance), `claim`
 *   (they are claimed: the letter asks for the total)
 * - `respondDays`: the default number of days from the letter date to its deadline (the stage's
 *   `respondWithinDays` or `suspendAfterDays` wins), or `null` when the letter sets none
 */
export interface LetterProfile {
  tone: 'friendly' | 'firm' | 'formal';
  charges: 'none' | 'info' | 'claim';
  respondDays: number | null;
}

/**
 * The behaviour of every stage template. The ladder's letters escalate: friendly before and on
 * the due date and just after it, then firm, then formal (shared/DOMAIN.md: "the first letters
 * are friendly and give an easy way out", "chased politely, then firmly").
 *
 * Deadlines: 7 days for firm letters and an ultimatum (the pressure scale's "a few more days"),
 * 14 days for offers, a credit-reporting notice and the generic final demand (LEGAL.md §1.4:
 * 14 days is the straightforward case of the Practice Direction – Pre-Action Conduct, and a
 * 7–14 day letter before action is best practice; the US and the EU set no period for B2B).
 *
 * @example letterProfiles['overdue-firm'] // { tone: 'firm', charges: 'claim', respondDays: 7 }
 * @see shared/DOMAIN.md "After the invoice: the pressure scale", shared/LEGAL.md §10
 */
export const letterProfiles: Record<LetterTemplate, LetterProfile> = {
  'pre-due': { tone: 'friendly', charges: 'none', respondDays: null },
  'due-today': { tone: 'friendly', charges: 'none', respondDays: null },
  'overdue-gentle': { tone: 'friendly', charges: 'info', respondDays: null },
  'invoice-resent': { tone: 'friendly', charges: 'info', respondDays: 7 },
  'promise-confirmation': { tone: 'friendly', charges: 'info', respondDays: null },
  'payment-plan-offer': { tone: 'friendly', charges: 'info', respondDays: 14 },
  'instalment-reminder': { tone: 'friendly', charges: 'none', respondDays: null },
  'overdue-firm': { tone: 'firm', charges: 'claim', respondDays: 7 },
  'overdue-stern': { tone: 'firm', charges: 'claim', respondDays: 7 },
  ultimatum: { tone: 'firm', charges: 'claim', respondDays: 7 },
  'settlement-offer': { tone: 'firm', charges: 'claim', respondDays: 14 },
  'instalment-missed': { tone: 'firm', charges: 'info', respondDays: 7 },
  'credit-reporting': { tone: 'formal', charges: 'claim', respondDays: 14 },
  'final-demand': { tone: 'formal', charges: 'claim', respondDays: 14 },
};
