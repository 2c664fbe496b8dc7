import { allocateMinor } from '../money/allocate.ts';
import { amountOf, decimalOf, minorUnits, type Money } from '../money/money.ts';
import { currencyOf } from '../money/currency.ts';
import { PercentSchema } from '../schemas/percent.ts';
import type { SchedulePart } from '../schemas/terms.ts';

export interface ScheduleIssue {
  path: (string | number)[];
  message: string;
}

export interface ScheduledPart {
  label: string;
  trigger: SchedulePart['trigger'];
  percent?: string | undefined;
  amount: Money;
}

/**
 * Turns a payment schedule (deposit, milestones, completion) into exact amounts that add up to
 * the price to the minor unit.
 *
 * - Amount parts are taken as they are.
 * - Percentage parts are shares of the price, split with the largest-remainder rule of
 *   `allocateMinor` (a leftover cent goes to the part with the largest fractional share, the
 *   earliest part on a tie), so 30/30/40 of 1000.01 is 300.00, 300.00, 400.01.
 * - A `balance` part (at most one) is whatever remains: price − amounts − percentage shares.
 * - Without a balance part the percentages and amounts must describe the whole price exactly:
 *   percentages alone add up to 100 %; with amounts, percent of price + amounts = price.
 *
 * @example splitSchedule({ currency: 'EUR', amount: '1000.00' }, [{ percent: '30' }, { percent: '30' }, { percent: '40' }])
 *   // 300.00, 300.00, 400.00
 * @example splitSchedule({ currency: 'RUB', amount: '450000.00' }, [{ amount: 150000.00 RUB }, { percent: '25' }, { balance: true }])
 *   // 150000.00, 112500.00, 187500.00
 * @throws RangeError when the parts do not add up (see {@link checkSchedule} for the messages)
 */
export function splitSchedule(price: Money, parts: readonly SchedulePart[]): ScheduledPart[] {
  const issues = checkSchedule(price, parts);
  if (issues.length > 0) throw new RangeError(issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const exponent = currencyOf(price.currency)!.exponent;
  const total = minorOf(price);
  const fixed = parts.reduce((sum, p) => sum + (p.amount ? minorOf(p.amount) : 0n), 0n);
  const percents = parts.filter((p) => p.percent !== undefined).map((p) => p.percent!);
  const percentTotal = percents.reduce((sum, p) => sum + scaledPercent(p), 0n);
  const rest = formatScaled(100n * 10_000n - percentTotal);
  const shares = percents.length > 0 ? allocateMinor(total, [...percents, rest]).slice(0, percents.length) : [];
  const balance = total - fixed - shares.reduce((a, b) => a + b, 0n);
  const money = (minor: bigint): Money => ({ currency: price.currency, amount: decimalOf(Number(minor), exponent) });
  let next = 0;
  return parts.map((p) => ({
    label: p.label,
    trigger: p.trigger,
    percent: p.percent,
    amount: p.amount ?? (p.balance ? money(balance) : money(shares[next++]!)),
  }));
}

/**
 * The reasons a schedule cannot be split exactly, as field issues relative to the contract
 * (`schedule.2.amount`). Empty when it adds up.
 */
export function checkSchedule(price: Money, parts: readonly SchedulePart[]): ScheduleIssue[] {
  const issues: ScheduleIssue[] = [];
  const currency = currencyOf(price.currency);
  if (!currency) return issues; // the price's own validation reports it
  let total: bigint;
  try {
    total = minorOf(price);
  } catch {
    return issues;
  }
  let fixed = 0n;
  parts.forEach((p, index) => {
    if (!p.amount) return;
    if (p.amount.currency !== price.currency) {
      issues.push({ path: ['schedule', index, 'amount', 'currency'], message: `must be ${price.currency}, the price's currency` });
      return;
    }
    try {
      fixed += minorOf(p.amount);
    } catch {
      /* reported by MoneySchema */
    }
  });
  // a percent PercentSchema refuses is reported there (zod still runs the contract's refinements):
  // the sums below cannot be checked without it
  if (parts.some((p) => p.percent !== undefined && !PercentSchema.safeParse(p.percent).success)) return issues;
  const balanceParts = parts.filter((p) => p.balance);
  if (balanceParts.length > 1) return [...issues, { path: ['schedule'], message: 'only one part can be the balance' }];
  // percentages as integers scaled by 10^4 (PercentSchema allows 4 decimals)
  const percentTotal = parts.reduce((sum, p) => sum + (p.percent === undefined ? 0n : scaledPercent(p.percent)), 0n);
  const hundred = 100n * 10_000n;
  const hasPercent = parts.some((p) => p.percent !== undefined);
  const fmt = (minor: bigint) => decimalOf(Number(minor), currency.exponent);
  // price × percent / 100, compared exactly: percentTotal × total / hundred
  const percentShare = (percentTotal * total) / hundred;
  if (percentTotal > hundred) {
    issues.push({ path: ['schedule'], message: `the percentages add up to ${formatScaled(percentTotal)} %, more than 100 %` });
  } else if (fixed + percentShare > total) {
    issues.push({ path: ['schedule'], message: `the parts add up to more than the price ${price.amount}` });
  } else if (balanceParts.length === 1) {
    if (fixed * hundred + percentTotal * total >= total * hundred) {
      issues.push({ path: ['schedule'], message: 'nothing is left for the balance part' });
    }
  } else if (!hasPercent) {
    if (fixed !== total) issues.push({ path: ['schedule'], message: `the amounts add up to ${fmt(fixed)}, not the price ${price.amount}` });
  } else if (fixed === 0n) {
    if (percentTotal !== hundred) issues.push({ path: ['schedule'], message: `the percentages add up to ${formatScaled(percentTotal)} %, not 100 %` });
  } else if (percentTotal * total !== hundred * (total - fixed)) {
    issues.push({
      path: ['schedule'],
      message: `the percentages (${formatScaled(percentTotal)} % of ${price.amount}) and the amounts (${fmt(fixed)}) do not add up to the price; make one part "balance": true`,
    });
  }
  return issues;
}

function minorOf(m: Money): bigint {
  return BigInt(minorUnits(amountOf(m.amount, m.currency)));
}

function scaledPercent(p: string): bigint {
  const [whole, fraction = ''] = p.split('.');
  return BigInt(`${whole}${fraction.padEnd(4, '0')}`);
}

function formatScaled(v: bigint): string {
  const s = v.toString().padStart(5, '0');
  const whole = s.slice(0, -4);
  const fraction = s.slice(-4).replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole;
}
