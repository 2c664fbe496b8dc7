import Fraction from 'fraction.js';
import { currencyOf } from '../money/currency.ts';
import { amountOf, minorUnits, type Money } from '../money/money.ts';
import { roundMinor } from '../money/round.ts';
import { addCalendarDays, dateParts, daysBetween, type PlainDate } from '../time/plain-date.ts';
import { dayCount } from './day-count.ts';
import { dayCountConventionFor } from './day-count-convention-for.ts';
import { fixedCompensation, type FixedCompensationLine } from './fixed-compensation.ts';
import { parseInterestInput, type InterestInput, type InterestRequest } from './interest-input.ts';
import type {
  ChargeLine,
  InterestAssumption,
  InterestPaymentLine,
  InterestResult,
  InterestSegment,
  InterestWarning,
  RateEntryUsed,
  RateReference,
  SegmentRate,
} from './interest-result.ts';
import type { RuleContext } from './interest-rule.ts';
import { apportionRounded } from './apportion-rounded.ts';
import { rateInForce } from './rate-table.ts';
import { rateTables, type RateTableId } from './rate-tables.ts';
import { ruleFor } from './rule-for.ts';
import { exactSimpleInterest } from './simple-interest.ts';
import { usStatutoryRates } from './us-statutory-rates.ts';

/**
 * Late-payment interest and fixed compensation for one debt (one invoice), itemised.
 *
 * 1. The request is validated (`InterestInputSchema`); bad input throws `InterestInputError`.
 * 2. The rule is chosen from the terms and the jurisdiction (`ruleFor`); a statute that does not
 *    apply or cannot be computed throws `InterestNotApplicableError` / `RateUnavailableError`.
 * 3. Interest days run from the day after the due date to `until`, both included. They are split
 *    into segments at every day the rule's rate may change (GB: never; Directive/FR/DE: 1 Jan and
 *    1 Jul; RU: every key-rate change), at every day a payment lowers the principal, and at every
 *    1 January when the day count is `act/act`.
 * 4. Each segment earns simple interest base × rate × days / year-days, exactly (fraction.js),
 *    then rounded per `options.rounding` (`total`, `segment`, `daily`).
 * 5. If any day was late: the statutory fixed compensation (per invoice, where the terms claim it
 *    and the law grants it) and the contract's flat fee are added.
 *
 * Pure and browser-safe: no clock, no I/O; the same request always gives the same result.
 *
 * @example
 * computeInterest({ jurisdiction: 'GB', principal: { currency: 'GBP', amount: '1000.00' },
 *   dueDate: '2024-01-31', until: '2024-04-30', payments: [{ date: '2024-03-01', amount: { currency: 'GBP', amount: '400.00' } }] })
 * // 13.25 % (Bank Rate 5.25 % on 2023-12-31 + 8): 1000 × 30 days + 600 × 60 days → £23.96, plus £70
 * @see shared/LEGAL.md §0 (engine rules), §1–§7 (per jurisdiction); issue 3
 */
export function computeInterest(request: InterestRequest): InterestResult {
  const input = parseInterestInput(request);
  const currency = input.principal.currency;
  const exponent = currencyOf(currency)!.exponent;
  const money = (minor: bigint): Money => ({ currency, amount: decimalOfMinor(minor, exponent) });
  const minorOf = (m: Money): bigint => BigInt(minorUnits(amountOf(m.amount, m.currency)));

  const warnings: InterestWarning[] = [];
  const warn = (w: InterestWarning) => {
    if (!warnings.some((x) => x.code === w.code && x.message === w.message)) warnings.push(w);
  };
  const convention = dayCountConventionFor(input.jurisdiction, input.options);
  const ctx: RuleContext = { input, convention, warn };
  const rule = ruleFor(ctx);

  const principalMinor = minorOf(input.principal);
  const payments = [...input.payments]
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .map((p) => ({
      date: p.date,
      amount: p.amount,
      minor: minorOf(p.amount),
      from: input.options.paymentDay === 'interest-day' ? addCalendarDays(p.date, 1) : p.date,
    }));
  const baseOn = (day: PlainDate): bigint => payments.reduce((base, p) => (p.from <= day ? base - p.minor : base), principalMinor);

  const first = addCalendarDays(input.dueDate, 1);
  const last = input.until;
  // late = something was still unpaid at the end of the due date and `until` is after it
  const unpaidAfterDue = payments.reduce((base, p) => (p.date <= input.dueDate ? base - p.minor : base), principalMinor);
  const late = first <= last && unpaidAfterDue > 0n;

  // 3. segments
  const raw: { from: PlainDate; to: PlainDate; base: bigint; rate: SegmentRate; exact: Fraction; daily?: bigint; dc: InterestSegment['dayCount'] }[] = [];
  if (late && input.terms.interest.kind !== 'none') {
    const cuts = new Set<PlainDate>(rule.rateChanges(first, last));
    for (const p of payments) cuts.add(p.from);
    if (convention === 'act/act') {
      for (let y = dateParts(first).year + 1; y <= dateParts(last).year; y++) cuts.add(`${String(y).padStart(4, '0')}-01-01`);
    }
    const starts = [first, ...[...cuts].filter((d) => d > first && d <= last).sort()];
    starts.forEach((from, i) => {
      const next = starts[i + 1];
      const to = next ? addCalendarDays(next, -1) : last;
      const base = baseOn(from);
      if (base <= 0n) return;
      const rate = rule.rateFrom(from);
      const percent = new Fraction(rate.percent);
      const dc = dayCount(from, to, convention);
      const exact = exactSimpleInterest(base, percent, dc.days, dc.yearDays);
      const daily = input.options.rounding === 'daily' ? roundMinor(exactSimpleInterest(base, percent, 1, dc.yearDays), 'halfUp') : undefined;
      raw.push({ from, to, base, rate, exact, dc, ...(daily === undefined ? {} : { daily }) });
    });
  }

  // 4. rounding
  let shown: bigint[];
  switch (input.options.rounding) {
    case 'total':
      shown = apportionRounded(
        raw.map((s) => s.exact),
        roundMinor(raw.reduce((sum, s) => sum.add(s.exact), new Fraction(0)), 'halfUp'),
      );
      break;
    case 'segment':
      shown = raw.map((s) => roundMinor(s.exact, 'halfUp'));
      break;
    case 'daily':
      shown = raw.map((s) => s.daily! * BigInt(s.dc.days));
      break;
  }
  const segments: InterestSegment[] = raw.map((s, i) => ({
    from: s.from,
    to: s.to,
    days: daysBetween(s.from, s.to) + 1,
    dayCount: s.dc,
    rate: s.rate,
    base: money(s.base),
    ...(s.daily === undefined ? {} : { dailyAmount: money(s.daily) }),
    interest: money(shown[i]!),
    unroundedInterest: decimalOfMinor(roundMinor(s.exact.mul(10n ** 6n), 'halfUp'), exponent + 6),
    provisional: referencesOf(s.rate).some((r) => r.provisional),
  }));
  const interestMinor = shown.reduce((a, b) => a + b, 0n);

  // 5. fixed compensation and flat fee
  const compensation: FixedCompensationLine[] = [];
  if (late && input.terms.fixedCompensation) {
    const outcome = fixedCompensation(input.jurisdiction, input.debtor, input.principal);
    if (outcome?.granted) {
      compensation.push(outcome.line);
      if (input.jurisdiction === 'GB' && input.terms.interest.kind !== 'statutory') {
        warn({
          code: 'substantial-remedy',
          message:
            'GB: the contract sets its own late-payment terms. The Act\'s statutory interest is displaced only by a "substantial remedy"; the fixed sum of s.5A is added here because the terms claim it – check that the contract does not exclude it.',
        });
      }
    } else if (outcome) {
      warn({ code: 'fixed-compensation-not-granted', message: `${outcome.reason}; it is not added.` });
    }
  }
  const flatFee: ChargeLine | null =
    late && input.terms.flatFee && minorOf(input.terms.flatFee) > 0n
      ? { label: 'Flat late-payment fee', amount: input.terms.flatFee, citation: 'Contract terms' }
      : null;

  const compensationMinor = compensation.reduce((sum, line) => sum + minorOf(line.amount), 0n);
  const feeMinor = flatFee ? minorOf(flatFee.amount) : 0n;
  const paidMinor = payments.reduce((sum, p) => sum + p.minor, 0n);
  const charges = interestMinor + compensationMinor + feeMinor;

  const rateEntries = rateEntriesOf(segments.map((s) => s.rate), input);
  for (const warning of beyondTableWarnings(segments.map((s) => s.rate))) warn(warning);

  return {
    ...(input.reference === undefined ? {} : { reference: input.reference }),
    jurisdiction: input.jurisdiction,
    debtor: input.debtor,
    principal: money(principalMinor),
    dueDate: input.dueDate,
    until: input.until,
    terms: input.terms,
    payments: payments.map((p): InterestPaymentLine => ({ date: p.date, amount: money(p.minor), reducesPrincipalFrom: p.from })),
    late,
    interestPeriod: first <= last ? { from: first, to: last, days: daysBetween(first, last) + 1 } : null,
    rule: rule.description,
    segments,
    fixedCompensation: compensation,
    flatFee,
    totals: {
      interest: money(interestMinor),
      fixedCompensation: money(compensationMinor),
      flatFee: money(feeMinor),
      charges: money(charges),
      paid: money(paidMinor),
      outstandingPrincipal: money(principalMinor - paidMinor),
      amountDue: money(principalMinor - paidMinor + charges),
    },
    rounding: { mode: input.options.rounding, description: roundingDescriptions[input.options.rounding] },
    options: input.options,
    assumptions: assumptionsFor(input, segments),
    rateEntries,
    warnings,
  };
}

const roundingDescriptions = {
  total:
    'Each segment is computed exactly and the total is rounded half up to the minor unit once; the segment figures are the exact amounts rounded so that they add up to the total (largest remainder).',
  segment: 'Each segment\'s interest is rounded half up to the minor unit, then the segments are added (court-table style).',
  daily: 'Each segment\'s daily amount is rounded half up to the minor unit, then multiplied by the days (the gov.uk illustration).',
} as const;

function referencesOf(rate: SegmentRate): RateReference[] {
  return [rate.reference, rate.floor?.legalRate].filter((r): r is RateReference => r !== undefined);
}

function tableMeta(id: string): { name: string; source: string; lastChecked: string; validUntil: string; validUntilNote: string } {
  if (id === 'us-statutory-rates') return usStatutoryRates;
  return rateTables[id as RateTableId];
}

function rateEntriesOf(rates: SegmentRate[], input: InterestInput): RateEntryUsed[] {
  const out: RateEntryUsed[] = [];
  for (const ref of rates.flatMap(referencesOf)) {
    if (out.some((e) => e.table === ref.table && e.from === ref.entryFrom)) continue;
    const meta = tableMeta(ref.table);
    let source = meta.source;
    let note: string | undefined;
    if (ref.table === 'us-statutory-rates') {
      const state = input.jurisdiction === 'US-CA' ? 'US-CA' : 'US-NY';
      source = `${usStatutoryRates.rates[state].source} (${usStatutoryRates.rates[state].citation})`;
    } else {
      const entry = rateInForce(rateTables[ref.table as RateTableId], ref.date);
      if (entry?.source) source = entry.source;
      note = entry?.note;
    }
    out.push({
      table: ref.table,
      tableName: meta.name,
      from: ref.entryFrom,
      percent: ref.percent,
      source,
      ...(note === undefined ? {} : { note }),
      lastChecked: meta.lastChecked,
      validUntil: meta.validUntil,
    });
  }
  return out.sort((a, b) => (a.table === b.table ? ((a.from ?? '') < (b.from ?? '') ? -1 : 1) : a.table < b.table ? -1 : 1));
}

function beyondTableWarnings(rates: SegmentRate[]): InterestWarning[] {
  const firstByTable = new Map<string, RateReference>();
  for (const ref of rates.flatMap(referencesOf)) {
    if (!ref.provisional) continue;
    const seen = firstByTable.get(ref.table);
    if (!seen || ref.date < seen.date) firstByTable.set(ref.table, ref);
  }
  return [...firstByTable.values()].map((ref) => {
    const meta = tableMeta(ref.table);
    return {
      code: 'rate-beyond-table',
      message: `${meta.name} is known only until ${meta.validUntil}; for ${ref.date} onwards the last known rate, ${ref.percent} %, is assumed and the segments using it are marked provisional. ${meta.validUntilNote} Add the new figure to templates/domain/interest/rates/${ref.table}.json and compute again.`,
    };
  });
}

function assumptionsFor(input: InterestInput, segments: InterestSegment[]): InterestAssumption[] {
  const out: InterestAssumption[] = [];
  const { options, jurisdiction } = input;
  if (input.payments.length > 0) {
    out.push({
      option: 'paymentDay',
      value: options.paymentDay,
      explanation:
        options.paymentDay === 'interest-day'
          ? 'A payment\'s day is still an interest day on the balance before it; the principal is lower from the next day (France, Russia and the German example count the payment day; England & Wales: not stated [U]).'
          : 'The principal is lower from the payment day itself, which earns no interest on the amount paid (not the reading of the French, Russian or German sources).',
    });
  }
  if (segments.length === 0) return out;
  const touchesLeapYear = segments.some((s) => {
    for (let y = dateParts(s.from).year; y <= dateParts(s.to).year; y++) if ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0) return true;
    return false;
  });
  if (jurisdiction === 'DE') {
    out.push({
      option: 'germanDayCount',
      value: options.germanDayCount,
      explanation: {
        'act/act': 'Actual days over the days of the calendar year, 365 or 366 (the "Effektivzinsmethode"; German practice is disputed [U]).',
        'act/365': 'Actual days over 365, leap years included (German practice is disputed [U]).',
        '30E/360': 'Every month counts 30 days, over 360 (one reading of court dunning practice; German practice is disputed [U]).',
      }[options.germanDayCount],
    });
  } else if (jurisdiction !== 'RU' && touchesLeapYear) {
    out.push({
      option: 'leapYearDivisor',
      value: options.leapYearDivisor,
      explanation:
        options.leapYearDivisor === '365'
          ? 'A year counts 365 days even in a leap year (gov.uk and bpifrance divide by 365; no source addresses leap years [U]).'
          : 'Days in a leap year are divided by 366 (no source addresses leap years [U]; gov.uk and bpifrance divide by 365).',
    });
  }
  if (input.terms.interest.kind === 'statutory' && jurisdiction === 'FR') {
    out.push({
      option: 'frenchDefaultRateFloor',
      value: String(options.frenchDefaultRateFloor),
      explanation: options.frenchDefaultRateFloor
        ? 'The default rate ECB + 10 is raised to 3 × the legal interest rate when that is higher (whether the statute requires it is uncertain [U]).'
        : 'The default rate ECB + 10 is not raised to 3 × the legal interest rate: L441-10 II sets that floor for a contractual rate only (uncertain [U]).',
    });
  }
  if (segments.some((s) => s.provisional)) {
    out.push({
      option: 'beyondRateTable',
      value: options.beyondRateTable,
      explanation: 'A rate needed after the end of a rate table is taken as the last known rate, and the segment is marked provisional.',
    });
  }
  return out;
}

/** `minor` units as a decimal string with `scale` fraction digits (bigint-exact, sign kept). */
function decimalOfMinor(minor: bigint, scale: number): string {
  const negative = minor < 0n;
  const digits = (negative ? -minor : minor).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale);
  return `${negative ? '-' : ''}${whole}${scale > 0 ? `.${fraction}` : ''}`;
}
