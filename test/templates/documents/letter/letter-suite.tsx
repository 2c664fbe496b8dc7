import { beforeAll, describe, expect, it } from 'vitest';
import { renderPdf } from '../../../../functions/documents/render-pdf.ts';
import { LetterDocument } from '../../../../templates/documents/letter/LetterDocument.tsx';
import { letterProfiles } from '../../../../templates/documents/letter/letter-profiles.ts';
import type { LetterSource } from '../../../../templates/documents/letter/letter-source.ts';
import { letterSubject } from '../../../../templates/documents/letter/letter-subject.ts';
import { letterView, type LetterView } from '../../../../templates/documents/letter/letter-view.ts';
import { interestForInvoices, type InterestSummary } from '../../../../templates/domain/interest/interest-for-invoices.ts';
import { invoiceTotals } from '../../../../templates/domain/invoice/invoice-totals.ts';
import { planInstalments } from '../../../../templates/domain/plans/plan-instalments.ts';
import type { LetterTemplate } from '../../../../templates/domain/schemas/ladder.ts';
import { addCalendarDays, addCalendarMonths } from '../../../../templates/domain/time/plain-date.ts';
import { translator, type Translator } from '../../../../templates/i18n/translator.ts';
import { exampleSource, letterTemplates, type ExampleLanguage } from './letter-fixtures.ts';
import { comparable, pdfText } from './pdf-text.ts';

interface Rendered {
  source: LetterSource;
  t: Translator;
  view: LetterView;
  text: string;
}

/**
 * Renders every stage's letter once for the example case of `lang` (in the debtor's language)
 * and checks what a reader checks in the PDF's extracted text: the parties, the subject, the
 * letter date, the amounts and dates as the locale writes them, the figures of the interest
 * engine for overdue letters (computed here with the engine itself), each stage's own date or
 * offer, and the way to get in touch. Hebrew is compared in logical order (see `comparable`).
 */
export function letterSuite(lang: ExampleLanguage): void {
  const rendered = new Map<LetterTemplate, Rendered>();

  beforeAll(async () => {
    for (const template of letterTemplates) {
      const source = exampleSource(lang, template);
      const t = translator(source.caseFile.debtor.language);
      const pdf = await renderPdf(<LetterDocument source={source} t={t} />);
      rendered.set(template, { source, t, view: letterView(source, t), text: pdfText(pdf) });
    }
  }, 60_000);

  const get = (template: LetterTemplate): Rendered => rendered.get(template)!;
  /** asserts that the PDF's text contains `expected`, compared as `comparable` says */
  const expectPrinted = (r: Rendered, expected: string) => {
    const text = comparable(r.text, r.t.dir);
    expect(text, `"${expected}" in the ${r.source.stage.template} letter`).toContain(comparable(expected, r.t.dir));
  };

  describe(`${lang}: every stage's letter`, () => {
    it.each(letterTemplates)('%s names both parties, the subject, the letter date and ends with the contact line', (template) => {
      const r = get(template);
      const { caseFile, date } = r.source;
      expectPrinted(r, caseFile.creditor.legalName);
      expectPrinted(r, caseFile.debtor.legalName);
      expectPrinted(r, letterSubject(r.source, r.t));
      expectPrinted(r, r.t.date(date));
      expectPrinted(r, caseFile.creditor.emails[0]!);
      expectPrinted(r, r.view.contact);
      // the contact line is the last thing in the letter: only the last page's footer follows it
      const text = comparable(r.text, r.t.dir);
      const contact = comparable(r.view.contact, r.t.dir);
      const after = text.slice(text.lastIndexOf(contact) + contact.length).trim();
      const pages = r.text.split('\f').filter((page) => page.trim()).length;
      expect(after).toBe(comparable(r.t.t('common.page', { page: pages, total: pages }), r.t.dir));
    });

    it.each(letterTemplates.filter((t) => t !== 'instalment-reminder'))('%s quotes the balance of the invoice on the letter date', (template) => {
      const r = get(template);
      const invoice = r.source.caseFile.invoices[0]!;
      const totals = invoiceTotals(invoice, r.source.date);
      expectPrinted(r, r.t.money(totals.balance));
      if (template !== 'payment-plan-offer') {
        expectPrinted(r, invoice.number);
        expectPrinted(r, r.t.date(invoice.dueDate, 'short'));
        expectPrinted(r, r.t.money(totals.gross));
      }
    });

    const overdueLetters = letterTemplates.filter((t) => letterProfiles[t].charges !== 'none');
    it.each(overdueLetters)('%s quotes the interest to the letter date and the fixed compensation from the interest engine', (template) => {
      const r = get(template);
      const summary = engine(r.source);
      expect(Number(summary.totals.interest.amount)).toBeGreaterThan(0);
      expectPrinted(r, r.t.money(summary.totals.interest));
      if (Number(summary.totals.fixedCompensation.amount) > 0) expectPrinted(r, r.t.money(summary.totals.fixedCompensation));
      if (letterProfiles[template].charges === 'claim') expectPrinted(r, r.t.money(summary.totals.amountDue));
    });

    it('pre-due and due-today name the due date and claim no interest', () => {
      for (const template of ['pre-due', 'due-today'] as const) {
        const r = get(template);
        expectPrinted(r, r.t.date(r.source.caseFile.invoices[0]!.dueDate));
        expect(r.view.blocks.some((b) => b.kind === 'table' && b.columns.length === 7)).toBe(false);
      }
    });

    it.each(['overdue-firm', 'overdue-stern', 'invoice-resent', 'credit-reporting', 'final-demand', 'instalment-missed'] as const)(
      '%s gives a deadline counted from the letter date',
      (template) => {
        const r = get(template);
        expectPrinted(r, r.t.date(addCalendarDays(r.source.date, letterProfiles[template].respondDays!)));
      },
    );

    it('the ultimatum names the suspension date: letter date + 7 days', () => {
      const r = get('ultimatum');
      expectPrinted(r, r.t.date(addCalendarDays(r.source.date, 7)));
    });

    it('the payment-plan offer lists the balance as 3 monthly instalments from planInstalments', () => {
      const r = get('payment-plan-offer');
      const balance = invoiceTotals(r.source.caseFile.invoices[0]!, r.source.date).balance;
      const instalments = planInstalments(balance, { count: 3, firstDueDate: addCalendarMonths(r.source.date, 1), frequency: 'monthly' });
      for (const i of instalments) {
        expectPrinted(r, r.t.money(i.amount));
        expectPrinted(r, r.t.date(i.dueDate, 'short'));
      }
      expectPrinted(r, r.t.date(addCalendarDays(r.source.date, 14)));
    });

    it('the settlement offer accepts the balance in full and final settlement of the balance with its charges, for 14 days', () => {
      const r = get('settlement-offer');
      const summary = engine(r.source);
      expectPrinted(r, r.t.money(summary.totals.outstandingPrincipal));
      expectPrinted(r, r.t.money(summary.totals.amountDue));
      expectPrinted(r, r.t.date(addCalendarDays(r.source.date, 14)));
    });

    it('the promise-to-pay confirmation confirms the promised date', () => {
      const r = get('promise-confirmation');
      expectPrinted(r, r.t.date(r.source.promise!.date));
    });

    it('the instalment reminder names the next instalment, its amount and date; the missed-instalment letter the one missed', () => {
      const reminder = get('instalment-reminder');
      const next = reminder.source.paymentPlan!.instalments.find((i) => i.dueDate >= reminder.source.date)!;
      expectPrinted(reminder, reminder.t.money(next.amount));
      expectPrinted(reminder, reminder.t.date(next.dueDate));
      const missed = get('instalment-missed');
      const last = [...missed.source.paymentPlan!.instalments].reverse().find((i) => i.dueDate < missed.source.date)!;
      expect(last.number).toBe(2);
      expectPrinted(missed, missed.t.money(last.amount));
      expectPrinted(missed, missed.t.date(last.dueDate));
    });

    it('the final demand states the contract, the work, the payments and what happens next', () => {
      const r = get('final-demand');
      const { contract, invoices } = r.source.caseFile;
      expectPrinted(r, contract!.number);
      expectPrinted(r, r.t.date(contract!.date));
      expectPrinted(r, contract!.scope.slice(0, 40));
      for (const p of invoices[0]!.payments) {
        expectPrinted(r, r.t.money(p.amount));
        expectPrinted(r, r.t.date(p.date));
      }
      for (const block of r.view.blocks.filter((b) => b.kind === 'para').slice(-3)) expectPrinted(r, block.text);
    });
  });
}

/** The interest engine asked directly for the example's one invoice, as a letter asks it. */
function engine(source: LetterSource): InterestSummary {
  const { caseFile, date } = source;
  const invoice = caseFile.invoices[0]!;
  return interestForInvoices([
    {
      reference: invoice.number,
      principal: invoiceTotals(invoice).gross,
      dueDate: invoice.dueDate,
      until: date,
      payments: invoice.payments.filter((p) => p.date <= date),
      jurisdiction: caseFile.jurisdiction,
      debtor: caseFile.debtor.kind,
      terms: caseFile.contract!.latePayment,
    },
  ]);
}
