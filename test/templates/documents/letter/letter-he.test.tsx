import { expect, it } from 'vitest';
import { letterView } from '../../../../templates/documents/letter/letter-view.ts';
import { translator } from '../../../../templates/i18n/translator.ts';
import { exampleSource } from './letter-fixtures.ts';
import { letterSuite } from './letter-suite.tsx';

letterSuite('he');

it('IL, by hand: 7,080.00 ₪ seven days late at the contract rate of 1 % a month is 16.29 ₪', () => {
  // invoice 1042: 6,000.00 ₪ + 18 % VAT = 7,080.00 ₪, due 2026-04-30; letter 2026-05-07.
  // 1 % a month = 12 % a year; 7 days from 2026-05-01 to 2026-05-07: 7080 × 0.12 × 7 / 365 = 849.6 × 7 / 365
  // = 16.2937 → 16.29 ₪. Israel grants no fixed compensation.
  const view = letterView(exampleSource('he', 'overdue-firm'), translator('he'));
  const sums = view.blocks.find((b) => b.kind === 'sums');
  expect(sums?.kind === 'sums' && sums.rows.map((r) => r.value.replace(/[\u200e\u200f]/g, '').replace(/\s/g, ' '))).toEqual(['7,080.00 ₪', '16.29 ₪', '7,096.29 ₪']);
  expect(view.dir).toBe('rtl');
});
