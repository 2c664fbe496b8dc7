import { describe, expect, it } from 'vitest';
import { computeInterest } from '#domain/interest/compute-interest.ts';

const eur = (amount: string) => ({ currency: 'EUR', amount });
const gbp = (amount: string) => ({ currency: 'GBP', amount });

describe('contractual terms', () => {
  it('France: a contract rate below 3 × the legal rate is raised to the floor, with a warning', () => {
    // 1H2024 floor 3 × 5.07 % = 15.21 % > 8 %: 1000 × 15.21 % × 30/365 = 12.5013… → 12.50, plus 40 €
    const r = computeInterest({
      jurisdiction: 'FR',
      principal: eur('1000.00'),
      dueDate: '2024-02-29',
      until: '2024-03-30',
      terms: { interest: { kind: 'contractual', rate: { percent: '8', per: 'year' } } },
    });
    expect(r.segments[0]!.rate).toMatchObject({
      percent: '15.21',
      kind: 'contractual',
      floor: { percent: '15.21', applied: true, legalRate: { table: 'fr-legal-rate', date: '2024-01-01', percent: '5.07' } },
    });
    expect(r.totals.interest).toEqual(eur('12.50'));
    expect(r.warnings).toEqual([
      {
        code: 'contract-rate-below-floor',
        message:
          'FR 1H2024: the contract rate of 8.00 % a year is below the floor of 3 × the legal interest rate for 1H2024 (3 × 5.07 % = 15.21 %). A contract cannot set a lower rate (Code de commerce L441-10 II), so 15.21 % is applied for 1H2024.',
      },
    ]);
    expect(r.rateEntries.map((e) => [e.table, e.from, e.percent])).toEqual([['fr-legal-rate', '2024-01-01', '5.07']]);
  });

  it('France: the floor is checked per half-year', () => {
    // 12 % contract: 2H2023 floor 12.66 % applies (21–31 Dec, 11 days), 1H2024 floor 15.21 % applies (1–10 Jan, 10 days)
    // 1000 × (12.66 % × 11 + 15.21 % × 10) / 365 = (1392.6 + 1521) / 365 = 7.9824… → 7.98
    const r = computeInterest({
      jurisdiction: 'FR',
      principal: eur('1000.00'),
      dueDate: '2023-12-20',
      until: '2024-01-10',
      terms: { interest: { kind: 'contractual', rate: { percent: '12', per: 'year' } } },
    });
    expect(r.segments.map((s) => s.rate.percent)).toEqual(['12.66', '15.21']);
    expect(r.totals.interest).toEqual(eur('7.98'));
    expect(r.warnings.map((w) => w.code)).toEqual(['contract-rate-below-floor', 'contract-rate-below-floor']);
  });

  it('France: before the legal-rate table the floor cannot be checked', () => {
    const r = computeInterest({
      jurisdiction: 'FR',
      principal: eur('1000.00'),
      dueDate: '2020-11-30',
      until: '2020-12-10',
      terms: { interest: { kind: 'contractual', rate: { percent: '12', per: 'year' } } },
    });
    expect(r.segments[0]!.rate.percent).toBe('12.00');
    expect(r.warnings).toEqual([
      {
        code: 'floor-unknown',
        message: 'FR: the legal interest rate for 2H2020 is not in the table (rates/fr-legal-rate.json starts on 2021-01-01), so the floor of 3 × that rate was not checked for 2H2020.',
      },
    ]);
  });

  it('GB: the fixed sum is added to a contractual rate, with a substantial-remedy warning', () => {
    const r = computeInterest({
      jurisdiction: 'GB',
      principal: gbp('500.00'),
      dueDate: '2025-03-31',
      until: '2025-04-14',
      terms: { interest: { kind: 'contractual', rate: { percent: '12.5', per: 'year' } } },
    });
    expect(r.rule.citation).toBe('Contract terms (a substantial contractual remedy displaces the Late Payment of Commercial Debts (Interest) Act 1998)');
    expect(r.warnings.map((w) => w.code)).toEqual(['substantial-remedy']);
    // against a consumer: the contract rate applies, the Act's fixed sum does not
    const consumer = computeInterest({
      jurisdiction: 'GB',
      debtor: 'consumer',
      principal: gbp('500.00'),
      dueDate: '2025-03-31',
      until: '2025-04-14',
      terms: { interest: { kind: 'contractual', rate: { percent: '12.5', per: 'year' } } },
    });
    expect(consumer.totals).toMatchObject({ interest: gbp('2.40'), fixedCompensation: gbp('0.00') });
    expect(consumer.warnings).toEqual([
      {
        code: 'fixed-compensation-not-granted',
        message: 'GB: the fixed compensation (Late Payment of Commercial Debts (Interest) Act 1998 s.5A) is not due from a consumer debtor; it is not added.',
      },
    ]);
  });

  it('a flat fee and no interest', () => {
    // interest none, flat fee 25 €, fixed compensation 40 €: charges 65 €
    const r = computeInterest({
      jurisdiction: 'DE',
      principal: eur('300.00'),
      dueDate: '2025-03-31',
      until: '2025-04-14',
      terms: { interest: { kind: 'none' }, flatFee: eur('25.00') },
    });
    expect(r.rule.id).toBe('none');
    expect(r.segments).toEqual([]);
    expect(r.flatFee).toEqual({ label: 'Flat late-payment fee', amount: eur('25.00'), citation: 'Contract terms' });
    expect(r.totals).toMatchObject({ interest: eur('0.00'), fixedCompensation: eur('40.00'), flatFee: eur('25.00'), charges: eur('65.00'), amountDue: eur('365.00') });
  });

  it('a contractual rate may be in another currency when no fixed sum is claimed', () => {
    // USD debt under GB law: 1000 × 10 % × 30/365 = 8.2191… → 8.22
    const r = computeInterest({
      jurisdiction: 'GB',
      principal: { currency: 'USD', amount: '1000.00' },
      dueDate: '2025-03-31',
      until: '2025-04-30',
      terms: { interest: { kind: 'contractual', rate: { percent: '10', per: 'year' } }, fixedCompensation: false },
    });
    expect(r.totals.interest).toEqual({ currency: 'USD', amount: '8.22' });
  });
});
