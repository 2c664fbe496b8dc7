import type { LetterTemplate } from '../../domain/schemas/ladder.ts';
import type { Party } from '../../domain/schemas/party.ts';
import type { PlainDate } from '../../domain/time/plain-date.ts';
import type { MessageKey } from '../../i18n/catalogs.ts';
import type { Direction, Translator } from '../../i18n/translator.ts';
import { displayName } from './display-name.ts';
import { inlineReference as reference } from './inline-reference.ts';
import { letterContext, type LetterContext, type MessageValues } from './letter-context.ts';
import { listOf } from './list-of.ts';
import type { LetterSource } from './letter-source.ts';
import { letterSubjectOf } from './letter-subject.ts';
import { cleanText } from './clean-text.ts';
import { stripBidiControls } from './strip-bidi-controls.ts';
import { tidy } from './tidy.ts';

/** A column of a letter's table; numbers align at the end. */
export interface LetterColumn {
  label: string;
  align: 'start' | 'end';
  /** relative width */
  flex: number;
}

/**
 * One block of a letter's body, in reading order. The PDF letter and the e-mail render the same
 * blocks, so there is one wording to keep.
 * - `para`: a paragraph; `quote` marks text the owner wrote (a contract's scope)
 * - `table`: rows of strings under column labels (the invoices, the instalments)
 * - `sums`: label/amount pairs, `strong` for the total
 * - `box`: a heading and lines (the payment details)
 */
export type LetterBlock =
  | { kind: 'para'; text: string; quote?: boolean }
  | { kind: 'table'; columns: LetterColumn[]; rows: string[][] }
  | { kind: 'sums'; rows: { label: string; value: string; strong?: boolean }[] }
  | { kind: 'box'; heading: string; lines: string[] };

/** Every string one letter prints, computed and formatted: the templates only lay it out. */
export interface LetterView {
  template: LetterTemplate;
  lang: string;
  locale: string;
  dir: Direction;
  tone: 'friendly' | 'firm' | 'formal';
  subject: string;
  /** the parties, free text cleaned of bidi overrides */
  creditor: Party;
  debtor: Party;
  /** the creditor's name as the debtor knows it (trading name, else legal name) */
  creditorName: string;
  date: PlainDate;
  /** "Manchester, 16 April 2026" */
  placeDate: string;
  references: string[];
  /** the invoice numbers the letter is about, as written (file names, e-mail headers) */
  invoiceNumbers: string[];
  salutation: string;
  blocks: LetterBlock[];
  closing: string;
  signatory: string;
  /** the creditor's trading name under the signature, when it has one */
  signatoryLines: string[];
  /** the way to get in touch: every letter ends with it */
  contact: string;
}

/** How much of an owner's long text (a contract's scope) a letter quotes. */
const excerptLength = 600;

/**
 * The view of one letter of the ladder, in one language: subject, salutation, body blocks,
 * closing and contact line, every figure from the domain (invoice totals, the interest engine on
 * the letter date, `planInstalments`) and every sentence from the `letters` catalog.
 *
 * Overdue letters quote the balance of each overdue invoice and, from `interestForInvoices` with
 * `until` = the letter date, the interest to date and the fixed compensation; when the engine
 * refuses (`InterestError`) the letter prints the balance and, if the rule applies but has no
 * figure, the rule without a figure. Free text from the owner is cleaned of bidi overrides.
 *
 * @example letterView({ caseFile, stage: { template: 'overdue-firm' }, date: '2026-04-16' }, translator('en-GB')).subject
 * // 'Second reminder: invoice PD-0142 overdue since 1 April 2026'
 * @see shared/DOMAIN.md "Letters along the way", shared/LEGAL.md §10 (what the letters carry)
 */
export function letterView(source: LetterSource, t: Translator): LetterView {
  const ctx = letterContext(source, t);
  const template = source.stage.template;
  const v = ctx.values;
  const m = (key: string, extra?: MessageValues) => t.t(`letters.stage.${template}.${key}` as MessageKey, { ...v, ...extra });
  const blocks: LetterBlock[] = [];
  const para = (text: string) => blocks.push({ kind: 'para', text });
  const statement = () => {
    blocks.push(invoiceTable(ctx), sums(ctx));
  };
  const chargesPara = (lead: boolean) => {
    const text = chargesText(ctx, lead);
    if (text) para(text);
  };

  switch (template) {
    case 'pre-due':
      para(m('checkIn'));
      para(m('reminder'));
      statement();
      para(m('paid'));
      break;
    case 'due-today':
      para(m('body'));
      statement();
      para(m('ask'));
      break;
    case 'overdue-gentle':
      para(m('body'));
      statement();
      chargesPara(true);
      para(m('ask'));
      break;
    case 'overdue-firm':
      para(m('body'));
      statement();
      chargesPara(false);
      para(m('ask'));
      para(m('problem'));
      break;
    case 'overdue-stern':
      para(m('body'));
      statement();
      chargesPara(false);
      para(m('ask'));
      para(m('next'));
      break;
    case 'invoice-resent':
      para(m('body'));
      statement();
      chargesPara(true);
      para(m('ask'));
      break;
    case 'ultimatum':
      para(m('body'));
      statement();
      chargesPara(false);
      para(m('suspend'));
      if (source.caseFile.contract?.clauses.deliverablesReleasedOnPayment) para(m('released'));
      para(m('rather'));
      break;
    case 'payment-plan-offer': {
      const plan = ctx.plan!;
      para(m('body'));
      blocks.push(planTable(ctx, plan.instalments), { kind: 'sums', rows: [{ label: t.t('letters.sums.planTotal'), value: t.money(plan.total), strong: true }] });
      chargesPara(false);
      if (plan.interestWaived) para(m('waived'));
      else para(m('notWaived'));
      para(m('accept'));
      break;
    }
    case 'settlement-offer': {
      // Not marked "without prejudice": the letter must stay usable in the lawyer's bundle, and
      // whether such a marking helps differs by jurisdiction (not covered by LEGAL.md).
      const s = ctx.settlement!;
      para(s.accept.amount === s.inFullOf.amount ? m('bodyWaiver') : m('body'));
      statement();
      chargesPara(false);
      para(m('lapse'));
      break;
    }
    case 'promise-confirmation':
      para(m('body'));
      statement();
      chargesPara(true);
      para(m('resume'));
      break;
    case 'credit-reporting':
      // LEGAL.md has no source on who may report a business debt to which agency (in Russia and
      // Israel only regulated lenders feed the credit registers): the notice says the creditor
      // MAY report the late payment, never that it will, and invites a dispute first.
      para(m('body'));
      statement();
      chargesPara(false);
      para(m('warn'));
      para(m('dispute'));
      break;
    case 'final-demand':
      finalDemand(ctx, blocks, m);
      break;
    case 'instalment-reminder': {
      const plan = ctx.plan!;
      para(m('body'));
      para(m('schedule'));
      blocks.push(planTable(ctx, plan.instalments.filter((i) => i.number >= ctx.instalment!.number)));
      para(m('paid'));
      break;
    }
    case 'instalment-missed':
      para(m('body'));
      statement();
      chargesPara(false);
      para(m('ask'));
      if (ctx.plan!.interestWaived) para(m('waived'));
      break;
  }
  const box = paymentBox(ctx);
  if (box) blocks.push(box);

  for (const block of blocks) if (block.kind === 'para') block.text = tidy(block.text);
  const { creditor, debtor, profile } = ctx;
  const named = debtor.contactName !== undefined || debtor.kind === 'consumer' || debtor.soleTrader;
  const phone = creditor.phone ? t.ltr(creditor.phone) : 'none';
  return {
    template,
    lang: t.lang,
    locale: t.locale,
    dir: t.dir,
    tone: profile.tone,
    subject: letterSubjectOf(ctx),
    creditor,
    debtor,
    creditorName: displayName(creditor),
    date: source.date,
    placeDate: t.t('common.letter.placeDate', { city: creditor.address.city, date: t.date(source.date) }),
    references: [
      ...(source.caseFile.reference ? [t.t('common.letter.ourRef', { reference: reference(t, source.caseFile.reference) })] : []),
      t.t('letters.references.invoices', { count: ctx.quoted.length, numbers: v.numbers! }),
    ],
    invoiceNumbers: ctx.quoted.map((line) => stripBidiControls(line.invoice.number)),
    salutation: t.t(`letters.salutation.${profile.tone}`, { named: named ? 'yes' : 'no', name: debtor.contactName ?? debtor.legalName, kind: debtor.kind }),
    blocks,
    closing: t.t(`letters.closing.${profile.tone}`),
    signatory: creditor.contactName ?? creditor.legalName,
    signatoryLines: creditor.tradingName && creditor.tradingName !== (creditor.contactName ?? creditor.legalName) ? [creditor.tradingName] : [],
    contact: t.t(`letters.contact.${profile.tone}`, { email: t.ltr(creditor.emails[0]!), phone, creditor: displayName(creditor) }),
  };
}

/** The quoted invoices: number, dates, amount, payments, balance and, when computed, interest. */
function invoiceTable(ctx: LetterContext): LetterBlock {
  const { t } = ctx;
  const withInterest = showsInterest(ctx);
  const columns: LetterColumn[] = [
    { label: t.t('letters.table.invoice'), align: 'start', flex: 2.2 },
    { label: t.t('letters.table.issued'), align: 'start', flex: 1.7 },
    { label: t.t('letters.table.due'), align: 'start', flex: 1.7 },
    { label: t.t('letters.table.amount'), align: 'end', flex: 2 },
    { label: t.t('letters.table.paid'), align: 'end', flex: 2 },
    { label: t.t('letters.table.balance'), align: 'end', flex: 2 },
    ...(withInterest ? [{ label: t.t('letters.table.interest'), align: 'end' as const, flex: 1.8 }] : []),
  ];
  const rows = ctx.quoted.map((line, i) => [
    reference(t, line.invoice.number),
    t.date(line.invoice.issueDate, 'short'),
    t.date(line.invoice.dueDate, 'short'),
    t.money(line.totals.gross),
    t.money(line.totals.paid),
    t.money(line.totals.balance),
    ...(withInterest ? [ctx.interest[i] ? t.money(ctx.interest[i].totals.interest) : t.t('letters.table.notDue')] : []),
  ]);
  return { kind: 'table', columns, rows };
}

function showsInterest(ctx: LetterContext): boolean {
  const c = ctx.figures.charges;
  return ctx.profile.charges !== 'none' && c.status === 'computed' && ctx.quoted === ctx.figures.overdue && c.summary.invoices.some((r) => r.rule.id !== 'none');
}

/** Balance, and for letters that claim them: interest, compensation, fee and the total. */
function sums(ctx: LetterContext): LetterBlock {
  const { t } = ctx;
  const money = (list: { currency: string; amount: string }[]) => listOf(t, list.map((x) => t.money(x)));
  const c = ctx.figures.charges;
  if (ctx.profile.charges !== 'claim' || c.status !== 'computed' || ctx.charges.length === 0) {
    return { kind: 'sums', rows: [{ label: t.t('letters.sums.balance'), value: money(ctx.balance), strong: true }] };
  }
  const totals = c.summary.totals;
  const date = t.date(ctx.source.date);
  return {
    kind: 'sums',
    rows: [
      { label: t.t('letters.sums.balance'), value: money(ctx.balance) },
      ...(showsInterest(ctx) ? [{ label: t.t('letters.sums.interest', { date }), value: t.money(totals.interest) }] : []),
      ...(Number(totals.fixedCompensation.amount) > 0 ? [{ label: t.t('letters.sums.compensation'), value: t.money(totals.fixedCompensation) }] : []),
      ...(Number(totals.flatFee.amount) > 0 ? [{ label: t.t('letters.sums.flatFee'), value: t.money(totals.flatFee) }] : []),
      { label: t.t('letters.sums.total', { date }), value: money(ctx.total), strong: true },
    ],
  };
}

/**
 * The paragraph on interest and compensation: the legal basis, the figure to the letter date (or
 * "calculated on the day of payment" when the engine has no rate), the fixed compensation and the
 * contract's fee. Empty when nothing is claimed. `lead` adds the friendly "for completeness".
 */
function chargesText(ctx: LetterContext, lead: boolean): string {
  const { t, figures } = ctx;
  const c = figures.charges;
  if (ctx.profile.charges === 'none' || c.status === 'not-claimed' || ctx.quoted !== figures.overdue) return '';
  const out: string[] = [];
  const basis = basisSentence(ctx);
  if (c.status === 'unavailable') {
    if (basis) out.push(basis, t.t('letters.interest.unavailable'));
  } else {
    const totals = c.summary.totals;
    const computed = c.summary.invoices.some((r) => r.rule.id !== 'none');
    if (computed && basis) {
      const percents = [...new Set(c.summary.invoices.flatMap((r) => r.segments.map((s) => s.rate.percent)))].sort((a, b) => Number(a) - Number(b));
      const rates = percents.length > 3 ? `${t.percent(percents[0]!)} – ${t.percent(percents[percents.length - 1]!)}` : listOf(t, percents.map((p) => t.percent(p)));
      out.push(basis, t.t('letters.interest.amount', { many: percents.length > 1 ? 'yes' : 'no', rates, date: t.date(ctx.source.date), amount: t.money(totals.interest) }));
      if (c.provisional) out.push(t.t('letters.interest.provisional'));
    }
    if (Number(totals.fixedCompensation.amount) > 0) {
      const count = c.summary.invoices.filter((r) => r.fixedCompensation.length > 0).length;
      out.push(t.t('letters.interest.compensation', { amount: t.money(totals.fixedCompensation), count }));
    }
    if (Number(totals.flatFee.amount) > 0) out.push(t.t('letters.interest.flatFee', { amount: t.money(totals.flatFee) }));
    if (computed && ctx.profile.charges === 'claim' && Number(totals.interest.amount) > 0) out.push(t.t('letters.interest.continues'));
  }
  if (out.length === 0) return '';
  if (lead) out.push(t.t('letters.interest.info'));
  return out.join(' ');
}

/**
 * The legal basis of the interest claimed, in the letter's language; '' when none is claimed.
 * Israel (LEGAL.md §6.1 [U]: rates after Amendment 9 unknown) and the US states (prejudgment
 * interest a court awards, §7.1) are worded as the rule only; the engine gives Israel no figure.
 */
function basisSentence(ctx: LetterContext): string {
  const { t, figures } = ctx;
  const interest = figures.terms.interest;
  if (interest.kind === 'none') return '';
  if (interest.kind === 'contractual') {
    return t.t('letters.interest.basis.contractual', { rate: t.percent(interest.rate.percent), per: interest.rate.per });
  }
  const jurisdiction = ctx.source.caseFile.jurisdiction;
  return t.t(`letters.interest.basis.${jurisdiction}`, { consumer: ctx.source.caseFile.debtor.kind === 'consumer' ? 'yes' : 'no' });
}

/** Instalments: number of count, due date, amount. */
function planTable(ctx: LetterContext, instalments: { number: number; dueDate: string; amount: { currency: string; amount: string } }[]): LetterBlock {
  const { t } = ctx;
  const count = ctx.plan!.instalments.length;
  return {
    kind: 'table',
    columns: [
      { label: t.t('letters.table.instalment'), align: 'start', flex: 2 },
      { label: t.t('letters.table.due'), align: 'start', flex: 2 },
      { label: t.t('letters.table.amount'), align: 'end', flex: 2 },
    ],
    rows: instalments.map((i) => [t.t('letters.table.instalmentNumber', { number: i.number, count }), t.date(i.dueDate, 'short'), t.money(i.amount)]),
  };
}

/** The generic final demand: the work, the invoices and payments, the amounts, interest, what happens next. */
function finalDemand(ctx: LetterContext, blocks: LetterBlock[], m: (key: string, extra?: MessageValues) => string): void {
  const { t, source } = ctx;
  const contract = source.caseFile.contract;
  if (contract) {
    blocks.push({ kind: 'para', text: m('workContract', { contract: reference(t, contract.number), contractDate: t.date(contract.date) }) });
    blocks.push({ kind: 'para', text: cleanText(excerpt(contract.scope)), quote: true });
  } else {
    blocks.push({ kind: 'para', text: m('workInvoices') });
    for (const line of ctx.quoted) {
      const description = cleanText(excerpt(line.invoice.lines.map((l) => l.description).join('; ')));
      blocks.push({ kind: 'para', text: t.t('common.letter.labelValue', { label: reference(t, line.invoice.number), value: description }), quote: true });
    }
  }
  blocks.push({ kind: 'para', text: m('invoices') }, invoiceTable(ctx));
  const payments = ctx.quoted
    .flatMap((line) => line.invoice.payments.filter((p) => p.date <= source.date))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  blocks.push({
    kind: 'para',
    text: payments.length === 0 ? m('noPayments') : m('payments', { list: listOf(t, payments.map((p) => t.t('letters.paymentItem', { amount: t.money(p.amount), date: t.date(p.date) }))) }),
  });
  blocks.push(sums(ctx));
  const charges = chargesText(ctx, false);
  if (charges) blocks.push({ kind: 'para', text: charges });
  blocks.push({ kind: 'para', text: m('demand') }, { kind: 'para', text: m('next') }, { kind: 'para', text: m('dispute') });
}

/** The creditor's bank details and the reference to quote, when the creditor gave an account. */
function paymentBox(ctx: LetterContext): LetterBlock | undefined {
  const { t, creditor } = ctx;
  const bank = creditor.bank;
  if (!bank) return undefined;
  return {
    kind: 'box',
    heading: t.t('common.bank.heading'),
    lines: [
      t.t('common.bank.accountName', { name: bank.accountName }),
      ...(bank.iban ? [t.t('common.bank.iban', { iban: t.ltr(bank.iban.replace(/(.{4})/g, '$1 ').trim()) })] : []),
      ...(bank.bic ? [t.t('common.bank.bic', { bic: bank.bic })] : []),
      ...(bank.details ? [bank.details] : []),
      t.t('common.bank.reference', { reference: ctx.values.numbers! }),
    ],
  };
}

/** The first `excerptLength` characters of a long text, cut at a space where there is one. */
function excerpt(text: string): string {
  if (text.length <= excerptLength) return text;
  const cut = text.slice(0, excerptLength);
  const space = cut.lastIndexOf(' ');
  return `${(space > excerptLength / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
