import { describe, expect, it } from 'vitest';
import { FinalDemandDocument } from '../../../../templates/documents/final-demand/FinalDemandDocument.tsx';
import { translator } from '../../../../templates/i18n/translator.ts';
import { letters, renderText } from '../statement/pdf-text.ts';
import { gbCompany } from './demand-cases.ts';

const date = '2026-06-15';

describe('letter before action (England & Wales, company debtor)', () => {
  it('in English: the PD-PAC elements, 14 days, ADR, proceedings without further notice, and the statement enclosed', async () => {
    const pdf = await renderText(<FinalDemandDocument source={{ caseFile: gbCompany(), date }} />);
    const { text, lines } = pdf;
    expect(text).toContain('Manchester, 15 June 2026');
    expect(text).toContain('Jane Porter');
    expect(text).toContain('Acme Widgets Ltd');
    expect(text).toContain('Letter before action – unpaid invoices PD-0142');
    expect(text).toContain('It concerns the sum of £3,019.53 that Acme Widgets Ltd owes Jane Porter.');
    expect(text).toContain('Practice Direction – Pre-Action Conduct and Protocols');
    for (const heading of ['1. Basis of the claim', '2. Summary of the facts', '3. What we want', '4. How the amount is calculated']) expect(text).toContain(heading);
    expect(text).toContain('invoice PD-0142 of 2 March 2026, due on 1 April 2026: £2,880.00, of which £2,880.00 is unpaid');
    // statutory interest and fixed compensation under the 1998 Act: 2,880 × 11.75 % × 75 / 365 = 69.53; £70 (s.5A band £1,000–£9,999.99)
    expect(text).toContain('Interest under the Late Payment of Commercial Debts (Interest) Act 1998');
    expect(text).toContain('at 11.75% a year (Bank of England Bank Rate 3.75% on 31 December 2025 + 8 percentage points = 11.75%), from 2 April 2026 to 15 June 2026: £69.53.');
    expect(text).toContain('Fixed compensation for recovery costs (Late Payment of Commercial Debts (Interest) Act 1998 s.5A): £70.00.');
    expect(lines).toContain('Total claimed £3,019.53');
    // 15 June + 14 days
    expect(text).toContain('within 14 days of the date of this letter, that is by 29 June 2026');
    expect(text).toMatch(/alternative dispute resolution, such as negotiation or mediation/);
    expect(text).toContain('we may issue court proceedings against you without further notice');
    expect(text).toContain('Yours sincerely,');
    expect(text).toContain('To discuss this matter, contact Jane Porter at jane@porter.example or on +44 161 496 0000.');
    // the statement of account, in the same PDF
    expect(text).toContain('Enclosures 1. Statement of account as of 15 June 2026');
    expect(lines).toContain('2 April 2026 15 June 2026 75 11.75% £2,880.00 £69.53');
  });

  it('in Hebrew for a Hebrew-speaking reader: the same letter, right to left, the English term in parentheses', async () => {
    const t = translator('he');
    const pdf = await renderText(<FinalDemandDocument source={{ caseFile: gbCompany(), date }} t={t} />);
    const has = (s: string) => expect(pdf.bare).toContain(letters(s));
    has('מכתב התראה לפני הגשת תביעה');
    has('letter before action');
    has('Pre-Action Conduct');
    has(`כלומר עד ${t.date('2026-06-29')}`);
    has('בתוך 14 ימים מתאריך מכתב זה');
    has('יישוב סכסוכים בדרך חלופית');
    has('ללא הודעה נוספת');
    has('Acme Widgets Ltd');
    has('Jane Porter');
    // amounts: the figures (the pound sign may sit on either side after extraction)
    expect(pdf.flat).toContain('3,019.53');
    expect(pdf.flat).toContain('69.53');
  });
});
