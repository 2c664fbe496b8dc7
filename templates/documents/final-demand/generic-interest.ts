import type { DemandFacts } from './demand-facts.ts';

/**
 * The interest, fixed compensation and fee sentences every final demand can use: the rule with
 * its citation, the rate and how it was obtained, the amount to the letter's date; when the
 * engine refused, interest is reserved without a figure (never invented).
 *
 * @example genericInterest(facts) // ['Interest under Late Payment of … at 11.75% a year (…) …', 'Fixed compensation …']
 * @see shared/LEGAL.md §10 (interest rate/basis row)
 */
export function genericInterest(f: DemandFacts): string[] {
  const { t, interest } = f;
  const out: string[] = [];
  if (interest.has && interest.ruleText) {
    out.push(
      t.t('legal.demand.interest.computed', {
        under: interest.under,
        rate: interest.rate,
        from: interest.from,
        date: t.date(f.date),
        interest: interest.amount,
      }),
    );
    if (interest.continuing) out.push(t.t('legal.demand.interest.continuing'));
  } else if (interest.outcome === 'refused') {
    out.push(t.t('legal.demand.interest.reserved'));
  }
  out.push(...compensationSentences(f));
  return out;
}

/**
 * Fixed compensation and flat-fee sentences, when the statement has them.
 *
 * @example compensationSentences(facts) // ['Fixed compensation for recovery costs (… s.5A): £70.00.']
 * @see shared/LEGAL.md §0.7 (fixed compensation per invoice)
 */
export function compensationSentences(f: DemandFacts): string[] {
  const { t, interest } = f;
  const out: string[] = [];
  if (interest.fixedCompensation) {
    out.push(t.t('legal.demand.fixedCompensation', { amount: interest.fixedCompensation, citation: t.ltr(interest.fixedCitation ?? '') }));
  }
  if (interest.flatFee) out.push(t.t('legal.demand.flatFee', { amount: interest.flatFee }));
  return out;
}
