/**
 * `npm run cli -- interest …`: late-payment interest and fixed compensation for one debt, as a
 * readable table or (`--json`) as the engine's itemised result. Argument parsing only; the rules
 * live in templates/domain/interest/.
 */
import { parseArgs } from 'node:util';
import { computeInterest } from '#domain/interest/compute-interest.ts';
import { InterestError } from '#domain/interest/interest-error.ts';
import type { InterestRequest } from '#domain/interest/interest-input.ts';
import type { InterestResult } from '#domain/interest/interest-result.ts';
import type { CliIo } from './io.ts';

const usage = `Usage: npm run cli -- interest --jurisdiction GB|EU|FR|DE|RU|IL|US-NY|US-CA --principal AMOUNT --currency CODE
                                --due YYYY-MM-DD --until YYYY-MM-DD [options]
  --payment DATE:AMOUNT        a payment received, repeatable (e.g. --payment 2024-03-01:400.00)
  --contract-rate RATE         the contract's rate instead of the statutory one: 8%/year or 1.5%/month
  --no-interest                claim no interest (flat fee and fixed compensation only)
  --flat-fee AMOUNT            the contract's flat late fee
  --no-fixed-compensation      do not claim the statutory fixed compensation
  --penalty-clause             (RU) the contract sets its own penalty (неустойка)
  --debtor business|consumer   default business
  --rounding total|segment|daily                  default total
  --leap-year-divisor 365|actual                  GB, EU, FR, IL, US; default 365
  --german-day-count act/act|act/365|30E/360      DE; default act/act
  --payment-day interest-day|not-interest-day     default interest-day
  --french-default-floor       FR: raise the default rate to 3 × the legal interest rate
  --beyond-rate-table assume-last-known|refuse    default assume-last-known
  --reference TEXT             the invoice number, echoed in the output
  --json                       print the itemised result as JSON (every amount a decimal string)`;

const options = {
  jurisdiction: { type: 'string' },
  principal: { type: 'string' },
  currency: { type: 'string' },
  due: { type: 'string' },
  until: { type: 'string' },
  payment: { type: 'string', multiple: true },
  'contract-rate': { type: 'string' },
  'no-interest': { type: 'boolean' },
  'flat-fee': { type: 'string' },
  'no-fixed-compensation': { type: 'boolean' },
  'penalty-clause': { type: 'boolean' },
  debtor: { type: 'string' },
  rounding: { type: 'string' },
  'leap-year-divisor': { type: 'string' },
  'german-day-count': { type: 'string' },
  'payment-day': { type: 'string' },
  'french-default-floor': { type: 'boolean' },
  'beyond-rate-table': { type: 'string' },
  reference: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

class UsageError extends Error {}

export async function run(args: string[], io: CliIo): Promise<number> {
  let request: InterestRequest;
  let json: boolean;
  try {
    const parsed = parseArgs({ args: joinNegativeValues(args), options, allowPositionals: false, strict: true });
    if (parsed.values.help) {
      io.out(usage);
      return 0;
    }
    request = toRequest(parsed.values);
    json = parsed.values.json === true;
  } catch (error) {
    if (error instanceof UsageError || (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      io.err(`interest: ${error.message}`);
      io.err(usage);
      return 2;
    }
    throw error;
  }
  try {
    const result = computeInterest(request);
    io.out(json ? JSON.stringify(result, null, 2) : render(result));
    return 0;
  } catch (error) {
    if (error instanceof InterestError) {
      io.err(`interest: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

/** `--principal -100` → `--principal=-100`, so a negative amount reaches validation (exit 1, a clear message). */
function joinNegativeValues(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const name = arg.startsWith('--') ? arg.slice(2) : undefined;
    const next = args[i + 1];
    if (name && name in options && options[name as keyof typeof options].type === 'string' && next !== undefined && /^-\d/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else {
      out.push(arg);
    }
  }
  return out;
}

type Values = ReturnType<typeof parseArgs<{ options: typeof options }>>['values'];

function toRequest(v: Values): InterestRequest {
  const missing = (['jurisdiction', 'principal', 'currency', 'due', 'until'] as const).filter((k) => v[k] === undefined);
  if (missing.length > 0) throw new UsageError(`missing ${missing.map((k) => `--${k}`).join(', ')}`);
  if (v['contract-rate'] !== undefined && v['no-interest']) throw new UsageError('give --contract-rate or --no-interest, not both');
  const currency = v.currency!.toUpperCase();
  const payments = (v.payment ?? []).map((p) => {
    const match = /^(\d{4}-\d{2}-\d{2}):(.+)$/.exec(p);
    if (!match) throw new UsageError(`--payment must be DATE:AMOUNT such as 2024-03-01:400.00, not "${p}"`);
    return { date: match[1]!, amount: { currency, amount: match[2]! } };
  });
  const interest = v['no-interest'] ? { kind: 'none' as const } : v['contract-rate'] !== undefined ? { kind: 'contractual' as const, rate: contractRate(v['contract-rate']) } : { kind: 'statutory' as const };
  return {
    ...(v.reference === undefined ? {} : { reference: v.reference }),
    jurisdiction: v.jurisdiction as InterestRequest['jurisdiction'],
    principal: { currency, amount: v.principal! },
    dueDate: v.due!,
    until: v.until!,
    payments,
    ...(v.debtor === undefined ? {} : { debtor: v.debtor as 'business' }),
    terms: {
      interest,
      ...(v['flat-fee'] === undefined ? {} : { flatFee: { currency, amount: v['flat-fee'] } }),
      fixedCompensation: !v['no-fixed-compensation'],
      penaltyClause: v['penalty-clause'] === true,
    },
    options: {
      ...(v.rounding === undefined ? {} : { rounding: v.rounding as 'total' }),
      ...(v['leap-year-divisor'] === undefined ? {} : { leapYearDivisor: v['leap-year-divisor'] as '365' }),
      ...(v['german-day-count'] === undefined ? {} : { germanDayCount: v['german-day-count'] as 'act/act' }),
      ...(v['payment-day'] === undefined ? {} : { paymentDay: v['payment-day'] as 'interest-day' }),
      ...(v['french-default-floor'] ? { frenchDefaultRateFloor: true } : {}),
      ...(v['beyond-rate-table'] === undefined ? {} : { beyondRateTable: v['beyond-rate-table'] as 'refuse' }),
    },
  };
}

/** "8%/year", "8 % / year", "1.5%/month" → { percent, per } */
function contractRate(text: string): { percent: string; per: 'year' | 'month' } {
  const match = /^\s*(\d+(?:\.\d+)?)\s*%?\s*\/\s*(year|month)\s*$/i.exec(text);
  if (!match) throw new UsageError(`--contract-rate must look like 8%/year or 1.5%/month, not "${text}"`);
  return { percent: match[1]!, per: match[2]!.toLowerCase() as 'year' | 'month' };
}

function render(r: InterestResult): string {
  const c = r.principal.currency;
  const lines: string[] = [];
  lines.push(`Late-payment interest${r.reference ? ` – ${r.reference}` : ''}`);
  lines.push(`Rule:      ${r.rule.title} (${r.rule.citation})`);
  lines.push(`           ${r.rule.summary}`);
  lines.push(`Debt:      ${c} ${r.principal.amount}, due ${r.dueDate}, ${r.debtor} debtor, ${r.jurisdiction}; computed to ${r.until}`);
  for (const p of r.payments) lines.push(`Payment:   ${p.date}  ${c} ${p.amount.amount} (principal lower from ${p.reducesPrincipalFrom})`);
  lines.push('');
  if (!r.late) {
    lines.push(`Not late on any day up to ${r.until}: nothing is charged.`);
  } else if (r.segments.length > 0) {
    const rows = [
      ['From', 'To', 'Days', 'Day count', 'Rate %', `Base ${c}`, `Interest ${c}`],
      ...r.segments.map((s) => [
        s.from,
        s.to,
        String(s.days),
        `${s.dayCount.days}/${s.dayCount.yearDays}`,
        `${s.rate.percent}${s.provisional ? '*' : ''}`,
        s.base.amount,
        s.interest.amount,
      ]),
    ];
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
    const right = new Set([2, 4, 5, 6]);
    for (const row of rows) lines.push(row.map((cell, i) => (right.has(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ').trimEnd());
    lines.push('');
    lines.push(`Day count: ${r.segments[0]!.dayCount.convention} (interest = base × rate × days / year)`);
    const explanations = [...new Set(r.segments.map((s) => s.rate.explanation))];
    for (const e of explanations) lines.push(`Rate:      ${e}`);
    if (r.segments.some((s) => s.provisional)) lines.push('           * provisional: a rate past the end of its table was assumed (see warnings)');
    lines.push('');
  }
  const totals: [string, string][] = [['Interest', r.totals.interest.amount]];
  for (const f of r.fixedCompensation) totals.push([f.label, f.amount.amount]);
  if (r.flatFee) totals.push([r.flatFee.label, r.flatFee.amount.amount]);
  totals.push(['Charges (interest + compensation + fee)', r.totals.charges.amount]);
  totals.push(['Paid', r.totals.paid.amount]);
  totals.push(['Outstanding principal', r.totals.outstandingPrincipal.amount]);
  totals.push([`Amount due on ${r.until}`, r.totals.amountDue.amount]);
  const labelWidth = Math.max(...totals.map(([l]) => l.length));
  const amountWidth = Math.max(...totals.map(([, a]) => a.length));
  for (const [label, amount] of totals) lines.push(`${label.padEnd(labelWidth)}  ${c} ${amount.padStart(amountWidth)}`);
  lines.push('');
  for (const f of r.fixedCompensation) lines.push(`Basis:     ${f.label} – ${f.citation}, per invoice`);
  if (r.flatFee) lines.push(`Basis:     ${r.flatFee.label} – ${r.flatFee.citation}`);
  lines.push(`Rounding:  ${r.rounding.mode} – ${r.rounding.description}`);
  for (const e of r.rateEntries) {
    lines.push(`Table:     ${e.tableName} ${e.percent} %${e.from ? ` from ${e.from}` : ''} – ${e.source} (checked ${e.lastChecked}, valid until ${e.validUntil})${e.note ? ` ${e.note}` : ''}`);
  }
  for (const a of r.assumptions) lines.push(`Option:    ${a.option} = ${a.value}: ${a.explanation}`);
  for (const w of r.warnings) lines.push(`Warning:   [${w.code}] ${w.message}`);
  return lines.join('\n');
}
