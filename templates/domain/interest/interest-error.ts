import type { FieldError } from '../validation/field-errors.ts';

/**
 * Why the interest engine computed nothing. One class per outcome, each with a constant `code`
 * and a message a freelancer can act on; callers (CLI, API, letters) print `message` as it is.
 *
 * - {@link InterestInputError} `invalid-input`: the request is wrong (field errors in `issues`).
 * - {@link InterestNotApplicableError} `not-applicable`: the law asked for does not apply to
 *   this debt (GB statute against a consumer, ст. 395 with a contractual penalty …).
 * - {@link RateUnavailableError} `rate-unavailable`: no rate can be determined (Israel's
 *   statutory rates, a date before a table starts, or past its end with `beyondRateTable: 'refuse'`).
 *
 * @example try { computeInterest(request) } catch (e) { if (e instanceof InterestError) io.err(e.message) }
 */
export class InterestError extends Error {
  readonly code: 'invalid-input' | 'not-applicable' | 'rate-unavailable';

  constructor(code: InterestError['code'], message: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
  }
}

/** The request is invalid; `issues` lists every field error, `message` joins them. */
export class InterestInputError extends InterestError {
  readonly issues: readonly FieldError[];

  constructor(issues: readonly FieldError[]) {
    super('invalid-input', issues.map((i) => (i.path === '(the file)' ? i.message : `${i.path}: ${i.message}`)).join('; '));
    this.issues = issues;
  }
}

/** The statutory rule asked for does not apply to this debt; `citation` says which provision. */
export class InterestNotApplicableError extends InterestError {
  readonly citation: string;

  constructor(message: string, citation: string) {
    super('not-applicable', message);
    this.citation = citation;
  }
}

/** No rate can be determined for a date the computation needs. */
export class RateUnavailableError extends InterestError {
  constructor(message: string) {
    super('rate-unavailable', message);
  }
}
