import type { SiteKey, SiteT } from './site-t.ts';

/**
 * The domain's field messages are English sentences (the schemas' own `message`s and
 * `fieldErrors`' plain wording, also what the API answers in its 400s). The site shows them in
 * the page's language: each known sentence, recognised by its exact English wording, maps to an
 * `errors.*` message of the site catalog with the sentence's variable parts as arguments.
 * A sentence not in this table is shown as "This value is not valid" in the page's language,
 * followed by the English original marked `lang="en"` — never silently dropped.
 *
 * Keep the table in step with the schemas: test/e2e/site/error-text.test.ts parses invalid
 * input through the real schemas and fails on any message this table does not recognise.
 */
type Rule = readonly [RegExp, SiteKey, ...string[]];

const rules: readonly Rule[] = [
  [/^is required$/, 'errors.required'],
  [/^must not be empty$/, 'errors.empty'],
  [/^must be at most (\d+) characters$/, 'errors.maxChars', 'max'],
  [/^must not contain control characters$/, 'errors.controlChars'],
  [/^needs at least one street line$/, 'errors.streetLine'],
  [/^must be an ISO 3166-1 alpha-2 country code/, 'errors.country'],
  [/^must be an ISO 3166-2 subdivision code/, 'errors.region'],
  [/^is not an e-mail address$/, 'errors.email'],
  [/^needs at least one e-mail address$/, 'errors.emailRequired'],
  [/^is not a phone number$/, 'errors.phone'],
  [/^must be a BCP 47 language tag/, 'errors.language'],
  [/^is not an IANA time zone name/, 'errors.timeZone'],
  [/^is not an IBAN$/, 'errors.iban'],
  [/^is not a BIC/, 'errors.bic'],
  [/^must be a decimal number such as/, 'errors.decimal'],
  [/^(\w{3}) has no minor unit: use a whole number$/, 'errors.noMinorUnit', 'currency'],
  [/^(\w{3}) has (\d) decimal places, \S+ has \d+$/, 'errors.decimals', 'currency', 'exponent'],
  [/^is too large$/, 'errors.tooLarge'],
  [/^must not be negative/, 'errors.negative'],
  [/^must be more than (?:0|zero)$/, 'errors.moreThanZero'],
  [/^is not an ISO 4217 currency code/, 'errors.currency'],
  [/^must be a percentage such as/, 'errors.percent'],
  [/^must be above 0 and below 100$/, 'errors.percentOpen'],
  [/^must be a rate such as/, 'errors.rate'],
  [/^must be at most 200 %$/, 'errors.rateMax'],
  [/^must be a quantity such as/, 'errors.quantity'],
  [/^must be a price such as/, 'errors.unitPrice'],
  [/^must be a date written YYYY-MM-DD$/, 'errors.date'],
  [/^is not a real calendar date$/, 'errors.realDate'],
  [/^must be at least (-?[\d.]+)$/, 'errors.atLeast', 'min'],
  [/^must be at most (-?[\d.]+)$/, 'errors.atMost', 'max'],
  [/^needs at least (\d+) items?$/, 'errors.minItems', 'min'],
  [/^has more than (\d+) items$/, 'errors.maxItems', 'max'],
  [/^must be an? (?:number|int)/, 'errors.wholeNumber'],
  [/^must be an? \w+(?:, not .*)?$/, 'errors.wrongType'],
  [/^(?:kind|channel) must be /, 'errors.oneOf'],
  [/^must be one of /, 'errors.oneOf'],
  [/^must be business or consumer$/, 'errors.oneOf'],
  [/^has unknown fields? (.+)$/, 'errors.unknownFields', 'fields'],
  [/^must be (\w{3}), the price's currency$/, 'errors.scheduleCurrency', 'currency'],
  [/^only one part can be the balance$/, 'errors.scheduleOneBalance'],
  [/^the percentages add up to ([\d.]+) %, more than 100 %$/, 'errors.schedulePercentOver', 'total'],
  [/^the parts add up to more than the price ([\d.]+)$/, 'errors.scheduleOverPrice', 'price'],
  [/^nothing is left for the balance part$/, 'errors.scheduleNoBalance'],
  [/^the amounts add up to ([\d.-]+), not the price ([\d.]+)$/, 'errors.scheduleAmounts', 'total', 'price'],
  [/^the percentages add up to ([\d.]+) %, not 100 %$/, 'errors.schedulePercents', 'total'],
  [/^the percentages \(.*\) and the amounts \(.*\) do not add up to the price/, 'errors.scheduleMixed'],
  [/^give exactly one of percent, amount or balance/, 'errors.schedulePart'],
  [/^needs at least one part/, 'errors.scheduleNeedsPart'],
  [/^must be (\w{3}), the contract's currency$/, 'errors.contractCurrency', 'currency'],
  [/^must be (\w{3}), the invoice's currency$/, 'errors.invoiceCurrency', 'currency'],
  [/^only applies to contracts under Russian law/, 'errors.penaltyRU'],
  [/^must not be before the issue date (\S+)$/, 'errors.beforeIssue', 'date'],
  [/^is required when the case has no contract to compute it from$/, 'errors.dueDateRequired'],
  [/^is required when the case has no contract$/, 'errors.jurisdictionRequired'],
  [/^differs from the contract's jurisdiction (\S+)$/, 'errors.jurisdictionDiffers', 'jurisdiction'],
  [/^invoice (.+) appears twice$/, 'errors.duplicateInvoice', 'number'],
  [/^the contract's fixed due date (\S+) is before the issue date (\S+)$/, 'errors.fixedDueBeforeIssue', 'due', 'issue'],
  [/^needs at least one invoice$/, 'errors.needsInvoice'],
  [/^needs at least one line$/, 'errors.needsLine'],
  [/^needs at least one stage$/, 'errors.needsStage'],
  [/^must be lower-case letters, digits and dashes/, 'errors.stageKey'],
  [/^"(.+)" is used twice$/, 'errors.stageKeyTwice', 'key'],
  [/^is out of order: stage "(.+)" \(.*\) must come after "(.+)" \(/, 'errors.stageOrder', 'key', 'previous'],
  [/^must be a 24-hour time HH:MM/, 'errors.time'],
  [/^must be (?:tracking, pressure-scale, gentle|one of tracking)/, 'errors.oneOf'],
  [/^say what is disputed$/, 'errors.sayWhat'],
  [/^the promised date is in the past$/, 'errors.promisePast'],
  [/^the first instalment is in the past$/, 'errors.instalmentPast'],
  [/^the plan must cover the balance ([\d.]+) (\w{3})$/, 'errors.planTotal', 'amount', 'currency'],
  [/^must be more than 0 and less than the debt ([\d.]+)$/, 'errors.settlementAmount', 'debt'],
  [/(?:^|: )accept\.amount: must be more than 0 and less than the debt ([\d.]+)$/, 'errors.settlementAmount', 'debt'],
  [/^invoice (.+) is not part of this case$/, 'errors.unknownInvoice', 'number'],
  [/^the payment must be in (\w{3})$/, 'errors.invoiceCurrency', 'currency'],
  [/^only an uncertain or failed letter can be resent$|: only an uncertain or failed letter can be resent$/, 'errors.resendState'],
  [/^is not valid JSON$|^Malformed JSON/i, 'errors.notJson'],
];

/**
 * `fieldErrors` words every too-short list the same way ("needs at least 1 item"); where the list
 * is, says what is missing.
 */
const emptyLists: readonly (readonly [RegExp, SiteKey])[] = [
  [/(?:^|\.)emails$/, 'errors.emailRequired'],
  [/(?:^|\.)address\.lines$/, 'errors.streetLine'],
  [/(?:^|\.)schedule$/, 'errors.scheduleNeedsPart'],
  [/(?:^|\.)lines$/, 'errors.needsLine'],
  [/(?:^|\.)stages$/, 'errors.needsStage'],
  [/^invoices$/, 'errors.needsInvoice'],
];

export interface ErrorText {
  /** the message in the page's language */
  text: string;
  /** the English original, when the table did not know it (shown marked `lang="en"`) */
  original?: string | undefined;
}

/**
 * @example errorText(t, 'must be at most 200 characters').text // 'Не более 200 символов.'
 * @example errorText(t, 'needs at least 1 item', 'debtor.emails').text // 'Enter an e-mail address.'
 */
export function errorText(t: SiteT, message: string, path?: string): ErrorText {
  if (path && /^needs at least 1 item$/.test(message)) {
    const list = emptyLists.find(([pattern]) => pattern.test(path));
    if (list) return { text: t.t(list[1]) };
  }
  for (const [pattern, key, ...names] of rules) {
    const match = pattern.exec(message);
    if (!match) continue;
    // numbers stay numbers (ICU plurals need them); codes and amounts keep their left-to-right order
    const values = Object.fromEntries(
      names.map((name, i) => {
        const value = match[i + 1] ?? '';
        return [name, /^-?\d+$/.test(value) ? Number(value) : t.ltr(value)];
      }),
    );
    return { text: t.t(key, values) };
  }
  return { text: t.t('errors.unknown'), original: message };
}

/** True when the table knows the message (for the test that keeps the table complete). */
export function knownMessage(message: string): boolean {
  return rules.some(([pattern]) => pattern.test(message));
}
