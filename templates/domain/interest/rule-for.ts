import type { InterestRule, RuleContext } from './interest-rule.ts';
import { contractual } from './rules/contractual.ts';
import { deStatutory } from './rules/de-statutory.ts';
import { euStatutory } from './rules/eu-statutory.ts';
import { frStatutory } from './rules/fr-statutory.ts';
import { gbStatutory } from './rules/gb-statutory.ts';
import { ilStatutory } from './rules/il-statutory.ts';
import { noInterest } from './rules/no-interest.ts';
import { ruStatutory } from './rules/ru-statutory.ts';
import { usStatutory } from './rules/us-statutory.ts';

/**
 * The interest rule for a debt: the contract's rate, no interest, or the jurisdiction's statute.
 * Throws `InterestNotApplicableError` or `RateUnavailableError` when the statute does not apply
 * or cannot be computed (see each rule).
 *
 * @example ruleFor(ctx).description.id // 'GB-statutory'
 * @see shared/LEGAL.md §0.1
 */
export function ruleFor(ctx: RuleContext): InterestRule {
  const { interest } = ctx.input.terms;
  if (interest.kind === 'contractual') return contractual(ctx, interest.rate);
  if (interest.kind === 'none') return noInterest(ctx);
  switch (ctx.input.jurisdiction) {
    case 'GB':
      return gbStatutory(ctx);
    case 'EU':
      return euStatutory(ctx);
    case 'FR':
      return frStatutory(ctx);
    case 'DE':
      return deStatutory(ctx);
    case 'RU':
      return ruStatutory(ctx);
    case 'IL':
      return ilStatutory(ctx);
    case 'US-NY':
    case 'US-CA':
      return usStatutory(ctx, ctx.input.jurisdiction);
  }
}
