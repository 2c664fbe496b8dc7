import { describe, expect, it } from 'vitest';
import { dueDate } from '#domain/terms/due-date.ts';

describe('dueDate', () => {
  it('on receipt is the issue date', () => {
    expect(dueDate({ kind: 'on-receipt' }, '2026-01-15')).toBe('2026-01-15');
  });
  it('net N adds calendar days', () => {
    expect(dueDate({ kind: 'net', days: 30 }, '2026-01-15')).toBe('2026-02-14');
    expect(dueDate({ kind: 'net', days: 30 }, '2024-02-15')).toBe('2024-03-16'); // leap February
  });
  it('counts "N days end of month" both French ways', () => {
    // 20 Jan + 45 days = 6 Mar → end of March
    expect(dueDate({ kind: 'end-of-month', days: 45, method: 'add-then-eom' }, '2026-01-20')).toBe('2026-03-31');
    // end of January = 31 Jan + 45 days = 17 Mar
    expect(dueDate({ kind: 'end-of-month', days: 45, method: 'eom-then-add' }, '2026-01-20')).toBe('2026-03-17');
    expect(dueDate({ kind: 'end-of-month', days: 0, method: 'add-then-eom' }, '2026-02-03')).toBe('2026-02-28');
  });
  it('a fixed date is that date', () => {
    expect(dueDate({ kind: 'fixed', date: '2026-06-30' }, '2026-01-15')).toBe('2026-06-30');
  });
});
