import { expect, it } from 'vitest';
import { letterView } from '../../../../templates/documents/letter/letter-view.ts';
import { translator } from '../../../../templates/i18n/translator.ts';
import { exampleSource } from './letter-fixtures.ts';
import { letterSuite } from './letter-suite.tsx';

letterSuite('en');

it('GB, by hand: £2,880.00 seven days late at 11.75 % is £6.49 of interest, plus £70 compensation', () => {
  // invoice PD-0142: £2,400.00 + 20 % VAT = £2,880.00, due 2026-04-01; letter 2026-04-08.
  // Interest from 2026-04-02 to 2026-04-08 = 7 days, at Bank Rate 3.75 % on 2025-12-31 + 8 = 11.75 %:
  // 2880 × 0.1175 × 7 / 365 = 338.40 × 7 / 365 = 6.4899 → £6.49.
  // Fixed compensation: a debt from £1,000 to under £10,000 → £70. Total: 2880 + 6.49 + 70 = £2,956.49.
  const view = letterView(exampleSource('en', 'overdue-firm'), translator('en-GB'));
  expect(view.blocks.find((b) => b.kind === 'sums')).toEqual({
    kind: 'sums',
    rows: [
      { label: 'Outstanding balance', value: '£2,880.00' },
      { label: 'Interest to 8 April 2026', value: '£6.49' },
      { label: 'Fixed compensation for recovery costs', value: '£70.00' },
      { label: 'Total due on 8 April 2026', value: '£2,956.49', strong: true },
    ],
  });
  expect(view.subject).toBe('Second reminder: invoice PD-0142 overdue since 1 April 2026');
  expect(view.blocks).toContainEqual({ kind: 'para', text: 'Please pay £2,956.49 by 15 April 2026. If you have already paid, please send us the date and reference of the payment so that we can match it.' });
});
