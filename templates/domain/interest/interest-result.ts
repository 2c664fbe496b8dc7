import type { Money } from '../money/money.ts';
import type { Jurisdiction } from '../schemas/jurisdiction.ts';
import type { LatePaymentTerms } from '../schemas/terms.ts';
import type { PlainDate } from '../time/plain-date.ts';
import type { DayCountConvention } from './day-count.ts';
import type { FixedCompensationLine } from './fixed-compensation.ts';
import type { InterestOptions } from './interest-options.ts';

/**
 * The itemised result of `computeInterest` for one debt: plain JSON (strings, numbers, booleans,
 * arrays, objects), every amount a {@link Money} with a decimal string, every date `YYYY-MM-DD`.
 * The statement of account, the letters and the lawyer bundle print it as it is; the English
 * `explanation`/`message` strings sit beside structured fields a translated template can use.
 *
 * Reading it: `segments` are the periods of constant base and rate (a payment, a rate change, a
 * half-year or a year end starts a new one); `totals.interest` is their sum under
 * `rounding.mode`; `fixedCompensation` and `flatFee` are added once per invoice;
 * `totals.amountDue` is what the debtor owes on `until`.
 *
 * @example
 * { rule: { id: 'GB-statutory', … }, segments: [{ from: '2024-02-01', to: '2024-03-01', days: 30,
 *   dayCount: { convention: 'act/365', days: 30, yearDays: 365 }, rate: { percent: '13.25', … },
 *   base: { currency: 'GBP', amount: '1000.00' }, interest: { currency: 'GBP', amount: '10.89' }, … }],
 *   totals: { interest: { currency: 'GBP', amount: '23.96' }, fixedCompensation: { …'70.00' }, … } }
 * @see shared/LEGAL.md §0 (what the engine must show)
 */
export interface InterestResult {
  /** the invoice reference given in the request */
  reference?: string;
  jurisdiction: Jurisdiction;
  debtor: 'business' | 'consumer';
  principal: Money;
  dueDate: PlainDate;
  until: PlainDate;
  terms: LatePaymentTerms;
  /** payments in date order, with the first day the principal is lower */
  payments: InterestPaymentLine[];
  /** false when the principal was paid in full by the due date, or `until` is the due date: nothing is charged */
  late: boolean;
  /** the interest days considered: the day after the due date to `until`; null when none */
  interestPeriod: { from: PlainDate; to: PlainDate; days: number } | null;
  rule: InterestRuleDescription;
  segments: InterestSegment[];
  /** per invoice: none, or one line (£40/£70/£100, 40 €) */
  fixedCompensation: FixedCompensationLine[];
  /** the contract's flat late fee, once per invoice; null when none or not late */
  flatFee: ChargeLine | null;
  totals: InterestTotals;
  rounding: { mode: InterestOptions['rounding']; description: string };
  /** every option, defaults included */
  options: InterestOptions;
  /** the options that decided an uncertain point for this debt, in words */
  assumptions: InterestAssumption[];
  /** the rate-table rows the segments used, with the table's source and dates */
  rateEntries: RateEntryUsed[];
  warnings: InterestWarning[];
}

export interface InterestPaymentLine {
  date: PlainDate;
  amount: Money;
  /** the first day the principal is reduced by this payment */
  reducesPrincipalFrom: PlainDate;
}

/** Which rule was applied, with its legal citation. */
export interface InterestRuleDescription {
  id:
    | 'GB-statutory'
    | 'EU-statutory'
    | 'FR-statutory'
    | 'DE-statutory'
    | 'RU-statutory'
    | 'US-NY-statutory'
    | 'US-CA-statutory'
    | 'contractual'
    | 'none';
  /** e.g. "Late Payment of Commercial Debts (Interest) Act 1998" */
  title: string;
  /** the provisions, e.g. "s.4(2), s.6; SI 2002/1675 art. 4" */
  citation: string;
  /**
   * - `fixed-for-whole-delay`: one rate set when interest starts (England & Wales)
   * - `half-yearly`: the reference rate on 1 January / 1 July, split at each (Directive, FR, DE)
   * - `each-change`: the rate in force each day, split at every change (Russia)
   * - `fixed`: one rate fixed by statute or by the contract
   * - `none`: no interest claimed
   */
  rateModel: 'fixed-for-whole-delay' | 'half-yearly' | 'each-change' | 'fixed' | 'none';
  /** one sentence on how the rate is found and applied */
  summary: string;
  /** where the rule is written down for this product */
  see: string;
}

/** A period of constant base and rate. */
export interface InterestSegment {
  /** first interest day */
  from: PlainDate;
  /** last interest day, included */
  to: PlainDate;
  /** calendar days from `from` to `to`, both included */
  days: number;
  dayCount: { convention: DayCountConvention; days: number; yearDays: number };
  rate: SegmentRate;
  /** the principal outstanding on these days */
  base: Money;
  /** the daily amount, rounded half up; only with `rounding: 'daily'` */
  dailyAmount?: Money;
  /**
   * the segment's interest in minor units. `rounding: 'segment'`: the segment's exact interest
   * rounded half up; `daily`: dailyAmount × dayCount.days; `total`: the exact interest rounded so
   * that the segments add up to `totals.interest` (largest remainder, each within one minor unit)
   */
  interest: Money;
  /** the exact interest to six more decimal places than the currency has, before any rounding */
  unroundedInterest: string;
  /** true when a rate read past a table's `validUntil` was carried forward (see warnings) */
  provisional: boolean;
}

/** How a segment's annual rate was obtained. */
export interface SegmentRate {
  /** the annual rate applied, % (a monthly contract rate × 12) */
  percent: string;
  /**
   * - `reference-plus-margin`: a reference rate + points (GB, EU, FR, DE)
   * - `reference`: the reference rate itself (Russia's key rate)
   * - `statutory-fixed`: a rate written in the statute (NY 9 %, CA 10 %)
   * - `contractual`: the contract's rate
   */
  kind: 'reference-plus-margin' | 'reference' | 'statutory-fixed' | 'contractual';
  reference?: RateReference;
  /** percentage points added to the reference rate */
  margin?: string;
  /** the rate as the contract states it */
  contractual?: { percent: string; per: 'year' | 'month' };
  /** France: the floor of 3 × the legal interest rate, when it was checked */
  floor?: { percent: string; legalRate: RateReference; applied: boolean };
  /** one line, e.g. "Bank Rate 5.25 % on 2023-12-31 (reference date) + 8 points, fixed for the whole delay" */
  explanation: string;
}

/** One look-up in a rate table. */
export interface RateReference {
  /** the table's id (`gb-bank-rate`, `ecb-mro`, `de-basiszinssatz`, `fr-legal-rate`, `ru-key-rate`, `us-statutory-rates`) */
  table: string;
  /** the day whose rate was needed */
  date: PlainDate;
  /** the row used (its first day); null for a rate fixed by statute */
  entryFrom: PlainDate | null;
  /** the rate read, % a year */
  percent: string;
  /** the date is after the table's `validUntil`: the last known rate was carried forward */
  provisional: boolean;
}

/** A rate-table row used by the result, with its table's provenance. */
export interface RateEntryUsed {
  table: string;
  tableName: string;
  /** the row's first day; null for a rate fixed by statute */
  from: PlainDate | null;
  percent: string;
  /** the row's own source, else the table's */
  source: string;
  note?: string;
  lastChecked: PlainDate;
  validUntil: PlainDate;
}

/** A flat charge: the contract's late fee. */
export interface ChargeLine {
  label: string;
  amount: Money;
  citation: string;
}

export interface InterestTotals {
  interest: Money;
  fixedCompensation: Money;
  flatFee: Money;
  /** interest + fixed compensation + flat fee: what lateness adds */
  charges: Money;
  /** payments received up to `until` */
  paid: Money;
  /** principal − paid */
  outstandingPrincipal: Money;
  /** outstanding principal + charges: what the debtor owes on `until` */
  amountDue: Money;
}

/** An option that decided an uncertain or unstated point for this debt. */
export interface InterestAssumption {
  option: keyof InterestOptions;
  value: string;
  explanation: string;
}

/**
 * Something the reader must know. Codes:
 * - `rate-beyond-table`: a rate past a table's `validUntil` was assumed (segment `provisional`)
 * - `contract-rate-below-floor`: France, a contractual rate below 3 × the legal rate was raised
 * - `default-rate-below-floor`: France, 3 × the legal rate exceeds ECB + 10 (uncertain point)
 * - `floor-unknown`: France, the legal rate for a half-year is not in the table
 * - `fixed-compensation-not-granted`: the terms claim it but the debtor is a consumer
 * - `substantial-remedy`: England & Wales, a contractual rate with the statutory fixed sum
 * - `moratorium-2022`: Russia, the period overlaps the 2022 bankruptcy moratorium
 */
export interface InterestWarning {
  code:
    | 'rate-beyond-table'
    | 'contract-rate-below-floor'
    | 'default-rate-below-floor'
    | 'floor-unknown'
    | 'fixed-compensation-not-granted'
    | 'substantial-remedy'
    | 'moratorium-2022';
  message: string;
}
