import type { InterestError } from '../../domain/interest/interest-error.ts';
import type { InterestResult, InterestRuleDescription } from '../../domain/interest/interest-result.ts';
import type { Party } from '../../domain/schemas/party.ts';
import { addCalendarDays, type PlainDate } from '../../domain/time/plain-date.ts';
import type { Translator } from '../../i18n/translator.ts';
import { isolate } from '../parts/isolate.ts';
import { interestRuleText, type InterestRuleText } from '../statement/interest-rule-text.ts';
import { rateExplanation } from '../statement/rate-explanation.ts';
import { statementFigures, type StatementFigures } from '../statement/statement-figures.ts';
import { statementView, type StatementView, type SumRow } from '../statement/statement-view.ts';
import { finalDemandKind, type FinalDemandKind } from './final-demand-kind.ts';
import type { FinalDemandSource } from './final-demand-view.ts';

/**
 * Days the debtor is given, by kind, counted in calendar days from the date of the letter:
 * - letter before action 14 (PD-PAC: 14 days in a straightforward case, LEGAL.md §1.4);
 * - letter of claim 30 (PAP Debt Claims: 30 days from the date at the top of the letter); a
 *   shorter `respondWithinDays` is raised to 30, the Protocol's minimum;
 * - mise en demeure 8 (no statutory period; a délai must be set, LEGAL.md §3.3);
 * - Mahnung 14 (no statutory Frist, LEGAL.md §4.2: our choice, on the long side of practice);
 * - претензия 30 (АПК РФ ст. 4 ч. 5: no claim before 30 calendar days from sending);
 * - מכתב התראה 14 (practice, LEGAL.md §6.3);
 * - final demand (US, EU) 10.
 *
 * @example addCalendarDays('2026-06-15', defaultPeriods['letter-of-claim']) // '2026-07-15'
 * @see shared/LEGAL.md §1.4, §3.3, §4.2, §5.4, §6.3, §10
 */
export const defaultPeriods: Record<FinalDemandKind, number> = {
  'letter-before-action': 14,
  'letter-of-claim': 30,
  'mise-en-demeure': 8,
  mahnung: 14,
  pretenziya: 30,
  hatraa: 14,
  'final-demand': 10,
};

/** The interest part of a demand, worded for the letter. */
export interface DemandInterest {
  outcome: StatementFigures['interest']['outcome'];
  rule?: InterestRuleDescription | undefined;
  ruleText?: InterestRuleText | undefined;
  /** true when some interest was computed (a positive amount) */
  has: boolean;
  /** the interest to the letter's date, formatted */
  amount: string;
  /** the annual rate(s) applied, formatted ("11.75%", or "15% / 16%") */
  percent: string;
  /**
   * the rate in words, with how it was obtained: "11.75% a year (Bank of England Bank Rate 3.75%
   * on 31 December 2025 + 8 percentage points = 11.75%)", "1% a month (12% a year)"
   */
  rate: string;
  /** "under the Late Payment … Act 1998 (s.4(2) …)" or "as agreed in the contract" */
  under: string;
  /** the margin over the reference rate ("9" in Germany B2B) of the last segment */
  margin?: string | undefined;
  /** first interest day, formatted */
  from: string;
  /** fixed compensation, formatted, when any */
  fixedCompensation?: string | undefined;
  fixedCitation?: string | undefined;
  flatFee?: string | undefined;
  /** interest still runs after the letter's date (a balance remains on which interest was computed) */
  continuing: boolean;
  error?: InterestError | undefined;
  results: InterestResult[];
}

/**
 * Everything the formal letters of every jurisdiction share, computed once: the statement of
 * account (figures and view), the period and the deadline, the parties' names, the contract and
 * invoice references, the amounts formatted for the language of the letter, the interest, the
 * payment details and the way to get in touch.
 */
export interface DemandFacts {
  source: FinalDemandSource;
  kind: FinalDemandKind;
  t: Translator;
  figures: StatementFigures;
  statement: StatementView;
  date: PlainDate;
  days: number;
  deadline: PlainDate;
  creditor: Party;
  debtor: Party;
  creditorName: string;
  debtorName: string;
  /** the person the letter is addressed to, or 'none' */
  addressee: string;
  /** "contract C-2026-007 of 12 January 2026 (Brand identity and website design)" */
  contract?: string | undefined;
  invoiceNumbers: string;
  /** one sentence per due invoice: number, date, due date, amount, unpaid balance */
  invoiceLines: string[];
  paymentLines: string[];
  /** the unpaid principal of the due invoices */
  principal: string;
  /** principal + interest + compensation + fees */
  total: string;
  /** the claim's breakdown (the statement's summary rows) */
  breakdown: SumRow[];
  interest: DemandInterest;
  /** payment details lines (bank), or a sentence to ask for them */
  paymentDetails: string[];
  /** the reference to quote with a payment */
  reference: string;
  /** the creditor's postal address on one line */
  creditorAddress: string;
  contact: string;
  /** the first due invoice's number and the issue date of the first invoice */
  firstIssueDate: string;
  /** the principal in the claim's currency is at most `limit` (France 5 000 €, Israel NIS 75,000) */
  claimAtMost(currency: string, limit: number): boolean;
}

/**
 * The shared facts of a final demand (see {@link DemandFacts}).
 *
 * @throws RangeError when no invoice is past its due date on `source.date`, or when
 *   `respondWithinDays` is not a whole number of days from 1 to 365
 *
 * @example demandFacts({ caseFile, date: '2026-06-15' }, translator('fr')).deadline // '2026-06-23'
 * @see shared/LEGAL.md §10
 */
export function demandFacts(source: FinalDemandSource, t: Translator): DemandFacts {
  const { caseFile, date } = source;
  const kind = finalDemandKind(caseFile);
  const requested = source.respondWithinDays ?? defaultPeriods[kind];
  const days = kind === 'letter-of-claim' ? Math.max(requested, defaultPeriods['letter-of-claim']) : requested;
  if (!Number.isInteger(days) || days < 1 || days > 365) throw new RangeError(`respondWithinDays must be a whole number of days from 1 to 365, not ${requested}`);
  const figures = statementFigures(caseFile, date);
  const statement = statementView(figures, t);
  const { creditor, debtor, contract } = caseFile;
  const ref = (s: string) => (/[\u0590-\u05FF]/.test(s) ? s : t.ltr(s));
  const money = t.money;

  const due = figures.invoices.filter((line) => line.status === 'due');
  if (due.length === 0) {
    throw new RangeError(`No invoice is past its due date on ${date}: a final demand needs at least one overdue invoice (see the statement of account instead)`);
  }
  const invoiceLines = due.map((line) =>
    t.t('legal.demand.invoiceLine', {
      number: ref(line.invoice.number),
      date: t.date(line.invoice.issueDate),
      due: t.date(line.invoice.dueDate),
      amount: money(line.gross),
      balance: money(line.balance),
    }),
  );
  const paymentLines = due.flatMap((line) =>
    line.payments.map((p) => t.t('legal.demand.paymentLine', { date: t.date(p.date), amount: money(p.amount), number: ref(line.invoice.number) })),
  );
  const join = (pick: (total: StatementFigures['totals'][number]) => { currency: string; amount: string }) => figures.totals.map((x) => money(pick(x))).join(' + ');
  const positive = (amount: string) => /[1-9]/.test(amount);

  const results = due.map((line) => line.interest).filter((r): r is InterestResult => r !== undefined);
  const segments = results.flatMap((r) => r.segments.map((s) => ({ s, r })));
  const percents = [...new Set(segments.map(({ s }) => s.rate.percent))];
  const explanations = [...new Set(segments.map(({ s, r }) => rateExplanation(s.rate, t, r.rule.citation)))];
  const firstFrom = segments.map(({ s }) => s.from).sort()[0];
  const rule = results[0]?.rule;
  const ruleText = rule ? interestRuleText(rule, t) : undefined;
  /** the rate with its basis; a plain contract rate or a rate written in the statute needs none */
  const rateInWords = (): string => {
    if (segments.length === 0) return '';
    const stated = segments[0]!.s.rate.contractual;
    const single = percents.length === 1;
    if (single && segments.every(({ s }) => s.rate.kind === 'statutory-fixed')) return t.t('legal.demand.rateYearly', { rate: t.percent(percents[0]!) });
    const plainContract = single && segments.every(({ s }) => s.rate.kind === 'contractual' && !s.rate.floor?.applied);
    if (plainContract && stated) {
      return stated.per === 'month'
        ? t.t('legal.demand.rateMonthly', { stated: t.percent(stated.percent), rate: t.percent(percents[0]!) })
        : t.t('legal.demand.rateYearly', { rate: t.percent(percents[0]!) });
    }
    return t.t('legal.demand.rateWithBasis', {
      rate: percents.map((p) => t.percent(p)).join(' / '),
      basis: explanations.length <= 2 ? explanations.join('; ') : t.t('legal.demand.ratesInStatement'),
    });
  };
  const fixedSum = figures.totals.filter((x) => positive(x.fixedCompensation.amount));
  const feeSum = figures.totals.filter((x) => positive(x.flatFee.amount));
  const interest: DemandInterest = {
    outcome: figures.interest.outcome,
    rule,
    ruleText,
    has: figures.totals.some((x) => positive(x.interest.amount)),
    amount: join((x) => x.interest),
    percent: percents.map((p) => t.percent(p)).join(' / '),
    rate: rateInWords(),
    under: !rule ? '' : rule.id === 'contractual' ? t.t('legal.demand.underContract') : t.t('legal.demand.underRule', { rule: ruleText!.name, citation: ruleText!.citation }),
    margin: segments.at(-1)?.s.rate.margin,
    from: firstFrom ? t.date(firstFrom) : '',
    fixedCompensation: fixedSum.length > 0 ? fixedSum.map((x) => money(x.fixedCompensation)).join(' + ') : undefined,
    fixedCitation: results.flatMap((r) => r.fixedCompensation)[0]?.citation,
    flatFee: feeSum.length > 0 ? feeSum.map((x) => money(x.flatFee)).join(' + ') : undefined,
    continuing: results.some((r) => r.segments.length > 0 && positive(r.totals.outstandingPrincipal.amount)),
    error: figures.interest.outcome === 'refused' ? figures.interest.error : undefined,
    results,
  };

  const bank = creditor.bank;
  const reference = caseFile.reference ?? due.map((l) => l.invoice.number).join(', ');
  const paymentDetails = bank
    ? [
        t.t('common.bank.accountName', { name: bank.accountName }),
        ...(bank.iban ? [t.t('common.bank.iban', { iban: t.ltr(bank.iban.replace(/(.{4})/g, '$1 ').trim()) })] : []),
        ...(bank.bic ? [t.t('common.bank.bic', { bic: bank.bic })] : []),
        ...(bank.details ? [bank.details] : []),
        t.t('common.bank.reference', { reference: ref(reference) }),
      ]
    : [t.t('legal.demand.askForDetails', { email: t.ltr(creditor.emails[0]!) })];

  const addressee = debtor.contactName ?? (debtor.kind === 'consumer' || debtor.soleTrader ? debtor.legalName : 'none');
  const region = new Intl.DisplayNames([t.locale], { type: 'region' }).of(creditor.address.country) ?? creditor.address.country;
  // each part isolated: an English street line keeps its house number in front in a Hebrew sentence
  const creditorAddress = [creditor.legalName, ...creditor.address.lines, [creditor.address.postalCode, creditor.address.city].filter(Boolean).join(' '), region]
    .map((part) => isolate(t, part))
    .join(', ');
  const currencyTotal = (currency: string) => figures.totals.find((x) => x.currency === currency);

  return {
    source,
    kind,
    t,
    figures,
    statement,
    date,
    days,
    deadline: addCalendarDays(date, days),
    creditor,
    debtor,
    creditorName: isolate(t, creditor.legalName),
    debtorName: isolate(t, debtor.legalName),
    addressee: addressee === 'none' ? addressee : isolate(t, addressee),
    contract: contract ? t.t('legal.demand.contract', { number: ref(contract.number), date: t.date(contract.date), title: isolate(t, contract.title) }) : undefined,
    invoiceNumbers: due.map((l) => ref(l.invoice.number)).join(', '),
    invoiceLines,
    paymentLines,
    principal: join((x) => x.outstandingDue),
    total: join((x) => x.totalClaimed),
    breakdown: statement.summary.rows.filter((row) => row.label !== t.t('statement.summary.notYetDue')),
    interest,
    paymentDetails,
    reference: ref(reference),
    creditorAddress,
    contact: t.t('legal.demand.contact', {
      name: isolate(t, creditor.contactName ?? creditor.legalName),
      email: t.ltr(creditor.emails[0]!),
      phone: creditor.phone ? t.ltr(creditor.phone) : 'none',
    }),
    firstIssueDate: figures.invoices[0] ? t.date(figures.invoices[0].invoice.issueDate) : '',
    claimAtMost(currency, limit) {
      const total = currencyTotal(currency);
      return total !== undefined && figures.totals.length === 1 && Number(total.outstandingDue.amount) <= limit;
    },
  };
}
