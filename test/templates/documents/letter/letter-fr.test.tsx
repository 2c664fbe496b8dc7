import { expect, it } from 'vitest';
import { letterView } from '../../../../templates/documents/letter/letter-view.ts';
import { translator } from '../../../../templates/i18n/translator.ts';
import { exampleSource } from './letter-fixtures.ts';
import { letterSuite } from './letter-suite.tsx';

letterSuite('fr');

it('FR, by hand: 4 032,00 € seven days late at ECB 2.15 % + 10 points is 9,40 €, plus the 40 € indemnity', () => {
  // facture F-2026-031: 3 360,00 € + 20 % TVA = 4 032,00 €, échue le 2026-04-30; courrier du 2026-05-07.
  // 1H2026 rate: ECB MRO on 2026-01-01 2.15 % + 10 = 12.15 %; 7 days from 2026-05-01 to 2026-05-07:
  // 4032 × 0.1215 × 7 / 365 = 489.888 × 7 / 365 = 9.3951 → 9,40 €; + 40,00 € (D441-5) → 4 081,40 €.
  const view = letterView(exampleSource('fr', 'overdue-firm'), translator('fr'));
  const sums = view.blocks.find((b) => b.kind === 'sums');
  expect(sums?.kind === 'sums' && sums.rows.map((r) => r.value.replace(/\s/g, ' '))).toEqual(['4 032,00 €', '9,40 €', '40,00 €', '4 081,40 €']);
  expect(view.salutation).toBe('Bonjour Marc Dupont,');
});
