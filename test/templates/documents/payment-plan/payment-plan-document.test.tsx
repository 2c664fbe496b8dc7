import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../../../functions/documents/render-pdf.ts';
import { PaymentPlanDocument } from '../../../../templates/documents/payment-plan/PaymentPlanDocument.tsx';
import { SettlementDocument } from '../../../../templates/documents/payment-plan/SettlementDocument.tsx';
import type { PlanSource } from '../../../../templates/documents/payment-plan/plan-view.ts';
import { invoiceTotals } from '../../../../templates/domain/invoice/invoice-totals.ts';
import type { Money } from '../../../../templates/domain/money/money.ts';
import { planInstalments } from '../../../../templates/domain/plans/plan-instalments.ts';
import { PaymentPlanSchema, type PaymentPlan } from '../../../../templates/domain/schemas/payment-plan.ts';
import type { Invoice } from '../../../../templates/domain/schemas/invoice.ts';
import { translator } from '../../../../templates/i18n/translator.ts';
import { containsMoney, containsPhrase, exampleCase, normalize, occurrences, pdfText } from '../contract/pdf-text.ts';

type Example = Parameters<typeof exampleCase>[0];

function plan(total: Money, count: number, overrides: Partial<PaymentPlan> = {}): PaymentPlan {
  return PaymentPlanSchema.parse({
    total,
    frequency: 'monthly',
    instalments: planInstalments(total, { count, firstDueDate: '2026-06-01', frequency: 'monthly' }),
    interestWaived: true,
    agreedOn: '2026-05-04',
    ...overrides,
  });
}

function sourceOf(name: Example, planFor: (balance: Money) => PaymentPlan = (b) => plan(b, 3)): PlanSource {
  const c = exampleCase(name);
  const balance = invoiceTotals(c.invoices[0]!, '2026-05-04').balance;
  return { creditor: c.creditor, debtor: c.debtor, contract: c.contract, invoices: c.invoices, plan: planFor(balance) };
}

async function render(source: PlanSource, lang: string): Promise<string> {
  return pdfText(await renderPdf(<PaymentPlanDocument source={source} t={translator(lang)} />));
}

/** Dates and amounts in Hebrew lose the spaces next to digits in pdftotext; compare without spaces. */
const loose = (text: string, expected: string) => text.replace(/ /g, '').includes(normalize(expected).replace(/ /g, ''));

/** The balance of each example's invoice on 4 May 2026 in 3 instalments, hand-checked. */
const handChecked: Record<Example, { lang: string; balance: string; instalments: string[] }> = {
  // 2400.00 + 20 % VAT = 2880.00 → 960.00 × 3
  'en-gb-tracking': { lang: 'en-GB', balance: '£2,880.00', instalments: ['£960.00', '£960.00', '£960.00'] },
  // 3360.00 + 20 % = 4032.00 → 1344.00 × 3
  'fr-pressure-scale': { lang: 'fr', balance: '4\u202f032,00\u00a0€', instalments: ['1\u202f344,00\u00a0€', '1\u202f344,00\u00a0€', '1\u202f344,00\u00a0€'] },
  // 150000.00 − 50000.00 paid = 100000.00 → 33333.34, 33333.33, 33333.33
  'ru-gentle': { lang: 'ru', balance: '100\u00a0000,00\u00a0₽', instalments: ['33\u00a0333,34\u00a0₽', '33\u00a0333,33\u00a0₽', '33\u00a0333,33\u00a0₽'] },
  // 6000.00 + 18 % = 7080.00 → 2360.00 × 3
  'he-il-pressure-scale': { lang: 'he', balance: '7,080.00 ₪', instalments: ['2,360.00 ₪', '2,360.00 ₪', '2,360.00 ₪'] },
};

describe('PaymentPlanDocument: the four example cases', () => {
  for (const name of Object.keys(handChecked) as Example[]) {
    const source = sourceOf(name);
    const checked = handChecked[name];
    for (const lang of [...new Set([source.debtor.language, 'en'])]) {
      it(`${name} in ${lang}: debt acknowledged, instalments, interest waived, missed instalment, payment, signatures`, async () => {
        const t = translator(lang);
        const text = await render(source, lang);
        const has = (s: string) => containsPhrase(text, s, lang);
        const invoice = source.invoices[0]!;
        const balance = invoiceTotals(invoice, '2026-05-04').balance;

        expect(text).toContain(normalize(source.creditor.legalName));
        expect(text).toContain(normalize(source.debtor.legalName));
        expect(text).toContain(normalize(t.t('plan.plan.title')));
        // the debt: invoice number, its balance, acknowledged
        expect(text).toContain(invoice.number);
        expect(containsMoney(text, t.money(balance))).toBe(true);
        expect(has(t.t('plan.debt.acknowledge', { balance: t.money(balance), count: 1 }))).toBe(true);
        // each instalment: number, due date, amount
        for (const inst of source.plan.instalments) {
          expect(containsMoney(text, t.money(inst.amount))).toBe(true);
          expect(loose(text, t.date(inst.dueDate))).toBe(true);
        }
        if (lang === checked.lang) {
          expect(containsMoney(text, checked.balance)).toBe(true);
          for (const amount of new Set(checked.instalments)) {
            const visual = lang === 'he' ? amount.split(' ').reverse().join(' ') : amount;
            expect(occurrences(text, visual)).toBeGreaterThanOrEqual(checked.instalments.filter((a) => a === amount).length);
          }
        }
        // interest waived while the plan is kept; what a missed instalment triggers
        expect(has(t.t('plan.interest.waived'))).toBe(true);
        expect(has(t.t('plan.missed.lead'))).toBe(true);
        for (const item of ['balance', 'reminders', 'interestRevives', 'credited'] as const) expect(has(t.t(`plan.missed.${item}`))).toBe(true);
        // how to pay: the creditor's account and the reference to quote
        const bank = source.creditor.bank!;
        if (bank.iban) expect(text).toContain(bank.iban.replace(/(.{4})/g, '$1 ').trim());
        if (bank.details) expect(containsPhrase(text, bank.details, /[\u0590-\u05ff]/.test(bank.details) ? 'he' : lang)).toBe(true);
        expect(has(t.t('plan.payment.reference', { reference: invoice.number }))).toBe(true);
        // signatures of both parties, and a way to get in touch
        for (const label of ['signature', 'date'] as const) expect(occurrences(text, t.t(`contract.signatures.${label}`))).toBeGreaterThanOrEqual(2);
        expect(text).toContain(source.creditor.emails[0]);
      });
    }
  }
});

describe('PaymentPlanDocument: plans beyond the examples', () => {
  const gb = exampleCase('en-gb-tracking');
  const tenThousand: Invoice = { ...gb.invoices[0]!, number: 'PD-0150', lines: [{ description: 'Website build', quantity: '1', unitPrice: '10000.00', taxRate: '0' }] };
  const twenty = (lang: string) =>
    render({ creditor: gb.creditor, debtor: gb.debtor, contract: gb.contract, invoices: [tenThousand], plan: plan({ currency: 'GBP', amount: '10000.00' }, 20) }, lang);

  it('10,000 in 20 monthly instalments: 20 rows of 500, from June 2026 to January 2028, and the missed-instalment clause', async () => {
    const text = await twenty('en-GB');
    // 10,000.00 / 20 = 500.00 exactly, every row
    expect(occurrences(text, '£500.00')).toBe(20);
    expect(text).toContain('The Debtor will pay £10,000.00 in 20 monthly instalments, on the dates below:');
    for (let n = 1; n <= 20; n++) expect(text).toMatch(new RegExp(`(^| )${n} \\d{1,2} [A-Z][a-z]+ 202[678] £500\\.00`));
    expect(text).toContain('1 June 2026 £500.00');
    expect(text).toContain('20 1 January 2028 £500.00');
    expect(text).toContain('Total £10,000.00');
    expect(text).toContain('If an instalment has not been received in full by its due date, the Creditor will notify the Debtor in writing, and:');
    expect(text).toContain('(a) the whole balance still owed under this agreement falls due immediately;');
    expect(text).toContain('the Creditor may claim late-payment interest and fixed compensation calculated from the original due date of each invoice');
  });

  it('the same plan in Hebrew: 20 rows of £500.00 and the missed-instalment clause', async () => {
    const text = await twenty('he');
    // Hebrew writes the amount before the sign (500.00 £); pdftotext returns that run in visual order
    expect(translator('he').money({ currency: 'GBP', amount: '500.00' })).toBe('\u200f500.00\u00a0\u200f£');
    expect(occurrences(text, '£ 500.00')).toBe(20);
    expect(containsPhrase(text, 'החייב ישלם £10,000.00 ב-20 תשלומים חודשיים, במועדים שלהלן', 'he')).toBe(true);
    expect(text).toMatch(/ 20 1ב?ינואר 2028 £ 500\.00/);
    expect(text).toContain('לא התקבל תשלום במלואו עד למועדו');
    expect(text).toContain('מלוא היתרה שטרם נפרעה לפי הסכם זה תעמוד לפירעון מיידי');
  });

  it('a plan that adds accrued interest, without a waiver, says so; a plan for part of the debt keeps the rest due', async () => {
    const source = sourceOf('en-gb-tracking', () => plan({ currency: 'GBP', amount: '3000.00' }, 2, { interestWaived: false }));
    const text = await render(source, 'en-GB');
    // 3,000.00 − 2,880.00 = 120.00 of interest and charges
    expect(text).toContain('In addition, £120.00 of late-payment interest and charges accrued up to the date of this agreement is included, bringing the amount payable under this agreement to £3,000.00.');
    expect(text).toContain('Late-payment interest continues to run on the unpaid balance');
    expect(text).not.toContain('the waiver of interest ends');
    expect(occurrences(text, '£1,500.00')).toBe(2);
    const partial = await render(sourceOf('fr-pressure-scale', () => plan({ currency: 'EUR', amount: '3000.00' }, 2)), 'fr');
    // 4 032,00 − 3 000,00 = 1 032,00 stays due
    expect(partial).toContain('Le présent accord porte sur 3 000,00 € de cette somme ; le solde de 1 032,00 € reste dû aux conditions initiales.');
  });
});

describe('SettlementDocument', () => {
  it('accept 2,000.00 in full and final settlement of 4,032.00 if paid by 15 June 2026 (French)', async () => {
    const c = exampleCase('fr-pressure-scale');
    const pdf = await renderPdf(
      <SettlementDocument
        source={{
          creditor: c.creditor,
          debtor: c.debtor,
          contract: c.contract,
          invoices: c.invoices,
          settlement: { accept: { currency: 'EUR', amount: '2000.00' }, inFullOf: { currency: 'EUR', amount: '4032.00' }, payBy: '2026-06-15', offeredOn: '2026-05-04' },
        }}
        t={translator('fr')}
      />,
    );
    const text = pdfText(pdf);
    expect(text).toContain('Accord de règlement amiable');
    expect(text).toContain('Le Créancier accepte de recevoir 2 000,00 € en règlement intégral et définitif de la dette de 4 032,00 €, à condition que la somme de 2 000,00 € soit intégralement reçue au plus tard le 15 juin 2026.');
    // 4 032,00 − 2 000,00 = 2 032,00 waived on payment
    expect(text).toContain('le Créancier renonce au surplus de la dette (2 032,00 €)');
    expect(text).toContain('le présent accord devient caduc : la totalité de la dette de 4 032,00 € reste due');
    expect(text).toContain('FR76 3000 6000 0112 3456 7890 189');
    expect(occurrences(text, 'Signature')).toBeGreaterThanOrEqual(3);
  });

  it('in Hebrew, in logical order', async () => {
    const c = exampleCase('he-il-pressure-scale');
    const text = pdfText(
      await renderPdf(
        <SettlementDocument
          source={{
            creditor: c.creditor,
            debtor: c.debtor,
            invoices: c.invoices,
            settlement: { accept: { currency: 'ILS', amount: '5000.00' }, inFullOf: { currency: 'ILS', amount: '7080.00' }, payBy: '2026-06-15' },
            date: '2026-05-04',
          }}
          t={translator('he')}
        />,
      ),
    );
    expect(text).toContain('הסכם פשרה לסילוק חוב');
    expect(text).toContain('לסילוק מלא וסופי של החוב בסך');
    expect(text).toContain('₪ 5,000.00');
    expect(text).toContain('₪ 2,080.00');
    expect(text).toContain('ולראיה באו הצדדים על החתום');
  });
});
