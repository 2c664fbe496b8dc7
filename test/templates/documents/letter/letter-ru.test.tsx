import { expect, it } from 'vitest';
import { letterView } from '../../../../templates/documents/letter/letter-view.ts';
import { translator } from '../../../../templates/i18n/translator.ts';
import { exampleSource } from './letter-fixtures.ts';
import { letterSuite } from './letter-suite.tsx';

letterSuite('ru');

it('RU, by hand: 150 000 ₽ seven days late at the 15 % key rate is 431,51 ₽ (ст. 395, no fixed sum)', () => {
  // счёт № 12: 150 000,00 ₽, срок оплаты 2026-04-11; письмо 2026-04-18 (before the partial payment of 2026-04-20).
  // 7 days from 2026-04-12 to 2026-04-18 at the key rate of 15 % (from 2026-03-23), actual year 365:
  // 150000 × 0.15 × 7 / 365 = 22500 × 7 / 365 = 431.5068 → 431,51 ₽; Russia grants no fixed compensation.
  const view = letterView(exampleSource('ru', 'overdue-firm'), translator('ru'));
  const sums = view.blocks.find((b) => b.kind === 'sums');
  expect(sums?.kind === 'sums' && sums.rows.map((r) => r.value.replace(/\s/g, ' '))).toEqual(['150 000,00 ₽', '431,51 ₽', '150 431,51 ₽']);
  expect(view.blocks.map((b) => (b.kind === 'para' ? b.text : '')).join(' ')).not.toMatch(/г\.\./);
});
