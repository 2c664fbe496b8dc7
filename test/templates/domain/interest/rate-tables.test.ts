import Fraction from 'fraction.js';
import { describe, expect, it } from 'vitest';
import { rateInForce, RateTableSchema } from '#domain/interest/rate-table.ts';
import { rateTables } from '#domain/interest/rate-tables.ts';
import { lookupRate } from '#domain/interest/lookup-rate.ts';
import { RateUnavailableError } from '#domain/interest/interest-error.ts';
import { addCalendarDays } from '#domain/time/plain-date.ts';

describe('rate tables (templates/domain/interest/rates/*.json)', () => {
  it('each file has its source, dates and sorted rows', () => {
    for (const table of Object.values(rateTables)) {
      expect(table.source.length).toBeGreaterThan(20);
      expect(table.lastChecked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(table.validUntil >= table.entries.at(-1)!.from).toBe(true);
      const froms = table.entries.map((e) => e.from);
      expect([...froms].sort()).toEqual(froms);
      expect(new Set(froms).size).toBe(froms.length);
    }
  });

  it('the schema refuses a mistyped row', () => {
    const table = { ...rateTables['ecb-mro'] };
    const issues = (entries: unknown[]) => RateTableSchema.safeParse({ ...table, entries }).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues([{ from: '2025-06-11', percent: '2,15' }])).toEqual(['entries.0.percent: must be a percentage such as 5.25 or -0.88']);
    expect(issues([{ from: '2025-06-11', percent: '2.15' }, { from: '2025-03-12', percent: '2.65' }])).toEqual(['entries.1.from: must be after the previous row (2025-06-11)']);
    expect(issues([{ from: '2026-06-11', percent: '2.15' }])).toEqual(['validUntil: must not be before the last row (2026-06-11)']);
  });

  it('rows as LEGAL.md lists them (first, last and count)', () => {
    const summary = Object.fromEntries(
      Object.values(rateTables).map((t) => [t.id, [t.entries.length, t.entries[0]!.from, t.entries[0]!.percent, t.entries.at(-1)!.from, t.entries.at(-1)!.percent, t.validUntil]]),
    );
    expect(summary).toEqual({
      'gb-bank-rate': [23, '2019-12-31', '0.75', '2025-12-18', '3.75', '2026-04-30'],
      'ecb-mro': [19, '2019-09-18', '0.00', '2025-06-11', '2.15', '2026-02-05'],
      'de-basiszinssatz': [8, '2016-07-01', '-0.88', '2026-01-01', '1.27', '2026-06-30'],
      'fr-legal-rate': [11, '2021-01-01', '0.79', '2026-01-01', '2.62', '2026-06-30'],
      'ru-key-rate': [22, '2022-02-28', '20.00', '2026-03-23', '15.00', '2026-03-23'],
    });
    // both columns of the French legal rate, 1H2026: particuliers 6.67 %, autres cas 2.62 %
    expect(rateTables['fr-legal-rate'].entries.at(-1)).toMatchObject({ percent: '2.62', particuliers: '6.67' });
  });

  it('the Basiszinssatz moves by the change in the ECB rate before each half-year (BGB §247)', () => {
    // LEGAL.md §4.1: "each step equals the change in ECB MRO between the reference dates"
    const mroBefore = (start: string) => new Fraction(rateInForce(rateTables['ecb-mro'], addCalendarDays(start, -1))!.percent);
    const basis = (start: string) => new Fraction(rateInForce(rateTables['de-basiszinssatz'], start)!.percent);
    const starts = ['2022-07-01', '2023-01-01', '2023-07-01', '2024-01-01', '2024-07-01', '2025-01-01', '2025-07-01', '2026-01-01'];
    for (let i = 1; i < starts.length; i++) {
      const [previous, start] = [starts[i - 1]!, starts[i]!];
      expect(basis(start).sub(basis(previous)).toString(), start).toBe(mroBefore(start).sub(mroBefore(previous)).toString());
    }
  });

  it('lookupRate: the row in force, provisional past validUntil, refused before the first row', () => {
    expect(lookupRate('ecb-mro', '2024-07-01', 'assume-last-known', 'x').reference).toEqual({ table: 'ecb-mro', date: '2024-07-01', entryFrom: '2024-06-12', percent: '4.25', provisional: false });
    expect(lookupRate('ecb-mro', '2024-06-12', 'assume-last-known', 'x').reference.entryFrom).toBe('2024-06-12'); // in force on its first day
    expect(lookupRate('ecb-mro', '2026-07-01', 'assume-last-known', 'x').reference).toMatchObject({ percent: '2.15', provisional: true });
    expect(() => lookupRate('ecb-mro', '2026-07-01', 'refuse', 'the test')).toThrow(RateUnavailableError);
    expect(() => lookupRate('ecb-mro', '2019-09-17', 'assume-last-known', 'the test')).toThrow(
      'No ECB main refinancing operations rate for 2019-09-17: the table (rates/ecb-mro.json) starts on 2019-09-18, so the test cannot be computed',
    );
  });
});
