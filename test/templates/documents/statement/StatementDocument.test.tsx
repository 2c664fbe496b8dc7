import { describe, expect, it } from 'vitest';
import { computeInterest } from '../../../../templates/domain/interest/compute-interest.ts';
import { interestForInvoices } from '../../../../templates/domain/interest/interest-for-invoices.ts';
import { InterestError } from '../../../../templates/domain/interest/interest-error.ts';
import type { InterestResult } from '../../../../templates/domain/interest/interest-result.ts';
import type { CaseFile } from '../../../../templates/domain/schemas/case.ts';
import { StatementDocument } from '../../../../templates/documents/statement/StatementDocument.tsx';
import { translator, type Translator } from '../../../../templates/i18n/translator.ts';
import { exampleCase, gbCompany, ilContract, ilStatutory, ruCompany } from '../final-demand/demand-cases.ts';
import { compact, normalize, renderText } from './pdf-text.ts';

const date = '2026-06-15';

/** The engine's own result for the case's first invoice, asked directly (not through the statement). */
function engine(caseFile: CaseFile, gross: string): InterestResult {
  const invoice = caseFile.invoices[0]!;
  return computeInterest({
    reference: invoice.number,
    principal: { currency: invoice.currency, amount: gross },
    dueDate: invoice.dueDate,
    until: date,
    payments: invoice.payments.map((p) => ({ date: p.date, amount: p.amount })),
    jurisdiction: caseFile.jurisdiction,
    debtor: caseFile.debtor.kind,
    terms: caseFile.contract!.latePayment,
  });
}

/** A segment as the statement's table prints it: from, to, days, rate, base, interest. */
const cells = (t: Translator, s: InterestResult['segments'][number]) => [
  t.date(s.from),
  t.date(s.to),
  String(s.dayCount.days),
  `${t.percent(s.rate.percent)}${s.provisional ? '*' : ''}`,
  t.money(s.base),
  t.money(s.interest),
];

describe('StatementDocument', () => {
  it('English (GB): invoices, the interest table row by row from the engine, compensation and the total claimed', async () => {
    const t = translator('en-GB');
    const caseFile = gbCompany();
    const pdf = await renderText(<StatementDocument source={{ caseFile, date }} t={t} />);
    const result = engine(caseFile, '2880.00');

    expect(pdf.text).toContain('Statement of account as of 15 June 2026');
    expect(pdf.text).toContain('Jane Porter');
    expect(pdf.text).toContain('Acme Widgets Ltd');
    expect(pdf.lines).toContain('PD-0142 2 March 2026 1 April 2026 £2,880.00 £0.00 £2,880.00');
    expect(pdf.text).toContain('No payment received up to 15 June 2026.');

    // every engine segment is one table row, cell for cell
    expect(result.segments.length).toBeGreaterThan(0);
    for (const s of result.segments) expect(pdf.lines).toContain(cells(t, s).join(' '));
    // by hand: Bank Rate 3.75 % on 31 Dec 2025 + 8 = 11.75 %, fixed for the whole delay;
    // 2 April – 15 June 2026 = 29 + 31 + 15 = 75 days; 2,880 × 0.1175 × 75 / 365 = 69.5342… → £69.53
    expect(pdf.lines).toContain('2 April 2026 15 June 2026 75 11.75% £2,880.00 £69.53');
    expect(pdf.text).toContain('Bank of England Bank Rate 3.75% on 31 December 2025 + 8 percentage points = 11.75%');

    expect(pdf.text).toContain('Rule applied: Late Payment of Commercial Debts (Interest) Act 1998');
    expect(pdf.text).toContain('SI 2002/1675');
    // s.5A: a debt from £1,000 to under £10,000 → £70
    expect(pdf.text).toMatch(/Fixed compensation for recovery costs, invoice PD-0142 \(Late Payment of Commercial Debts \(Interest\) Act 1998 s\.5A\) £70\.00/);
    // 2,880.00 + 69.53 + 70.00 = 3,019.53
    expect(pdf.lines).toContain('Total claimed £3,019.53');
    expect(pdf.text).toContain('Interest continues to accrue after 15 June 2026 on the unpaid balance until payment.');
    expect(pdf.text).toContain('jane@porter.example');
  });

  it('Russian: two segments around the part payment, the payment table and the engine warning, in Russian', async () => {
    const t = translator('ru');
    const caseFile = ruCompany();
    const pdf = await renderText(<StatementDocument source={{ caseFile, date }} t={t} />);
    const result = engine(caseFile, '150000.00');

    expect(pdf.text).toContain('Расчёт задолженности на 15 июня 2026 г.');
    expect(pdf.text).toContain('ООО «Север»');
    expect(pdf.lines).toContain(normalize(`20 апреля 2026 г. 12 ${t.money({ currency: 'RUB', amount: '50000.00' })}`));
    expect(result.segments).toHaveLength(2);
    for (const s of result.segments) expect(pdf.lines).toContain(normalize(cells(t, s).join(' ')));
    // by hand: key rate 15 % (table ends 23.03.2026, so the segments are provisional, marked *);
    // 12–20 April = 9 days on 150,000: 150000 × 0.15 × 9 / 365 = 554.79; 21 April – 15 June = 56 days on 100,000: 2,301.37
    expect(pdf.lines).toContain(normalize('12 апреля 2026 г. 20 апреля 2026 г. 9 15 %* 150 000,00 ₽ 554,79 ₽'));
    expect(pdf.text).toContain(normalize('Итого к оплате 102 856,16 ₽'));
    expect(pdf.text).toContain('ст. 395');
    expect(result.warnings.map((w) => w.code)).toContain('rate-beyond-table');
    expect(pdf.text).toContain('Счёт № 12: ключевая ставка Банка России подтверждена по 23 марта 2026 г.');
    expect(pdf.text).toContain('* Ставка принята условно');
  });

  it('Hebrew: right-to-left, the segments table mirrored (cells read right to left on the page)', async () => {
    const t = translator('he');
    const caseFile = ilContract();
    const pdf = await renderText(<StatementDocument source={{ caseFile, date }} t={t} />);
    const result = engine(caseFile, '7080.00');

    expect(pdf.flat).toContain(compact(`דף חשבון נכון ליום ${t.date(date)}`));
    expect(pdf.flat).toContain(compact('כהן שיווק בע"מ'));
    expect(pdf.flat).toContain(compact('נועה לוי'));
    // 1 % a month = 12 % a year; 1 May – 15 June = 31 + 15 = 46 days; 7,080 × 0.12 × 46 / 365 = 107.0728… → 107.07
    expect(result.segments.map((s) => [s.days, s.rate.percent, s.interest.amount])).toEqual([[46, '12.00', '107.07']]);
    const shekel = (s: string) => s.replace(/₪/g, '');
    for (const s of result.segments) {
      const mirrored = compact(shekel([...cells(t, s)].reverse().join('')));
      expect(pdf.lines.map((l) => shekel(compact(l)))).toContain(mirrored);
    }
    expect(pdf.flat).toContain(compact('הכלל שהוחל: ריבית פיגורים שהוסכמה בחוזה'));
    expect(pdf.flat).toContain('7,187.07');
  });

  it('when the engine refuses (Israeli statutory interest), prints the balances and its message, no interest figure', async () => {
    const t = translator('en');
    const caseFile = ilStatutory();
    let message = '';
    try {
      interestForInvoices([
        { reference: '1042', principal: { currency: 'ILS', amount: '7080.00' }, dueDate: caseFile.invoices[0]!.dueDate, until: date, jurisdiction: 'IL', terms: caseFile.contract!.latePayment },
      ]);
    } catch (error) {
      expect(error).toBeInstanceOf(InterestError);
      message = (error as Error).message;
    }
    expect(message).toMatch(/Amendment 9/);
    const pdf = await renderText(<StatementDocument source={{ caseFile, date }} t={t} />);
    expect(pdf.text).toContain('No interest figure is given: the rate needed for the calculation is not available.');
    // the message quotes Hebrew terms, which pdftotext reorders: compare the English before and after them
    const hebrew = /[\u0590-\u05FF][^A-Za-z]*[\u0590-\u05FF]/.exec(message)!;
    expect(pdf.text).toContain(normalize(`Calculation engine: ${message.slice(0, hebrew.index)}`));
    expect(pdf.text).toContain(normalize(message.slice(hebrew.index + hebrew[0].length).replace(/^[^A-Za-z]+/, '')));
    expect(pdf.lines).toContain('Interest not calculated');
    expect(pdf.lines).toContain('Total claimed ₪7,080.00');
    expect(pdf.text).not.toMatch(/Interest to June 15, 2026/);
  });

  it('an invoice not yet due is listed but not claimed; a late payment stops the interest on what it paid', async () => {
    const t = translator('en-GB');
    const caseFile = exampleCase('en-gb-tracking', (c) => {
      c.invoices[0]!.payments = [{ date: '2026-05-01', amount: { currency: 'GBP', amount: '2880.00' } }];
      c.invoices.push({ number: 'PD-0150', issueDate: '2026-06-01', currency: 'GBP', lines: [{ description: 'Hosting', quantity: '1', unitPrice: '100.00', taxRate: '20' }] });
    });
    const pdf = await renderText(<StatementDocument source={{ caseFile, date }} t={t} />);
    // the due-date cell may wrap "(not yet due)" onto a second line
    expect(pdf.lines.some((l) => /^PD-0150 1 June 2026 1 July 2026 \(not yet( due\))? £120\.00 £0\.00 £120\.00$/.test(l))).toBe(true);
    expect(pdf.text).toMatch(/1 July 2026 \(not yet .*due\)/);
    expect(pdf.text).toContain('Invoice PD-0150 falls due on 1 July 2026: no interest yet.');
    // paid in full on 1 May: interest 2 April – 1 May = 30 days; 2,880 × 0.1175 × 30 / 365 = 27.8137… → £27.81
    expect(pdf.lines).toContain('2 April 2026 1 May 2026 30 11.75% £2,880.00 £27.81');
    expect(pdf.lines).toContain('Unpaid balance of invoices due £0.00');
    // 0 + 27.81 interest + 70.00 compensation (the debt was late) = 97.81
    expect(pdf.lines).toContain('Total claimed £97.81');
    expect(pdf.lines).toContain('Not yet due (not claimed) £120.00');
    expect(pdf.text).not.toContain('Interest continues to accrue');
  });
});
