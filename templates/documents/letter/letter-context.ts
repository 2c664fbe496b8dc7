import type { InterestResult } from '../../domain/interest/interest-result.ts';
import type { Money } from '../../domain/money/money.ts';
import type { Party } from '../../domain/schemas/party.ts';
import type { Instalment, PaymentPlan, Settlement } from '../../domain/schemas/payment-plan.ts';
import { addCalendarDays, type PlainDate } from '../../domain/time/plain-date.ts';
import type { Translator } from '../../i18n/translator.ts';
import { cleanParty } from './clean-party.ts';
import { cleanText } from './clean-text.ts';
import { letterFigures, type LetterFigures, type LetterInvoice } from './letter-figures.ts';
import { letterProfiles, type LetterProfile } from './letter-profiles.ts';
import type { LetterSource } from './letter-source.ts';
import { LetterSourceError } from './letter-source-error.ts';
import { offeredPlan } from './offered-plan.ts';
import { offeredSettlement } from './offered-settlement.ts';
import { sumMoney } from './sum-money.ts';
import { displayName } from './display-name.ts';
import { inlineReference as reference } from './inline-reference.ts';
import { listOf } from './list-of.ts';

/** Values an ICU message receives. */
export type MessageValues = Record<string, string | number>;

/**
 * Everything a letter's subject and body are worded from: the figures, the invoices the letter
 * quotes, its dates, the offer or plan, and the message values shared by every sentence.
 */
export interface LetterContext {
  source: LetterSource;
  t: Translator;
  profile: LetterProfile;
  figures: LetterFigures;
  /** the invoices the letter is about: the overdue ones once anything is overdue, else the open ones */
  quoted: LetterInvoice[];
  /** the engine's result per quoted invoice (same order) when interest was computed */
  interest: (InterestResult | undefined)[];
  /** the creditor and the debtor with their free text cleaned for printing */
  creditor: Party;
  debtor: Party;
  /** per currency: balance of the quoted invoices, what lateness adds, what the letter asks for */
  balance: Money[];
  charges: Money[];
  total: Money[];
  deadline?: PlainDate | undefined;
  plan?: PaymentPlan | undefined;
  instalment?: Instalment | undefined;
  settlement?: Settlement | undefined;
  values: MessageValues;
}

/**
 * Computes a letter's context once, for `letterSubject` and `letterView`.
 *
 * @throws LetterSourceError when the stage needs data the source lacks, or nothing is owed
 * @example letterContext({ caseFile, stage: { template: 'overdue-firm' }, date: '2026-04-16' }, translator('en-GB')).values.total // '£2,963.91'
 * @see ./letter-profiles.ts (tone, charges and deadline per stage)
 */
export function letterContext(source: LetterSource, t: Translator): LetterContext {
  const template = source.stage.template;
  const profile = letterProfiles[template];
  const figures = letterFigures(source);
  const quoted = figures.overdue.length > 0 && profile.charges !== 'none' ? figures.overdue : figures.open;
  const charges = figures.charges;
  const interest = quoted.map((line) => (charges.status === 'computed' ? charges.summary.invoices[figures.overdue.indexOf(line)] : undefined));
  const balance = sumMoney(quoted.map((line) => line.totals.balance));
  const chargeTotals = charges.status === 'computed' && quoted === figures.overdue ? sumMoney([charges.summary.totals.charges]).filter((m) => Number(m.amount) > 0) : [];
  const amountDue = sumMoney([...balance, ...chargeTotals]);
  const total = profile.charges === 'claim' ? amountDue : balance;

  const days = (fallback: number | null, override?: number) => override ?? fallback;
  const respond = days(profile.respondDays, template === 'ultimatum' ? source.stage.suspendAfterDays : source.stage.respondWithinDays);
  let deadline = respond === null ? undefined : addCalendarDays(source.date, respond);

  const money = (list: Money[]) => listOf(t, list.map((m) => t.money(m)));
  const contract = source.caseFile.contract;
  const values: MessageValues = {
    creditor: displayName(source.caseFile.creditor),
    debtor: cleanText(source.caseFile.debtor.legalName),
    count: quoted.length,
    numbers: listOf(t, quoted.map((line) => reference(t, line.invoice.number))),
    due: t.date(quoted[0]!.invoice.dueDate),
    days: figures.daysOverdue,
    date: t.date(source.date),
    balance: money(balance),
    total: money(total),
    charges: money(chargeTotals),
    hasCharges: chargeTotals.length > 0 ? 'yes' : 'no',
    hasWork: contract ? 'yes' : 'no',
    work: contract ? t.t('letters.quoted', { text: cleanText(contract.title) }) : '',
  };

  let plan: PaymentPlan | undefined;
  let instalment: Instalment | undefined;
  let settlement: Settlement | undefined;
  switch (template) {
    case 'payment-plan-offer': {
      if (balance.length !== 1) throw new LetterSourceError(`A payment-plan offer needs the invoices in one currency, not ${balance.map((m) => m.currency).join(' and ')}`);
      plan = offeredPlan(source, balance[0]!);
      Object.assign(values, { instalments: plan.instalments.length, acceptBy: t.date(deadline!), planTotal: t.money(plan.total) });
      break;
    }
    case 'settlement-offer': {
      if (balance.length !== 1) throw new LetterSourceError(`A settlement offer needs the invoices in one currency, not ${balance.map((m) => m.currency).join(' and ')}`);
      settlement = offeredSettlement(source, balance[0]!, amountDue[0]!);
      deadline = settlement.payBy;
      Object.assign(values, { accept: t.money(settlement.accept), inFullOf: t.money(settlement.inFullOf), expiry: t.date(settlement.payBy) });
      break;
    }
    case 'promise-confirmation': {
      if (!source.promise) throw new LetterSourceError('A promise-confirmation letter needs source.promise.date, the date the debtor promised to pay by');
      values.promised = t.date(source.promise.date);
      break;
    }
    case 'instalment-reminder':
    case 'instalment-missed': {
      plan = source.paymentPlan;
      if (!plan) throw new LetterSourceError(`An ${template} letter needs source.paymentPlan, the agreed plan`);
      instalment = pickInstalment(plan, source, template === 'instalment-missed');
      Object.assign(values, {
        number: instalment.number,
        instalments: plan.instalments.length,
        amount: t.money(instalment.amount),
        instalmentDue: t.date(instalment.dueDate),
      });
      break;
    }
    default:
      break;
  }
  if (deadline) {
    values.deadline = t.date(deadline);
    values.suspension = t.date(deadline);
  }
  return {
    source,
    t,
    profile,
    figures,
    quoted,
    interest,
    creditor: cleanParty(source.caseFile.creditor),
    debtor: cleanParty(source.caseFile.debtor),
    balance,
    charges: chargeTotals,
    total,
    deadline,
    plan,
    instalment,
    settlement,
    values,
  };
}

function pickInstalment(plan: PaymentPlan, source: LetterSource, missed: boolean): Instalment {
  if (source.instalment !== undefined) {
    const chosen = plan.instalments.find((i) => i.number === source.instalment);
    if (!chosen) throw new LetterSourceError(`The payment plan has no instalment ${source.instalment} (it has ${plan.instalments.map((i) => i.number).join(', ')})`);
    return chosen;
  }
  if (missed) return [...plan.instalments].reverse().find((i) => i.dueDate < source.date) ?? plan.instalments[0]!;
  return plan.instalments.find((i) => i.dueDate >= source.date) ?? plan.instalments[plan.instalments.length - 1]!;
}
