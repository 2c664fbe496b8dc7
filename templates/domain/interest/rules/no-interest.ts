import type { InterestRule, RuleContext } from '../interest-rule.ts';

/**
 * The contract claims no interest (`terms.interest.kind: 'none'`): no segments; the flat fee and
 * the statutory fixed compensation, where the terms claim them, are still added when late.
 *
 * @example noInterest(ctx).rateChanges('2024-02-01', '2024-04-30') // []
 * @see shared/LEGAL.md §0.7 (fixed compensation is per invoice, independent of interest)
 */
export function noInterest(_ctx: RuleContext): InterestRule {
  return {
    description: {
      id: 'none',
      title: 'No late-payment interest claimed',
      citation: 'Contract terms',
      rateModel: 'none',
      summary: 'The terms claim no interest; only the flat fee and the statutory fixed compensation, where claimed, are added.',
      see: 'shared/LEGAL.md §0.7',
    },
    rateChanges: () => [],
    rateFrom() {
      throw new RangeError('No interest rate: the terms claim no interest');
    },
  };
}
