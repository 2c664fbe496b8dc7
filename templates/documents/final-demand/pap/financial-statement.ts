import type { DemandAnnex, FormItem } from '../demand-block.ts';
import type { DemandFacts } from '../demand-facts.ts';

const income = ['wages', 'selfEmployed', 'benefits', 'pensions', 'household', 'otherIncome'] as const;
const outgoings = ['housing', 'councilTax', 'energy', 'water', 'phone', 'tvLicence', 'insurance', 'food', 'travel', 'childcare', 'courtOrders', 'otherOutgoings'] as const;

/**
 * The Financial Statement enclosed with a letter of claim under the Pre-Action Protocol for
 * Debt Claims, for a debtor who wants to pay by instalments: personal details, monthly income,
 * monthly outgoings, other debts (creditor, amount owed, monthly payment), what is left and the
 * offer – blank fields to fill in by hand.
 *
 * [U] The Protocol asks for "a Financial Statement form" without prescribing one here: these
 * headings follow the usual income / outgoings / debts structure (shared/LEGAL.md §1.4); check
 * them against the form the Protocol's annex refers to (for example the Standard Financial
 * Statement) if one is required.
 *
 * @example financialStatement(facts).sections.map((s) => s.heading) // ['Your details', 'Monthly income', 'Monthly outgoings', 'Debts', 'What is left and your offer', …]
 * @see Pre-Action Protocol for Debt Claims para 3.1, Annex 1; shared/LEGAL.md §1.4
 */
export function financialStatement(f: DemandFacts): Extract<DemandAnnex, { type: 'form' }> {
  const { t } = f;
  const key = (k: string) => t.t(`legal.pap.fs.${k}` as Parameters<typeof t.t>[0]);
  const amounts = (keys: readonly string[], total: string): FormItem[] => [
    ...keys.map((k): FormItem => ({ type: 'amount', label: key(k) })),
    { type: 'amount', label: key(total), strong: true },
  ];
  return {
    type: 'form',
    title: t.t('legal.pap.fs.title'),
    intro: [{ type: 'para', text: t.t('legal.pap.fs.intro', { creditor: f.creditorName }) }],
    sections: [
      {
        heading: key('detailsHeading'),
        items: [
          { type: 'field', label: key('name') },
          { type: 'field', label: key('dependants') },
          { type: 'field', label: key('employment') },
        ],
      },
      { heading: key('incomeHeading'), intro: key('monthly'), items: amounts(income, 'totalIncome') },
      { heading: key('outgoingsHeading'), intro: key('monthly'), items: amounts(outgoings, 'totalOutgoings') },
      {
        heading: key('debtsHeading'),
        intro: key('debtsIntro'),
        items: [{ type: 'grid', columns: [key('creditor'), key('owed'), key('monthlyPayment')], rows: 6 }],
      },
      {
        heading: key('offerHeading'),
        items: [
          { type: 'amount', label: key('left'), strong: true },
          { type: 'field', label: key('offer') },
        ],
      },
      {
        heading: key('signHeading'),
        items: [
          { type: 'note', text: key('truth') },
          { type: 'field', label: key('signature') },
          { type: 'field', label: key('date') },
        ],
      },
    ],
  };
}
