import { RateUnavailableError } from '../interest-error.ts';
import type { InterestRule, RuleContext } from '../interest-rule.ts';

/**
 * Israel: statutory interest and linkage (הפרשי הצמדה וריבית, and ריבית פיגורים after 30 days
 * under the Payment Ethics Law) need the Consumer Price Index and the Accountant General's
 * rates, and Amendment 9 of the Interest and Linkage Adjudication Law changed the method from
 * 1 October 2024. None of this is in Overdue's tables, so this always throws
 * `RateUnavailableError` rather than guess; contractual terms are computed normally.
 *
 * @example ilStatutory(ctx) // throws RateUnavailableError('IL: Israeli statutory interest …')
 * @see חוק פסיקת ריבית והצמדה, התשכ"א-1961 s.5; Amendment No. 9 (in force 1.10.2024); shared/LEGAL.md §6.1–6.2
 */
export function ilStatutory(_ctx: RuleContext): InterestRule {
  throw new RateUnavailableError(
    'IL: Israeli statutory interest and linkage (הפרשי הצמדה וריבית, ריבית פיגורים; Interest and Linkage Adjudication Law 1961) needs the CPI and the Accountant General\'s rates, and its method changed with Amendment 9 in force on 1 October 2024. These are not in Overdue\'s tables, so it is not computed rather than guessed. Use contractual terms (a contract rate), or ask an Israeli lawyer for the statutory figure.',
  );
}
