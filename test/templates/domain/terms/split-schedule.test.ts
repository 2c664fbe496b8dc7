import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkSchedule, splitSchedule } from '#domain/terms/split-schedule.ts';
import type { SchedulePart } from '#domain/schemas/terms.ts';
import { amountOf, minorUnits } from '#domain/money/money.ts';

const pct = (percent: string, label = percent): SchedulePart => ({ label, trigger: 'milestone', percent });
const amt = (amount: string, currency = 'EUR'): SchedulePart => ({ label: amount, trigger: 'milestone', amount: { currency, amount } });
const rest: SchedulePart = { label: 'balance', trigger: 'completion', balance: true };
const eur = (amount: string) => ({ currency: 'EUR', amount });
const amounts = (price: string, parts: SchedulePart[]) => splitSchedule(eur(price), parts).map((p) => p.amount.amount);

describe('splitSchedule', () => {
  it('splits 30/30/40', () => {
    expect(amounts('6000.00', [pct('30'), pct('30'), pct('40')])).toEqual(['1800.00', '1800.00', '2400.00']);
    expect(amounts('1000.01', [pct('30'), pct('30'), pct('40')])).toEqual(['300.00', '300.00', '400.01']);
    expect(amounts('100.00', [pct('33.3333'), pct('33.3333'), pct('33.3334')])).toEqual(['33.33', '33.33', '33.34']);
  });
  it('takes amounts as given and a balance part as the rest', () => {
    expect(amounts('4500.00', [amt('1500.00'), pct('25'), rest])).toEqual(['1500.00', '1125.00', '1875.00']);
    expect(amounts('100.00', [amt('10.00'), pct('90')])).toEqual(['10.00', '90.00']);
  });
  it('explains schedules that do not add up', () => {
    const msg = (price: string, parts: SchedulePart[]) => checkSchedule(eur(price), parts).map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(msg('1000.00', [pct('30'), pct('30'), pct('30')])).toEqual(['schedule: the percentages add up to 90 %, not 100 %']);
    expect(msg('1000.00', [pct('60'), pct('50')])).toEqual(['schedule: the percentages add up to 110 %, more than 100 %']);
    expect(msg('1000.00', [amt('300.00'), amt('600.00')])).toEqual(['schedule: the amounts add up to 900.00, not the price 1000.00']);
    expect(msg('1000.00', [amt('600.00'), amt('600.00')])).toEqual(['schedule: the parts add up to more than the price 1000.00']);
    expect(msg('1000.00', [amt('1000.00'), rest])).toEqual(['schedule: nothing is left for the balance part']);
    expect(msg('1000.00', [rest, rest])).toEqual(['schedule: only one part can be the balance']);
    expect(msg('1000.00', [amt('300.00', 'GBP'), rest])).toEqual(["schedule.0.amount.currency: must be EUR, the price's currency"]);
    expect(msg('450000.00', [amt('150000.00'), pct('33.3333'), pct('33.3333')])).toEqual([
      'schedule: the percentages (66.6666 % of 450000.00) and the amounts (150000.00) do not add up to the price; make one part "balance": true',
    ]);
    expect(() => splitSchedule(eur('1000.00'), [pct('50')])).toThrow('schedule: the percentages add up to 50 %, not 100 %');
  });
  it('always adds up to the price to the cent', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 ** 11 }),
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        (priceMinor, weights, withBalance) => {
          const price = (priceMinor / 100).toFixed(2);
          // percentages that add up to at most 100 (with a balance part) or exactly 100 (without)
          const sum = weights.reduce((a, b) => a + b, 0);
          const percents = weights.map((w) => ((w * (withBalance ? 90 : 100)) / sum).toFixed(4));
          if (!withBalance) {
            const fixed = percents.slice(0, -1).reduce((a, p) => a + Math.round(Number(p) * 10_000), 0);
            percents[percents.length - 1] = ((1_000_000 - fixed) / 10_000).toFixed(4);
          }
          const parts = [...percents.map((p) => pct(p)), ...(withBalance ? [rest] : [])];
          const split = splitSchedule(eur(price), parts);
          const total = split.reduce((a, p) => a + minorUnits(amountOf(p.amount.amount, 'EUR')), 0);
          expect(total).toBe(priceMinor);
        },
      ),
      { numRuns: 300 },
    );
  });
});
