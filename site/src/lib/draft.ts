import type { SupportedLanguage } from './languages.ts';

/**
 * What the owner is drafting, as the forms hold it: every field a string (or a flag), blanks
 * allowed, one draft shared by the contract builder, the invoice builder and the ladder planner
 * (the parties typed once flow everywhere). `toCaseInput` and friends turn it into the domain's
 * input shapes, which the zod schemas then judge; the draft itself is never "valid" or "invalid".
 */
export interface PartyDraft {
  kind: 'business' | 'consumer';
  soleTrader: boolean;
  legalName: string;
  tradingName: string;
  contactName: string;
  address: { lines: [string, string]; city: string; postalCode: string; region: string; country: string };
  email: string;
  phone: string;
  language: string;
  timeZone: string;
  taxId: string;
  companyId: string;
  bank: { accountName: string; iban: string; bic: string; details: string };
}

export type ScheduleMode = 'percent' | 'amount' | 'balance';

export interface SchedulePartDraft {
  label: string;
  trigger: 'signature' | 'milestone' | 'completion';
  mode: ScheduleMode;
  value: string;
}

export interface DueDateRuleDraft {
  kind: 'on-receipt' | 'net' | 'end-of-month' | 'fixed';
  days: string;
  method: 'add-then-eom' | 'eom-then-add';
  date: string;
}

export interface DiscountDraft {
  enabled: boolean;
  percent: string;
  withinDays: string;
}

export type PaymentMethod = 'bank-transfer' | 'card' | 'cash' | 'cheque' | 'other';

export interface ContractDraft {
  number: string;
  date: string;
  title: string;
  scope: string;
  completion: string;
  price: { currency: string; amount: string };
  schedule: SchedulePartDraft[];
  dueDateRule: DueDateRuleDraft;
  earlyPaymentDiscount: DiscountDraft;
  latePayment: {
    interest: { kind: 'statutory' | 'contractual' | 'none'; percent: string; per: 'year' | 'month' };
    flatFee: string;
    fixedCompensation: boolean;
    penaltyClause: boolean;
  };
  jurisdiction: string;
  paymentMethods: PaymentMethod[];
  clauses: { samePolicyForEveryone: boolean; deliverablesReleasedOnPayment: boolean };
  language: string;
}

export interface InvoiceLineDraft {
  description: string;
  quantity: string;
  unit: string;
  unitPrice: string;
  taxRate: string;
}

export interface InvoiceDraft {
  /** drawn from the contract above (its parties, currency, due-date rule and law) or standalone */
  source: 'contract' | 'standalone';
  number: string;
  issueDate: string;
  /** standalone only: with a contract the currency is the contract's */
  currency: string;
  lines: InvoiceLineDraft[];
  /** the contract's schedule part this invoice bills (its label), if any */
  schedulePart: string;
  /** standalone only: how the due date is found */
  dueDateRule: DueDateRuleDraft;
  /** standalone only: the governing law */
  jurisdiction: string;
  earlyPaymentDiscount: DiscountDraft;
  notes: string;
  /** the invoice's language (the PDF's), by default the client's */
  language: string;
}

export interface StageDraft {
  key: string;
  channel: 'email' | 'task';
  template: string;
  days: string;
  unit: 'calendar' | 'business';
  at: string;
  /** e-mail stages: days given to pay (final demand, credit reporting) */
  respondWithinDays: string;
  /** task stages: what to say or do */
  note: string;
}

export interface LadderDraft {
  choice: 'tracking' | 'pressure-scale' | 'gentle' | 'custom';
  custom: { name: string; rollToBusinessDay: boolean; stages: StageDraft[] };
  catchUp: 'latest' | 'none';
}

export interface Draft {
  version: 1;
  reference: string;
  creditor: PartyDraft;
  debtor: PartyDraft;
  contract: ContractDraft;
  invoice: InvoiceDraft;
  ladder: LadderDraft;
  /** when the draft was last changed (ISO instant) */
  savedAt: string;
}

const countryOf: Record<SupportedLanguage, string> = { en: 'GB', ru: 'RU', fr: 'FR', he: 'IL' };
const currencyOfCountry: Record<string, string> = { GB: 'GBP', RU: 'RUB', FR: 'EUR', IL: 'ILS' };
const zoneOfCountry: Record<string, string> = { GB: 'Europe/London', RU: 'Europe/Moscow', FR: 'Europe/Paris', IL: 'Asia/Jerusalem' };
const documentLanguage: Record<SupportedLanguage, string> = { en: 'en-GB', ru: 'ru', fr: 'fr', he: 'he' };

export function emptyParty(lang: SupportedLanguage, kind: PartyDraft['kind'] = 'business'): PartyDraft {
  const country = countryOf[lang];
  return {
    kind,
    soleTrader: false,
    legalName: '',
    tradingName: '',
    contactName: '',
    address: { lines: ['', ''], city: '', postalCode: '', region: '', country },
    email: '',
    phone: '',
    language: documentLanguage[lang],
    timeZone: zoneOfCountry[country]!,
    taxId: '',
    companyId: '',
    bank: { accountName: '', iban: '', bic: '', details: '' },
  };
}

/**
 * A fresh draft for a page language: that language's usual country, currency, zone and law,
 * today's date, a 30 / 30 / balance schedule and net 30 days. Nothing about the people is guessed.
 */
export function emptyDraft(lang: SupportedLanguage, today: string, labels: { signature: string; milestone: string; completion: string }): Draft {
  const country = countryOf[lang];
  const currency = currencyOfCountry[country]!;
  const rule: DueDateRuleDraft = { kind: 'net', days: '30', method: 'add-then-eom', date: '' };
  return {
    version: 1,
    reference: '',
    creditor: emptyParty(lang),
    debtor: emptyParty(lang),
    contract: {
      number: '',
      date: today,
      title: '',
      scope: '',
      completion: '',
      price: { currency, amount: '' },
      schedule: [
        { label: labels.signature, trigger: 'signature', mode: 'percent', value: '30' },
        { label: labels.milestone, trigger: 'milestone', mode: 'percent', value: '30' },
        { label: labels.completion, trigger: 'completion', mode: 'balance', value: '' },
      ],
      dueDateRule: rule,
      earlyPaymentDiscount: { enabled: false, percent: '2', withinDays: '10' },
      latePayment: { interest: { kind: 'statutory', percent: '', per: 'year' }, flatFee: '', fixedCompensation: true, penaltyClause: false },
      jurisdiction: country,
      paymentMethods: ['bank-transfer'],
      clauses: { samePolicyForEveryone: false, deliverablesReleasedOnPayment: false },
      language: documentLanguage[lang],
    },
    invoice: {
      source: 'contract',
      number: '',
      issueDate: today,
      currency,
      lines: [{ description: '', quantity: '1', unit: '', unitPrice: '', taxRate: '0' }],
      schedulePart: '',
      dueDateRule: { ...rule },
      jurisdiction: country,
      earlyPaymentDiscount: { enabled: false, percent: '2', withinDays: '10' },
      notes: '',
      language: documentLanguage[lang],
    },
    ladder: { choice: 'tracking', custom: { name: '', rollToBusinessDay: true, stages: [] }, catchUp: 'latest' },
    savedAt: '',
  };
}
