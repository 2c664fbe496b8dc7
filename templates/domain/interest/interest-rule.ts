import type { PlainDate } from '../time/plain-date.ts';
import type { DayCountConvention } from './day-count.ts';
import type { InterestInput } from './interest-input.ts';
import type { InterestRuleDescription, InterestWarning, SegmentRate } from './interest-result.ts';

/** What a rule is built from: the validated debt, its day count, and a place to put warnings. */
export interface RuleContext {
  input: InterestInput;
  convention: DayCountConvention;
  warn(warning: InterestWarning): void;
}

/**
 * One way of finding the annual rate for each interest day (a statute's rate-change model, or
 * the contract's rate). `computeInterest` splits the interest period at every day `rateChanges`
 * returns, at payments and (for `act/act`) at year ends, then asks `rateFrom` for each segment.
 * `rateFrom` is called only when there is an interest day, so a debt paid on time never needs a rate.
 *
 * @example gbStatutory(ctx).rateFrom('2024-02-01').percent // '13.25' (Bank Rate 5.25 % on 31 Dec 2023 + 8)
 * @see shared/LEGAL.md §0.1 (the three rate-change models)
 */
export interface InterestRule {
  description: InterestRuleDescription;
  /** days in (first, last] on which the rate may change, i.e. a new segment starts */
  rateChanges(first: PlainDate, last: PlainDate): PlainDate[];
  /** the rate from `from` until the next day `rateChanges` returned */
  rateFrom(from: PlainDate): SegmentRate;
}
