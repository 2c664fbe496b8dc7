import type { InterestResult, InterestWarning } from '../../domain/interest/interest-result.ts';
import type { CaseFile } from '../../domain/schemas/case.ts';
import type { PlainDate } from '../../domain/time/plain-date.ts';
import type { MessageKey } from '../../i18n/catalogs.ts';
import type { Translator } from '../../i18n/translator.ts';
import { isolate } from '../parts/isolate.ts';
import type { Column } from '../parts/Table.tsx';
import { interestRuleText } from './interest-rule-text.ts';
import { rateExplanation } from './rate-explanation.ts';
import { statementFigures, type StatementFigures } from './statement-figures.ts';

/** What a statement is drawn from: the case and the date it is "as of". */
export interface StatementSource {
  caseFile: CaseFile;
  /** the statement date: payments up to it count, interest runs to it (included) */
  date: PlainDate;
}

export interface SumRow {
  label: string;
  value: string;
  strong?: boolean;
}

/** One due invoice's interest: a segments table, or one sentence saying why there is none. */
export interface StatementInterestBlock {
  heading: string;
  /** how each rate used was obtained */
  rateNotes: string[];
  columns: Column[];
  /** from, to, days, rate, base, interest: one row per engine segment */
  rows: string[][];
  total?: SumRow | undefined;
  /** instead of a table: paid on time, no interest claimed, not yet due */
  note?: string | undefined;
}

/** Every string a statement of account prints, computed and formatted: the template lays it out. */
export interface StatementView {
  title: string;
  heading: string;
  meta: string[];
  creditorHeading: string;
  debtorHeading: string;
  invoices: { heading: string; columns: Column[]; rows: string[][] };
  payments: { heading: string; columns: Column[]; rows: string[][]; empty?: string | undefined };
  interest: {
    heading: string;
    /** "Rule applied: … (citation)." and its basis in one sentence; absent when no invoice is due */
    rule?: { line: string; basis: string } | undefined;
    /** the engine refused: a sentence in the document's language and the engine's own message */
    refused?: { lead: string; message: string } | undefined;
    blocks: StatementInterestBlock[];
    footnotes: string[];
  };
  charges?: { heading: string; rows: SumRow[] } | undefined;
  summary: { heading: string; rows: SumRow[] };
  continuing?: string | undefined;
  warnings?: { heading: string; items: string[] } | undefined;
  contact: string;
}

/**
 * The statement of account in one language: invoices (number, date, due date, amount, paid,
 * balance), payments (date, invoice, amount), each due invoice's interest segments from the
 * interest engine (from, to, days, rate, base, interest) with how each rate was obtained, fixed
 * compensation and flat fees, the totals and the total claimed, the rule applied with its
 * citation, and the engine's warnings (by code, in the document's language).
 *
 * When the engine refuses (`StatementFigures.interest.outcome === 'refused'`), the balances are
 * printed and, instead of an interest figure, a sentence and the engine's message.
 *
 * @example statementView(statementFigures(caseFile, '2026-06-15'), translator('he')).interest.blocks[0].rows[0]
 * @see shared/LEGAL.md §0 (what the engine shows), §1.4 (PAP: an up-to-date statement of account)
 */
export function statementView(source: StatementSource | StatementFigures, t: Translator): StatementView {
  const figures = 'invoices' in source && 'totals' in source ? source : statementFigures(source.caseFile, source.date);
  const { caseFile, date } = figures;
  const money = t.money;
  const ref = (s: string) => t.ltr(s);

  const meta: string[] = [];
  if (caseFile.reference) meta.push(t.t('statement.reference', { reference: ref(caseFile.reference) }));
  if (caseFile.contract) {
    meta.push(t.t('statement.contract', { number: ref(caseFile.contract.number), date: t.date(caseFile.contract.date), title: isolate(t, caseFile.contract.title) }));
  }

  const invoices = {
    heading: t.t('statement.invoices.heading'),
    columns: [
      { label: t.t('statement.invoices.number'), flex: 1.5 },
      { label: t.t('statement.invoices.issued'), flex: 1.9 },
      { label: t.t('statement.invoices.due'), flex: 2.8 },
      { label: t.t('statement.invoices.amount'), flex: 1.7, align: 'end' as const },
      { label: t.t('statement.invoices.paid'), flex: 1.7, align: 'end' as const },
      { label: t.t('statement.invoices.balance'), flex: 1.7, align: 'end' as const },
    ],
    rows: figures.invoices.map((line) => [
      ref(line.invoice.number),
      t.date(line.invoice.issueDate),
      line.status === 'not-due' ? t.t('statement.invoices.notDue', { date: t.date(line.invoice.dueDate) }) : t.date(line.invoice.dueDate),
      money(line.gross),
      money(line.paid),
      money(line.balance),
    ]),
  };

  const paymentRows = figures.invoices
    .flatMap((line) => line.payments.map((p) => ({ p, number: line.invoice.number })))
    .sort((a, b) => (a.p.date < b.p.date ? -1 : a.p.date > b.p.date ? 1 : 0))
    .map(({ p, number }) => [t.date(p.date), ref(number), money(p.amount)]);
  const payments = {
    heading: t.t('statement.payments.heading'),
    columns: [
      { label: t.t('statement.payments.date'), flex: 2 },
      { label: t.t('statement.payments.invoice'), flex: 2 },
      { label: t.t('statement.payments.amount'), flex: 2, align: 'end' as const },
    ],
    rows: paymentRows,
    empty: paymentRows.length === 0 ? t.t('statement.payments.none', { date: t.date(date) }) : undefined,
  };

  const segmentColumns: Column[] = [
    { label: t.t('statement.interest.from'), flex: 2.2 },
    { label: t.t('statement.interest.to'), flex: 2.2 },
    { label: t.t('statement.interest.days'), flex: 0.9, align: 'end' },
    { label: t.t('statement.interest.rate'), flex: 1.3, align: 'end' },
    { label: t.t('statement.interest.base'), flex: 1.9, align: 'end' },
    { label: t.t('statement.interest.amount'), flex: 1.7, align: 'end' },
  ];
  const blocks: StatementInterestBlock[] = [];
  const results: InterestResult[] = [];
  let anyProvisional = false;
  const divisors = new Set<number>();
  for (const line of figures.invoices) {
    const number = ref(line.invoice.number);
    if (line.status === 'not-due') {
      blocks.push({ heading: '', rateNotes: [], columns: [], rows: [], note: t.t('statement.interest.notDue', { number, date: t.date(line.invoice.dueDate) }) });
      continue;
    }
    const result = line.interest;
    if (!result) continue;
    results.push(result);
    if (result.segments.length === 0) {
      const note = !result.late ? t.t('statement.interest.onTime', { number }) : t.t('statement.interest.noInterest', { number });
      blocks.push({ heading: '', rateNotes: [], columns: [], rows: [], note });
      continue;
    }
    const first = result.segments[0]!;
    const last = result.segments.at(-1)!;
    const days = result.segments.reduce((n, s) => n + s.days, 0);
    const notes = [...new Set(result.segments.map((s) => rateExplanation(s.rate, t, result.rule.citation)))];
    for (const s of result.segments) {
      divisors.add(s.dayCount.yearDays);
      if (s.provisional) anyProvisional = true;
    }
    blocks.push({
      heading: t.t('statement.interest.invoice', { number, days, from: t.date(first.from), to: t.date(last.to) }),
      rateNotes: notes,
      columns: segmentColumns,
      rows: result.segments.map((s) => [
        t.date(s.from),
        t.date(s.to),
        t.number(String(s.dayCount.days)),
        `${t.percent(s.rate.percent)}${s.provisional ? '*' : ''}`,
        money(s.base),
        money(s.interest),
      ]),
      total: { label: t.t('statement.interest.total', { number }), value: money(result.totals.interest), strong: true },
    });
  }

  let rule: StatementView['interest']['rule'];
  const ruleSource = results[0]?.rule;
  if (ruleSource) {
    const text = interestRuleText(ruleSource, t);
    rule = { line: t.t('statement.interest.rule', { name: text.name, citation: text.citation }), basis: text.basis };
  }
  let refused: StatementView['interest']['refused'];
  if (figures.interest.outcome === 'refused') {
    const error = figures.interest.error;
    refused = {
      lead: t.t(`statement.interest.refused.${error.code}` as MessageKey),
      message: t.t('statement.interest.engine', { message: t.ltr(error.message) }),
    };
  }
  const footnotes: string[] = [];
  if (results.some((r) => r.segments.length > 0)) {
    footnotes.push(t.t('statement.interest.method', { divisor: [...divisors].sort().map((d) => t.number(String(d))).join('/') }));
  }
  if (anyProvisional) footnotes.push(t.t('statement.interest.provisional'));

  const chargeRows: SumRow[] = [];
  for (const result of results) {
    const number = ref(result.reference ?? '');
    for (const line of result.fixedCompensation) {
      chargeRows.push({ label: t.t('statement.charges.fixed', { number, citation: t.ltr(line.citation) }), value: money(line.amount) });
    }
    if (result.flatFee) chargeRows.push({ label: t.t('statement.charges.flatFee', { number }), value: money(result.flatFee.amount) });
  }

  const computed = figures.interest.outcome === 'computed';
  const summaryRows: SumRow[] = figures.totals.flatMap((total) => {
    const rows: SumRow[] = [{ label: t.t('statement.summary.outstanding'), value: money(total.outstandingDue) }];
    if (computed) {
      rows.push({ label: t.t(figures.terms.penaltyClause ? 'statement.summary.penalty' : 'statement.summary.interest', { date: t.date(date) }), value: money(total.interest) });
      if (total.fixedCompensation.amount !== zeroOf(total.fixedCompensation.amount)) rows.push({ label: t.t('statement.summary.fixed'), value: money(total.fixedCompensation) });
      if (total.flatFee.amount !== zeroOf(total.flatFee.amount)) rows.push({ label: t.t('statement.summary.flatFee'), value: money(total.flatFee) });
    } else if (figures.interest.outcome === 'refused') {
      rows.push({ label: t.t('statement.summary.interestNotCalculated'), value: t.t('statement.summary.notCalculated') });
    }
    rows.push({ label: t.t('statement.summary.total'), value: money(total.totalClaimed), strong: true });
    if (total.notYetDue.amount !== zeroOf(total.notYetDue.amount)) rows.push({ label: t.t('statement.summary.notYetDue'), value: money(total.notYetDue) });
    return rows;
  });

  const warningItems = figures.interest.outcome === 'computed' ? warningsOf(figures.interest.summary.invoices, t) : [];

  return {
    title: t.t('statement.title'),
    heading: t.t('statement.heading', { date: t.date(date) }),
    meta,
    creditorHeading: t.t('statement.creditor'),
    debtorHeading: t.t('statement.debtor'),
    invoices,
    payments,
    interest: { heading: t.t('statement.interest.heading'), rule, refused, blocks, footnotes },
    charges: chargeRows.length > 0 ? { heading: t.t('statement.charges.heading'), rows: chargeRows } : undefined,
    summary: { heading: t.t('statement.summary.heading'), rows: summaryRows },
    continuing:
      computed && results.some((r) => r.segments.length > 0 && r.totals.outstandingPrincipal.amount !== zeroOf(r.totals.outstandingPrincipal.amount))
        ? t.t('statement.interest.continuing', { date: t.date(date) })
        : undefined,
    warnings: warningItems.length > 0 ? { heading: t.t('statement.warnings.heading'), items: warningItems } : undefined,
    contact: t.t('common.contact', { email: t.ltr(caseFile.creditor.emails[0]!), phone: caseFile.creditor.phone ? t.ltr(caseFile.creditor.phone) : 'none' }),
  };
}

/** "0.00" for "12.34", "0" for "12": the zero amount written at the same scale. */
function zeroOf(amount: string): string {
  const decimals = amount.split('.')[1]?.length ?? 0;
  return decimals > 0 ? `0.${'0'.repeat(decimals)}` : '0';
}

/**
 * The engine's warnings in the document's language, one per invoice and code. The engine's
 * English messages speak to the owner (which file to update); the reader gets the substance,
 * with the figures taken from the result's structured fields.
 */
function warningsOf(results: InterestResult[], t: Translator): string[] {
  const out: string[] = [];
  for (const result of results) {
    const seen = new Set<InterestWarning['code']>();
    for (const warning of result.warnings) {
      if (seen.has(warning.code)) continue;
      seen.add(warning.code);
      let text: string;
      if (warning.code === 'rate-beyond-table') {
        const provisional = result.segments.find((s) => s.provisional)?.rate.reference;
        const entry = result.rateEntries.find((e) => e.table === provisional?.table);
        text = t.t('statement.warnings.rate-beyond-table', {
          table: t.t(`legal.rateTable.${provisional?.table ?? 'us-statutory-rates'}` as MessageKey),
          date: t.date(entry?.validUntil ?? result.until),
          rate: t.percent(provisional?.percent ?? result.segments.at(-1)?.rate.percent ?? '0'),
        });
      } else {
        text = t.t(`statement.warnings.${warning.code}` as MessageKey);
      }
      out.push(t.t('statement.warnings.item', { number: t.ltr(result.reference ?? ''), text }));
    }
  }
  return out;
}
