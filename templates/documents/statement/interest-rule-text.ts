import type { InterestRuleDescription } from '../../domain/interest/interest-result.ts';
import type { MessageKey } from '../../i18n/catalogs.ts';
import type { Translator } from '../../i18n/translator.ts';

/** A rule's name, citation and one-sentence basis in the document's language. */
export interface InterestRuleText {
  name: string;
  citation: string;
  basis: string;
}

/**
 * The interest rule the engine applied, in words a reader of the document's language can follow:
 * the statute's name from the `legal.rule.<id>` messages, the engine's own citation of the
 * provisions (section numbers read the same in every language) – or, for the contract's own
 * terms, "contract terms" in the document's language.
 *
 * @example interestRuleText(result.rule, translator('fr')).name // 'Code de commerce : pénalités de retard …'
 * @see shared/LEGAL.md §1.1, §2, §3.1, §4.1, §5.1, §7.1
 */
export function interestRuleText(rule: Pick<InterestRuleDescription, 'id' | 'citation'>, t: Translator): InterestRuleText {
  const key = `legal.rule.${rule.id}`;
  const contractBased = rule.id === 'contractual' || rule.id === 'none';
  return {
    name: t.t(`${key}.name` as MessageKey),
    citation: contractBased ? t.t(`${key}.citation` as MessageKey) : t.ltr(rule.citation),
    basis: t.t(`${key}.basis` as MessageKey),
  };
}
