import { computeInterest } from '../../domain/interest/compute-interest.ts';
import { fixedCompensation } from '../../domain/interest/fixed-compensation.ts';
import { InterestNotApplicableError } from '../../domain/interest/interest-error.ts';
import type { InterestResult } from '../../domain/interest/interest-result.ts';
import compensationTable from '../../domain/interest/rates/fixed-compensation.json' with { type: 'json' };
import type { Money } from '../../domain/money/money.ts';
import type { Contract } from '../../domain/schemas/contract.ts';
import type { Party } from '../../domain/schemas/party.ts';
import type { DueDateRule, LatePaymentTerms } from '../../domain/schemas/terms.ts';
import { dueDate } from '../../domain/terms/due-date.ts';
import { splitSchedule } from '../../domain/terms/split-schedule.ts';
import { addCalendarDays, dateParts } from '../../domain/time/plain-date.ts';
import type { MessageKey } from '../../i18n/catalogs.ts';
import type { Translator } from '../../i18n/translator.ts';
import { isolate } from '../parts/isolate.ts';

/** What a contract needs: the case's two parties and the contract model. */
export interface ContractSource {
  /** the party providing the services (the case's creditor) */
  creditor: Party;
  /** the client (the case's debtor) */
  debtor: Party;
  contract: Contract;
}

/** The payment schedule as a table: one row per part (number, label, trigger, share, amount) and the total. */
export interface ScheduleTableBlock {
  kind: 'table';
  columns: { number: string; part: string; trigger: string; share: string; amount: string };
  rows: string[][];
  total: { label: string; value: string };
}

/** A paragraph (numbered "4.2" when its clause has several), or the schedule table. */
export type ClauseBlock = { kind: 'para'; number?: string | undefined; text: string } | ScheduleTableBlock;

/** A numbered clause: "4. Late payment" and its paragraphs 4.1, 4.2 … */
export interface ContractClause {
  number: string;
  heading: string;
  /** the numbered heading as the language writes it ("4. Late payment", "Article 4 – Retard de paiement") */
  title: string;
  blocks: ClauseBlock[];
}

/** A signature block: the role, the party, and the lines to fill in by hand. */
export interface SignatureBlock {
  role: string;
  name: string;
  lines: { label: string; value?: string | undefined }[];
}

/** Every string the contract prints, already worded and formatted: the template only lays it out. */
export interface ContractView {
  /** document metadata title */
  title: string;
  heading: string;
  subtitle: string;
  placeDate: string;
  parties: { role: string; party: Party }[];
  intro: string;
  clauses: ContractClause[];
  signatures: { heading: string; blocks: SignatureBlock[] };
  /**
   * Points the owner must see before sending (a rate below a legal floor, terms longer than the
   * law allows, a statute that does not apply to a consumer): not part of the contract.
   */
  notes: { heading: string; items: string[] };
}

type Key = MessageKey;
const k = (key: string) => key as Key;

/**
 * The contract's clauses in one language, worded entirely from the {@link Contract} model and the
 * `contract` catalog: parties, scope and completion, price, the payment schedule (exact amounts
 * from `splitSchedule`, always adding up to the price), the due-date rule in words with its
 * counting method, the early-payment discount or its absence, the late-payment clause (the
 * jurisdiction's statute named, with the rate in force at the contract date from the interest
 * engine, or the contractual rate; flat fee; statutory fixed compensation), payment methods,
 * retainer, recurring billing, the optional clauses, governing law and signature blocks.
 *
 * Where the model asks for something the law does not allow (a French contractual rate below
 * 3 × the legal interest rate, statutory interest for a consumer, payment terms longer than the
 * legal maximum) the clause stays lawful and `notes` tells the owner why.
 *
 * @example contractView({ creditor, debtor, contract }, translator('en-GB')).clauses[1].blocks[2]
 *   // the schedule table: £1,800.00, £1,800.00, £2,400.00 for 30/30/40 of £6,000.00
 * @see shared/LEGAL.md §1.1, §2, §3.1, §3.4, §4.1, §5.1, §6, §7.1, §9; shared/DOMAIN.md "Before the job"
 */
export function contractView(source: ContractSource, t: Translator): ContractView {
  const { creditor, debtor, contract } = source;
  const notes: string[] = [];
  const clauses: { heading: string; blocks: ClauseBlock[] }[] = [];
  const para = (text: string): ClauseBlock => ({ kind: 'para', text });
  const add = (headingKey: string, blocks: ClauseBlock[]) => clauses.push({ heading: t.t(k(`contract.clause.${headingKey}`)), blocks });

  // numbers of the clauses other clauses refer to (known before the optional ones are added)
  const termsClause = 3;

  // 1. services
  add('services', [
    para(t.t('contract.services.scope', { scope: isolate(t, contract.scope) })),
    para(contract.completion ? t.t('contract.services.completion', { completion: isolate(t, contract.completion) }) : t.t('contract.services.completionDefault')),
  ]);
  if (!contract.completion) notes.push(t.t('contract.notes.completionMissing'));

  // 2. price and schedule. [U] The model has no VAT flag: the price is read as net of VAT, and the
  // clause says VAT is added "where due", which is true for a VAT-registered supplier and harmless
  // for one that is not (the example invoices add VAT on top of the scheduled part).
  const parts = splitSchedule(contract.price, contract.schedule);
  add('price', [
    para(t.t('contract.price.total', { price: t.money(contract.price) })),
    para(t.t('contract.price.schedule', { count: parts.length })),
    {
      kind: 'table',
      columns: {
        number: t.t('contract.price.columns.number'),
        part: t.t('contract.price.columns.part'),
        trigger: t.t('contract.price.columns.trigger'),
        share: t.t('contract.price.columns.share'),
        amount: t.t('contract.price.columns.amount'),
      },
      rows: parts.map((p, i) => [
        String(i + 1),
        p.label,
        t.t(k(`contract.price.trigger.${p.trigger}`)),
        p.percent !== undefined ? t.percent(p.percent) : '—',
        t.money(p.amount),
      ]),
      total: { label: t.t('contract.price.columns.total'), value: t.money(contract.price) },
    },
    para(t.t('contract.price.invoicing', { clause: String(termsClause) })),
  ]);

  // 3. payment terms: due-date rule, example, discount
  const rule = contract.dueDateRule;
  const terms: ClauseBlock[] = [para(dueRuleText(rule, t))];
  if (rule.kind !== 'fixed') {
    terms.push(para(t.t('contract.terms.example', { issued: t.date(contract.date), due: t.date(dueDate(rule, contract.date)) })));
  }
  terms.push(para(t.t('contract.terms.calendarDate')));
  const discount = contract.earlyPaymentDiscount;
  terms.push(
    para(discount ? t.t('contract.terms.discount', { percent: t.percent(discount.percent), days: discount.withinDays }) : t.t('contract.terms.noDiscount')),
  );
  add('terms', terms);
  notes.push(...termLengthNotes(rule, source, t));

  // 4. late payment
  add('late', latePaymentClause(source, t, notes).map(para));

  // 5. payment methods
  const methods = new Intl.ListFormat(t.locale, { type: 'disjunction' }).format(contract.paymentMethods.map((m) => t.t(k(`contract.methods.${m}`))));
  const methodBlocks = [para(t.t('contract.methods.text', { methods }))];
  const bank = creditor.bank;
  if (bank && contract.paymentMethods.includes('bank-transfer')) {
    const details = [
      t.t('common.bank.accountName', { name: isolate(t, bank.accountName) }),
      ...(bank.iban ? [t.t('common.bank.iban', { iban: t.ltr(bank.iban.replace(/(.{4})/g, '$1 ').trim()) })] : []),
      ...(bank.bic ? [t.t('common.bank.bic', { bic: t.ltr(bank.bic) })] : []),
      ...(bank.details ? [isolate(t, bank.details)] : []),
    ].join(t.t('contract.methods.separator'));
    methodBlocks.push(para(t.t('contract.methods.bank', { details })));
  }
  add('methods', methodBlocks);

  // optional clauses
  if (contract.retainer) {
    const r = contract.retainer;
    add('retainer', [
      para(
        t.t('contract.retainer.text', {
          amount: t.money(r.amount),
          replenish: r.replenishBelow ? 'yes' : 'no',
          threshold: r.replenishBelow ? t.money(r.replenishBelow) : '',
        }),
      ),
    ]);
  }
  if (contract.recurring) {
    const r = contract.recurring;
    const values = { amount: t.money(r.amount), start: t.date(r.startDate), clause: String(termsClause) };
    add('recurring', [para(r.dayOfMonth === 'last' ? t.t('contract.recurring.lastDay', values) : t.t('contract.recurring.day', { ...values, day: r.dayOfMonth }))]);
  }
  if (contract.clauses.samePolicyForEveryone) add('samePolicy', [para(t.t('contract.samePolicy.text'))]);
  if (contract.clauses.deliverablesReleasedOnPayment) add('deliverables', [para(t.t('contract.deliverables.text'))]);

  // governing law, final provisions. [U] Conservative on purpose: the jurisdiction's competent
  // courts, never a named city or an exclusive forum (forum clauses are restricted against
  // consumers and, in France, between non-merchants: art. 48 CPC); Russia adds the 30-day claim
  // procedure (LEGAL.md §5.4), which a contract may set and which courts then require.
  const country = new Intl.DisplayNames([t.locale], { type: 'region' }).of(creditor.address.country) ?? creditor.address.country;
  add('law', [para(t.t(k(`contract.law.${contract.jurisdiction}`), { country }))]);
  add('final', [para(t.t('contract.final.entire')), para(t.t('contract.final.amendments')), para(t.t('contract.final.copies'))]);

  const numbered: ContractClause[] = clauses.map((c, i) => {
    const n = String(i + 1);
    const paras = c.blocks.filter((b) => b.kind === 'para').length;
    let m = 0;
    return {
      number: n,
      heading: c.heading,
      title: t.t('contract.clauseHeading', { number: n, heading: c.heading }),
      blocks: c.blocks.map((b) => (b.kind === 'para' && paras > 1 ? { ...b, number: `${n}.${++m}` } : b)),
    };
  });

  const role = { provider: t.t('contract.roles.provider'), client: t.t('contract.roles.client') };
  const signatureBlock = (roleName: string, party: Party): SignatureBlock => ({
    role: roleName,
    name: party.legalName,
    lines: [
      { label: t.t('contract.signatures.name'), value: party.contactName ?? (party.kind === 'consumer' || party.soleTrader ? party.legalName : undefined) },
      { label: t.t('contract.signatures.title') },
      { label: t.t('contract.signatures.signature') },
      { label: t.t('contract.signatures.date') },
    ],
  });
  const partyName = (p: Party) => t.t('contract.partyName', { name: isolate(t, p.legalName), hasTrading: p.tradingName ? 'yes' : 'no', trading: isolate(t, p.tradingName ?? '') });

  return {
    title: t.t('contract.title'),
    heading: t.t('contract.heading', { number: t.ltr(contract.number) }),
    subtitle: contract.title,
    placeDate: t.t('common.letter.placeDate', { city: isolate(t, creditor.address.city), date: t.date(contract.date) }),
    parties: [
      { role: role.provider, party: creditor },
      { role: role.client, party: debtor },
    ],
    intro: t.t('contract.intro', { date: t.date(contract.date), provider: partyName(creditor), client: partyName(debtor) }),
    clauses: numbered,
    signatures: { heading: t.t('contract.signatures.heading'), blocks: [signatureBlock(role.provider, creditor), signatureBlock(role.client, debtor)] },
    notes: { heading: t.t('contract.notes.heading'), items: notes },
  };
}

/** "Each invoice is payable …": the rule in words, with the counting method for end-of-month terms (LEGAL.md §3.4). */
function dueRuleText(rule: DueDateRule, t: Translator): string {
  switch (rule.kind) {
    case 'on-receipt':
      return t.t('contract.terms.rule.onReceipt');
    case 'net':
      return t.t('contract.terms.rule.net', { days: rule.days });
    case 'end-of-month':
      return rule.method === 'eom-then-add' ? t.t('contract.terms.rule.eomThenAdd', { days: rule.days }) : t.t('contract.terms.rule.addThenEom', { days: rule.days });
    case 'fixed':
      return t.t('contract.terms.rule.fixed', { date: t.date(rule.date) });
  }
}

/**
 * Notes when the agreed terms exceed a legal maximum (LEGAL.md §9): France 60 days from the
 * invoice, or 45 days end of month (L441-10 I); the Directive, Germany and the UK more than
 * 60 days only if expressly agreed and not grossly unfair; Israel, a business client, end of
 * month + 45 (Payments to Suppliers Law). Longest case counted for end-of-month terms.
 */
function termLengthNotes(rule: DueDateRule, { debtor, contract }: ContractSource, t: Translator): string[] {
  if (rule.kind === 'fixed' || rule.kind === 'on-receipt' || debtor.kind !== 'business') return [];
  const j = contract.jurisdiction;
  if (j === 'FR') {
    if (rule.kind === 'net' && rule.days > 60) return [t.t('contract.notes.termFR')];
    if (rule.kind === 'end-of-month' && rule.days > 45) return [t.t('contract.notes.termFR')];
    return [];
  }
  if (j === 'IL') {
    // the limit is "end of month + 45"; an invoice dated on a month's last day is the worst case
    const over = rule.kind === 'net' || rule.method === 'eom-then-add' ? rule.days > 45 : rule.days > 15;
    return over ? [t.t('contract.notes.termIL')] : [];
  }
  if (j === 'GB' || j === 'EU' || j === 'DE') {
    const longest = rule.kind === 'net' ? rule.days : rule.days + 30;
    return longest > 60 ? [t.t('contract.notes.termLong', { days: longest })] : [];
  }
  return [];
}

/** One day of lateness after the contract date, asked of the interest engine; throws its errors. */
function probe({ debtor, contract }: ContractSource, terms: LatePaymentTerms): InterestResult {
  return computeInterest({
    jurisdiction: contract.jurisdiction,
    debtor: debtor.kind,
    principal: contract.price,
    dueDate: contract.date,
    until: addCalendarDays(contract.date, 1),
    terms: { ...terms, flatFee: undefined, fixedCompensation: false },
  });
}

/**
 * The late-payment clause's paragraphs; pushes owner notes. Statutory interest names the statute
 * and, when the interest engine can say, the rate in force at the contract date; a statute that
 * does not apply (a consumer client) falls back to the interest the law allows, with a note.
 */
function latePaymentClause(source: ContractSource, t: Translator, notes: string[]): string[] {
  const { debtor, contract } = source;
  const late = contract.latePayment;
  const j = contract.jurisdiction;
  const out: string[] = [];

  const statutory = () => {
    try {
      const result = probe(source, { ...late, interest: { kind: 'statutory' }, penaltyClause: false });
      const key = j === 'DE' && debtor.kind === 'consumer' ? 'DEconsumer' : j;
      out.push(t.t(k(`contract.late.statutory.${key}`)));
      const rate = result.segments[0]?.rate;
      if (rate && !result.segments[0]!.provisional && rate.kind !== 'statutory-fixed') {
        out.push(t.t('contract.late.rateNow', { rate: t.percent(rate.percent), date: t.date(contract.date) }));
      }
    } catch (error) {
      if (error instanceof InterestNotApplicableError) {
        out.push(t.t(j === 'FR' ? 'contract.late.consumerFR' : 'contract.late.consumerOther'));
        notes.push(t.t('contract.notes.statuteNotForConsumer'));
      } else {
        // the rate cannot be computed (Israel's statutory rates, a rate table that does not reach
        // the contract date, a price in another currency): the rule is printed without a figure
        const key = j === 'DE' && debtor.kind === 'consumer' ? 'DEconsumer' : j;
        out.push(t.t(k(`contract.late.statutory.${key}`)));
      }
    }
  };

  if (j === 'RU' && late.penaltyClause) {
    if (late.interest.kind === 'contractual' || late.flatFee) {
      if (late.interest.kind === 'contractual') {
        out.push(t.t('contract.late.penaltyRate', { rate: t.percent(late.interest.rate.percent), per: late.interest.rate.per }));
      }
      if (late.flatFee) out.push(t.t('contract.late.penaltyFee', { amount: t.money(late.flatFee) }));
      out.push(t.t('contract.late.penaltyExcludes395'));
      return out;
    }
    notes.push(t.t('contract.notes.penaltyWithoutRate'));
    statutory();
  } else if (late.interest.kind === 'statutory') {
    statutory();
  } else if (late.interest.kind === 'contractual') {
    const rate = late.interest.rate;
    const floored = j === 'FR' && debtor.kind === 'business';
    out.push(t.t(floored ? 'contract.late.contractualFR' : 'contract.late.contractual', { rate: t.percent(rate.percent), per: rate.per }));
    if (floored) {
      // the interest engine applies France's floor (3 × the legal interest rate) and reports it
      try {
        const result = probe(source, late);
        const floor = result.segments[0]?.rate.floor;
        if (floor?.applied) {
          const { year, month } = dateParts(contract.date);
          notes.push(
            t.t('contract.notes.belowFloor', {
              rate: t.percent(rate.percent),
              per: rate.per,
              floor: t.percent(floor.percent),
              legal: t.percent(floor.legalRate.percent),
              half: month <= 6 ? 1 : 2,
              year: String(year),
            }),
          );
        }
      } catch {
        notes.push(t.t('contract.notes.floorUnchecked'));
      }
    }
    if (j === 'GB' && debtor.kind === 'business') notes.push(t.t('contract.notes.substantialRemedy'));
  } else if (j === 'FR' && debtor.kind === 'business') {
    // L441-10 II: penalties are due by law between businesses and no contract rate may be lower
    // than 3 × the legal rate, so "no interest" would be an unlawful clause: print the statute
    notes.push(t.t('contract.notes.noneFR'));
    statutory();
  } else {
    out.push(t.t('contract.late.none'));
    if (debtor.kind === 'business' && (j === 'GB' || j === 'EU' || j === 'DE')) notes.push(t.t('contract.notes.noneStatutory'));
  }

  if (late.flatFee && !(j === 'RU' && late.penaltyClause)) out.push(t.t('contract.late.flatFee', { amount: t.money(late.flatFee) }));
  out.push(...compensationText(source, t, notes));
  return out;
}

interface CompensationRule {
  currency: string;
  debtors: string[];
  bands: { below: string | null; amount: string }[];
}

/**
 * The statutory fixed compensation, when the contract claims it and the law grants it (GB £40 /
 * £70 / £100 by band, s.5A; EU €40, art. 6; FR 40 €, D441-5; DE 40 €, §288(5) BGB); the amounts
 * come from the interest engine's table. France prints it even when not claimed: L441-10 II
 * requires the payment conditions to state it.
 */
function compensationText({ debtor, contract }: ContractSource, t: Translator, notes: string[]): string[] {
  const j = contract.jurisdiction;
  const rule = (compensationTable.rules as Record<string, CompensationRule | undefined>)[j];
  if (!rule) return [];
  const outcome = fixedCompensation(j, debtor.kind, { currency: rule.currency, amount: '0' });
  if (!outcome) return [];
  if (!outcome.granted) {
    if (contract.latePayment.fixedCompensation) notes.push(t.t('contract.notes.compensationNotGranted'));
    return [];
  }
  if (!contract.latePayment.fixedCompensation) {
    if (j !== 'FR') return [];
    notes.push(t.t('contract.notes.compensationFR'));
  }
  const money = (amount: string): Money => ({ currency: rule.currency, amount });
  if (rule.bands.length === 1) return [t.t(k(`contract.late.compensation.${j}`), { amount: t.money(money(rule.bands[0]!.amount)) })];
  const bands = rule.bands.map((b, i) => {
    const from = i > 0 ? rule.bands[i - 1]!.below : null;
    if (b.below === null) return t.t('contract.late.band.last', { amount: t.money(money(b.amount)), from: t.money(money(from ?? '0')) });
    if (from === null) return t.t('contract.late.band.first', { amount: t.money(money(b.amount)), limit: t.money(money(b.below)) });
    return t.t('contract.late.band.middle', { amount: t.money(money(b.amount)), from: t.money(money(from)), limit: t.money(money(b.below)) });
  });
  return [t.t(k(`contract.late.compensation.${j}`), { amount: new Intl.ListFormat(t.locale, { type: 'conjunction' }).format(bands) })];
}
