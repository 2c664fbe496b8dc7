import { beforeAll, describe, expect, it } from 'vitest';
import { renderPdf } from '../../../../functions/documents/render-pdf.ts';
import { LetterDocument } from '../../../../templates/documents/letter/LetterDocument.tsx';
import { letterSubject } from '../../../../templates/documents/letter/letter-subject.ts';
import { letterView, type LetterBlock, type LetterView } from '../../../../templates/documents/letter/letter-view.ts';
import type { CaseFile } from '../../../../templates/domain/schemas/case.ts';
import { letterTemplates } from '../../../../templates/domain/schemas/ladder.ts';
import { addCalendarDays } from '../../../../templates/domain/time/plain-date.ts';
import { translator } from '../../../../templates/i18n/translator.ts';
import { exampleCase, exampleSource, languages } from './letter-fixtures.ts';
import { comparable, pdfText } from './pdf-text.ts';

const paras = (view: LetterView) => view.blocks.flatMap((b) => (b.kind === 'para' ? [b.text] : []));
const sums = (view: LetterView) => view.blocks.find((b): b is Extract<LetterBlock, { kind: 'sums' }> => b.kind === 'sums')!.rows;
const en = translator('en-GB');

function withTerms(caseFile: CaseFile, latePayment: NonNullable<CaseFile['contract']>['latePayment']): CaseFile {
  return { ...caseFile, contract: { ...caseFile.contract!, latePayment } };
}

describe('when the interest engine has no figure', () => {
  // Israeli statutory interest needs the CPI and the Accountant General's rates: the engine throws
  // RateUnavailableError, and the letter names the rule without a figure (shared/LEGAL.md §6.1)
  const caseFile = withTerms(exampleCase('he'), { interest: { kind: 'statutory' }, fixedCompensation: false, penaltyClause: false });
  const source = { ...exampleSource('he', 'overdue-firm', caseFile) };
  const he = translator('he');
  const view = letterView(source, he);
  let text = '';
  beforeAll(async () => {
    text = pdfText(await renderPdf(<LetterDocument source={source} t={he} />));
  });

  it('prints the balance and the rule, says the amount is calculated on payment, and asks for the balance', () => {
    expect(sums(view)).toEqual([{ label: 'יתרה לתשלום', value: he.money({ currency: 'ILS', amount: '7080.00' }), strong: true }]);
    const rule = he.t('letters.interest.basis.IL');
    expect(paras(view)).toContain(`${rule} ${he.t('letters.interest.unavailable')}`);
    expect(view.blocks.some((b) => b.kind === 'table' && b.columns.length === 7)).toBe(false);
    expect(comparable(text, 'rtl')).toContain(comparable(rule, 'rtl'));
    expect(comparable(text, 'rtl')).toContain(comparable(`נבקשכם לשלם ${he.money({ currency: 'ILS', amount: '7080.00' })}`, 'rtl'));
  });
});

describe('when the statute does not apply to the debtor', () => {
  // the Late Payment Act is business-to-business only: against a consumer the engine throws
  // InterestNotApplicableError and the letter claims nothing beyond the balance
  const base = exampleCase('en');
  const caseFile: CaseFile = { ...base, debtor: { ...base.debtor, kind: 'consumer', contactName: undefined, legalName: 'Sam Hale' } };
  const view = letterView(exampleSource('en', 'final-demand', caseFile), en);

  it('quotes the balance only and addresses the consumer formally', () => {
    expect(sums(view)).toEqual([{ label: 'Outstanding balance', value: '£2,880.00', strong: true }]);
    expect(paras(view).join(' ')).not.toMatch(/Late Payment|statutory interest|compensation/i);
    expect(paras(view)).toContain('We therefore demand payment of £2,880.00 by 30 May 2026.');
    expect(view.salutation).toBe('Dear Sir or Madam,');
  });
});

describe('offers', () => {
  it('a settlement with nothing accrued is worded as a waiver of interest and costs', () => {
    const caseFile = withTerms(exampleCase('en'), { interest: { kind: 'none' }, fixedCompensation: false, penaltyClause: false });
    const view = letterView(exampleSource('en', 'settlement-offer', caseFile), en);
    expect(paras(view)[0]).toBe(
      'To bring this matter to a close, we are prepared to accept £2,880.00 in full and final settlement, without any interest or recovery costs, provided that the payment reaches us by 25 May 2026.',
    );
  });

  it('a settlement given by the owner is quoted as given', () => {
    const source = { ...exampleSource('en', 'settlement-offer'), settlement: { accept: { currency: 'GBP', amount: '2000.00' }, inFullOf: { currency: 'GBP', amount: '2880.00' }, payBy: '2026-05-31' } };
    const view = letterView(source, en);
    expect(paras(view)[0]).toBe('To bring this matter to a close, we are prepared to accept £2,000.00 in full and final settlement of the £2,880.00 now owed, provided that the payment reaches us by 31 May 2026.');
    expect(letterSubject(source, en)).toBe('Settlement offer for invoice PD-0142, valid until 31 May 2026');
  });

  it('a plan that keeps interest running says so', () => {
    const source = exampleSource('en', 'payment-plan-offer');
    const plan = { total: { currency: 'GBP', amount: '2880.00' }, frequency: 'monthly' as const, interestWaived: false, instalments: [1, 2].map((n) => ({ number: n, dueDate: `2026-0${5 + n}-01`, amount: { currency: 'GBP', amount: '1440.00' } })) };
    const view = letterView({ ...source, paymentPlan: plan }, en);
    expect(paras(view)).toContain('Interest continues to run on the unpaid balance while the plan is in progress.');
    expect(view.subject).toBe('Proposal: pay invoice PD-0142 in 2 instalments');
  });

  it('the ultimatum counts the stage’s own suspension period and recalls the contract’s release-on-payment clause', () => {
    const source = { ...exampleSource('en', 'ultimatum'), stage: { template: 'ultimatum' as const, suspendAfterDays: 10 } };
    const view = letterView(source, en);
    expect(view.subject).toBe(`Services will be suspended on ${en.date(addCalendarDays(source.date, 10))} unless invoice PD-0142 is paid`);
    expect(paras(view)).toContain('As agreed in our contract, deliverables are released only once they have been paid for.');
  });
});

describe('several invoices', () => {
  const base = exampleCase('ru');
  const second = { ...base.invoices[0]!, number: '13', payments: [] };
  const caseFile: CaseFile = { ...base, invoices: [base.invoices[0]!, second] };

  it('each earn their own fixed compensation (£70 + £70 under the Late Payment Act)', () => {
    const gb = exampleCase('en');
    const two: CaseFile = { ...gb, invoices: [gb.invoices[0]!, { ...gb.invoices[0]!, number: 'PD-0143' }] };
    const view = letterView(exampleSource('en', 'overdue-firm', two), en);
    expect(view.subject).toBe('Second reminder: invoices PD-0142 and PD-0143 overdue since 1 April 2026');
    expect(sums(view)).toEqual([
      { label: 'Outstanding balance', value: '£5,760.00' },
      { label: 'Interest to 8 April 2026', value: '£12.98' },
      { label: 'Fixed compensation for recovery costs', value: '£140.00' },
      { label: 'Total due on 8 April 2026', value: '£5,912.98', strong: true },
    ]);
    expect(paras(view).join(' ')).toContain('fixed compensation for recovery costs of £140.00 (2 invoices)');
  });

  it('are listed and counted with Russian plurals', () => {
    const ru = translator('ru');
    const view = letterView(exampleSource('ru', 'overdue-stern', caseFile), ru);
    expect(view.subject).toBe(`Просроченная задолженность: счета № 12 и 13 необходимо оплатить не позднее ${ru.date(addCalendarDays(exampleSource('ru', 'overdue-stern').date, 7))}`);
    expect(view.references).toContain('Счета № 12 и 13');
    const table = view.blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.rows.map((r) => r[0])).toEqual(['12', '13']);
    expect(sums(view)[0]!.value.replace(/\s/g, ' ')).toBe('250 000,00 ₽');
  });
});

describe('sources a letter cannot be written from', () => {
  it('refuse with a message that says what is missing', () => {
    const source = exampleSource('en', 'overdue-firm');
    expect(() => letterView({ ...source, stage: { template: 'promise-confirmation' } }, en)).toThrowErrorMatchingInlineSnapshot(
      `[LetterSourceError: A promise-confirmation letter needs source.promise.date, the date the debtor promised to pay by]`,
    );
    expect(() => letterView({ ...source, stage: { template: 'instalment-missed' } }, en)).toThrowErrorMatchingInlineSnapshot(
      `[LetterSourceError: An instalment-missed letter needs source.paymentPlan, the agreed plan]`,
    );
    const paid = exampleCase('en');
    paid.invoices[0]!.payments.push({ date: '2026-04-05', amount: { currency: 'GBP', amount: '2880.00' } });
    expect(() => letterView(exampleSource('en', 'overdue-firm', paid), en)).toThrowErrorMatchingInlineSnapshot(
      `[LetterSourceError: Nothing is left to pay on 2026-04-08: every invoice of the case is paid, so there is no letter to write]`,
    );
  });
});

describe('every stage in every language', () => {
  it('has a subject equal to letterSubject, no doubled full stops and no unfilled placeholder', () => {
    for (const lang of languages) {
      for (const template of letterTemplates) {
        const source = exampleSource(lang, template);
        const t = translator(source.caseFile.debtor.language);
        const view = letterView(source, t);
        expect(view.subject).toBe(letterSubject(source, t));
        const all = [view.subject, view.salutation, view.closing, view.contact, ...view.references, ...paras(view)].join('\n');
        expect(all, `${lang} ${template}`).not.toMatch(/(?<!\.)\.\.(?!\.)|[{}]|undefined|NaN/);
      }
    }
  });
});
