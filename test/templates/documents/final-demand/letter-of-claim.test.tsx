import { describe, expect, it } from 'vitest';
import { FinalDemandDocument } from '../../../../templates/documents/final-demand/FinalDemandDocument.tsx';
import { finalDemandView } from '../../../../templates/documents/final-demand/final-demand-view.ts';
import { translator } from '../../../../templates/i18n/translator.ts';
import { renderText } from '../statement/pdf-text.ts';
import { gbIndividual, gbSoleTrader } from './demand-cases.ts';

const date = '2026-06-15';

describe('letter of claim (England & Wales, individual debtor: Pre-Action Protocol for Debt Claims)', () => {
  it('in English: the eight points of PAP 3.1, 30 days, and the four annexes in the same PDF', async () => {
    const pdf = await renderText(<FinalDemandDocument source={{ caseFile: gbIndividual(), date }} />);
    const { text, lines } = pdf;
    expect(text).toContain('Letter of claim under the Pre-Action Protocol for Debt Claims – debt owed to Jane Porter');
    expect(text).toContain('Sarah Collins');
    expect(text).toContain('Dear Sarah Collins,');
    // 30 days from the date at the top of the letter: 15 June + 30 = 15 July 2026
    expect(text).toContain('Please reply within 30 days of the date at the top of this letter, that is by 15 July 2026');
    // (a) amount: 2,880 − 880 paid = 2,000; contract interest 8 %: 2,880 × 0.08 × 34/365 (2 Apr–5 May) = 21.46…
    //     + 2,000 × 0.08 × 41/365 (6 May–15 Jun) = 17.97… → 39.43 (rounded once); 2,000 + 39.43 = 2,039.43
    expect(text).toContain('1. The amount of the debt You owe £2,039.43, made up as follows:');
    expect(lines).toContain('Interest to 15 June 2026 £39.43');
    // (b) interest continuing
    expect(text).toContain('Interest is being added as agreed in the contract at 8% a year. It amounts to £39.43 up to 15 June 2026 and continues to be added');
    // (c)/(d) written agreement, copy on request
    expect(text).toContain('The debt arises under a written agreement, contract C-2026-007 of 12 January 2026 (Brand identity and website design), made between Jane Porter and Sarah Collins. You can ask us for a copy of the agreement at any time.');
    // (e) assignment, (f) instalments, (g) how to pay, (h) where to send the Reply Form
    expect(text).toContain('The debt has not been assigned: Jane Porter is the original creditor.');
    expect(text).toContain('5 May 2026: £880.00 (invoice PD-0142)');
    expect(text).toContain('If you want to propose one, please fill in the Reply Form and the Financial Statement');
    expect(text).toContain('Sort code 20-00-00, account 12345678');
    expect(text).toContain('To discuss payment options, contact us at jane@porter.example or on +44 161 496 0000.');
    expect(text).toContain('Please send the completed Reply Form to Jane Porter, 12 Canal Street, M1 3HE Manchester, United Kingdom, or by e-mail to jane@porter.example.');
    expect(text).toContain('we will give you at least 14 days\' notice before starting proceedings');

    // the annexes, each on its own page after the letter
    expect(text).toContain('Annex 1: Statement of account as of 15 June 2026');
    expect(lines).toContain('2 April 2026 5 May 2026 34 8% £2,880.00 £21.46');
    expect(lines).toContain('6 May 2026 15 June 2026 41 8% £2,000.00 £17.97');
    expect(text).toContain('Annex 2: Information Sheet');
    expect(text).toContain('Free, independent and confidential debt advice is available');
    expect(text).toContain('Annex 3: Reply Form');
    for (const box of ['A I accept that I owe the debt', 'B I accept that I owe part of the debt', 'C I do not know whether I owe the debt', 'D I dispute the debt']) {
      expect(lines).toContain(box);
    }
    expect(text).toContain('The amount I accept that I owe');
    expect(text).toContain('I am seeking debt advice');
    expect(text).toContain('Annex 4: Financial Statement');
    for (const heading of ['Monthly income', 'Monthly outgoings', 'Debts', 'Total income', 'Total outgoings', 'Rent or mortgage', 'Creditor Amount owed Monthly payment']) {
      expect(lines).toContain(heading);
    }
    expect(pdf.pages).toBeGreaterThanOrEqual(6);
  });

  it('a sole trader is an individual for the Protocol: letter of claim, with the 1998 Act interest and compensation', () => {
    const view = finalDemandView({ caseFile: gbSoleTrader(), date }, translator('en-GB'));
    const text = view.blocks.map((b) => ('text' in b ? b.text : '')).join(' ');
    expect(view.kind).toBe('letter-of-claim');
    expect(view.salutation).toBe('Dear Tom Hale,');
    expect(text).toContain('Interest is being added under the Late Payment of Commercial Debts (Interest) Act 1998');
    expect(text).toContain('Fixed compensation for recovery costs (Late Payment of Commercial Debts (Interest) Act 1998 s.5A): £70.00.');
    expect(view.annexes.map((a) => a.title)).toEqual([
      'Annex 1: Statement of account as of 15 June 2026',
      'Annex 2: Information Sheet',
      'Annex 3: Reply Form',
      'Annex 4: Financial Statement',
    ]);
  });

  it('never gives less than the Protocol\'s 30 days', () => {
    const view = finalDemandView({ caseFile: gbIndividual(), date, respondWithinDays: 14 }, translator('en-GB'));
    expect(view.days).toBe(30);
    expect(view.deadline).toBe('2026-07-15');
    expect(finalDemandView({ caseFile: gbIndividual(), date, respondWithinDays: 45 }, translator('en-GB')).deadline).toBe('2026-07-30');
  });

  it('in Hebrew: the letter, the Reply Form boxes A–D and the Financial Statement headings (layout checked on the rendered pages)', () => {
    const t = translator('he');
    const view = finalDemandView({ caseFile: gbIndividual(), date }, t);
    const text = view.blocks.map((b) => ('text' in b ? b.text : '')).join(' ');
    expect(view.title).toBe('מכתב דרישה (letter of claim)');
    expect(text).toContain(`נא להשיב בתוך 30 ימים מהתאריך שבראש מכתב זה, כלומר עד ${t.date('2026-07-15')}`);
    const [, info, reply, fs] = view.annexes;
    expect(info?.title).toBe('נספח 2: דף מידע (Information Sheet)');
    expect(reply?.type === 'form' && reply.sections.filter((s) => s.box).map((s) => `${s.box} ${s.heading}`)).toEqual([
      'A אני מסכים/ה שאני חייב/ת את החוב',
      'B אני מסכים/ה שאני חייב/ת חלק מהחוב',
      'C אינני יודע/ת אם אני חייב/ת את החוב',
      'D אני חולק/ת על החוב',
    ]);
    expect(fs?.type === 'form' && fs.sections.map((s) => s.heading)).toEqual(['הפרטים שלכם', 'הכנסות חודשיות', 'הוצאות חודשיות', 'חובות', 'היתרה וההצעה שלכם', 'חתימה']);
  });
});
