import { block } from '../demand-block.ts';
import type { DemandFacts } from '../demand-facts.ts';
import { genericInterest } from '../generic-interest.ts';
import type { LetterContent } from '../letter-content.ts';

/**
 * Germany: the Mahnung (first formal reminder, `step: 'first'`) or the Letzte Mahnung (the final
 * demand, default). A clear demand for payment of the named invoices, a Frist (a date), default
 * interest under § 288 BGB – 9 percentage points above the Basiszinssatz between businesses
 * (§ 288(2)), 5 against a consumer (§ 288(1)) – with the figure from the interest engine, the
 * 40 € Pauschale of § 288(5) from a business debtor, and the court dunning procedure
 * (gerichtliches Mahnverfahren, §§ 688 ff. ZPO) announced. No form is required; one Mahnung
 * suffices (LEGAL.md §4.2).
 *
 * [U] Default (Verzug) from the day after the due date assumes a due date fixed by the calendar
 * (§ 286(2) Nr. 1–2, e.g. "net 30" in the contract); otherwise § 286(3) puts a business debtor in
 * default 30 days after the due date and receipt of the invoice, and the first Mahnung itself
 * (§ 286(1)). The letter states the default without dating it; the statement dates the interest.
 *
 * @example mahnung(demandFacts({ caseFile, date: '2026-06-15' }, translator('en')), 'final').title // 'Final reminder (Letzte Mahnung)'
 * @see BGB §§ 286, 288, 289; ZPO §§ 688 ff.; shared/LEGAL.md §4.1, §4.2, §10
 */
export function mahnung(f: DemandFacts, step: 'first' | 'final'): LetterContent {
  const { t, interest } = f;
  const deadline = t.date(f.deadline);
  const consumer = f.debtor.kind === 'consumer';
  const lines: string[] = [];
  const statutory = interest.rule?.id === 'DE-statutory';
  if (interest.has && statutory) {
    lines.push(
      t.t('legal.mahnung.interest', {
        para: consumer ? '1' : '2',
        margin: Number(interest.margin ?? (consumer ? '5' : '9')),
        rate: interest.rate,
        interest: interest.amount,
        date: t.date(f.date),
      }),
    );
    if (interest.fixedCompensation) lines.push(t.t('legal.mahnung.pauschale', { amount: interest.fixedCompensation }));
    if (interest.flatFee) lines.push(t.t('legal.demand.flatFee', { amount: interest.flatFee }));
  } else {
    lines.push(...genericInterest(f));
  }
  const blocks = [
    block.para(t.t(step === 'first' ? 'legal.mahnung.introFirst' : 'legal.mahnung.introFinal')),
    block.list(f.invoiceLines),
    block.para(t.t('legal.demand.paymentsReceived', { count: f.paymentLines.length })),
    ...(f.paymentLines.length > 0 ? [block.list(f.paymentLines)] : []),
    block.para(t.t('legal.mahnung.default', { amount: f.principal })),
    ...lines.map((s) => block.para(s)),
    block.para(t.t('legal.mahnung.demand', { total: f.total, days: f.days, deadline }), true),
    block.sums(f.breakdown),
    block.para(t.t(step === 'first' ? 'legal.mahnung.consequencesFirst' : 'legal.mahnung.consequencesFinal', { deadline })),
    block.heading(t.t('legal.demand.payHeading')),
    block.list(f.paymentDetails),
    block.para(t.t('legal.mahnung.paidMeanwhile')),
  ];
  return {
    title: t.t(step === 'first' ? 'legal.mahnung.titleFirst' : 'legal.mahnung.titleFinal'),
    subject: t.t(step === 'first' ? 'legal.mahnung.subjectFirst' : 'legal.mahnung.subjectFinal', { numbers: f.invoiceNumbers }),
    salutation: t.t('legal.demand.salutation', { name: f.addressee }),
    blocks,
    closing: t.t('legal.demand.closing', { name: f.addressee }),
    enclosures: [t.t('legal.demand.statementTitle', { date: t.date(f.date) })],
    annexes: [{ type: 'statement', title: t.t('legal.demand.statementTitle', { date: t.date(f.date) }), view: f.statement }],
  };
}
