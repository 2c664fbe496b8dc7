import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AgreePlanSchema, AgreeSettlementSchema } from '../../../functions/cases/agree-plan.ts';
import { DisputeSchema, PromiseSchema } from '../../../functions/cases/pause-case.ts';
import { RecordPaymentSchema } from '../../../functions/cases/record-payment.ts';
import { CaseFileSchema } from '../../../templates/domain/schemas/case.ts';
import { ContractSchema } from '../../../templates/domain/schemas/contract.ts';
import { LadderSchema } from '../../../templates/domain/schemas/ladder.ts';
import { PartySchema } from '../../../templates/domain/schemas/party.ts';
import { checkSchedule } from '../../../templates/domain/terms/split-schedule.ts';
import { fieldErrors } from '../../../templates/domain/validation/field-errors.ts';
import { catalogs, flatten } from '../../../templates/i18n/catalogs.ts';
import example from '../../../templates/examples/en-gb-tracking.json' with { type: 'json' };
import { emptyDraft } from '../../../site/src/lib/draft.ts';
import { contractInput, partyInput } from '../../../site/src/lib/draft-input.ts';
import { errorText, knownMessage } from '../../../site/src/lib/error-text.ts';
import { siteT } from '../../../site/src/lib/site-t.ts';

const messagesOf = (schema: z.ZodType, input: unknown) => {
  const result = schema.safeParse(input);
  return result.success ? [] : fieldErrors(result.error).map((e) => e.message);
};
const t = (lang: 'en' | 'ru' | 'fr' | 'he') => siteT(lang, Object.fromEntries(flatten(catalogs[lang].site)));

/**
 * The site shows the domain's English field messages in the page's language through a table
 * of the messages (site/src/lib/error-text.ts). These cases push realistic wrong input through
 * the real schemas, the way the forms and the API do, and fail on any message the table does
 * not know: a schema message added or reworded shows up here, not as an untranslated sentence.
 */
describe('the site knows every field message the forms and the API can produce', () => {
  const draft = emptyDraft('en', '2026-04-20', { signature: 'Deposit', milestone: 'Milestone', completion: 'Balance' });
  const cases: [string, string[]][] = [
    ['a blank party', messagesOf(PartySchema, partyInput(draft.creditor, true))],
    [
      'a party with every field wrong',
      messagesOf(PartySchema, {
        ...partyInput({ ...draft.creditor, legalName: 'x'.repeat(201), email: 'not-mail', phone: 'call me', timeZone: 'CET', language: 'de' }, true),
        address: { lines: [], city: 'x', region: 'england', country: 'UK' },
        bank: { accountName: 'A', iban: 'GB00', bic: 'BANK' },
      }),
    ],
    ['a blank contract', messagesOf(ContractSchema, contractInput(draft.contract))],
    [
      'a contract with wrong numbers',
      messagesOf(ContractSchema, {
        ...contractInput({ ...draft.contract, price: { currency: 'JPY', amount: '10.5' } }),
        earlyPaymentDiscount: { percent: '100', withinDays: 0 },
        latePayment: { interest: { kind: 'contractual', rate: { percent: '300', per: 'year' } }, penaltyClause: true, flatFee: { currency: 'EUR', amount: '-1' } },
        dueDateRule: { kind: 'net', days: '30 days' },
        date: '2026-02-30',
      }),
    ],
    ['a contract in an unknown currency', messagesOf(ContractSchema, contractInput({ ...draft.contract, price: { currency: 'XXY', amount: '1,000' } }))],
    [
      'schedules that do not add up',
      [
        [{ percent: '60' }, { percent: '60' }],
        [{ percent: '30' }, { percent: '30' }],
        [{ amount: { currency: 'GBP', amount: '100.00' } }],
        [{ amount: { currency: 'GBP', amount: '100.00' } }, { percent: '50' }],
        [{ balance: true as const }, { balance: true as const }],
        [{ percent: '100' }, { balance: true as const }],
        [{ amount: { currency: 'GBP', amount: '2000.00' } }, { balance: true as const }],
        [{ amount: { currency: 'EUR', amount: '100.00' } }],
      ].flatMap((parts) => checkSchedule({ currency: 'GBP', amount: '1000.00' }, parts.map((p) => ({ label: 'x', trigger: 'milestone' as const, ...p }))).map((i) => i.message)),
    ],
    ['a schedule part with two values', messagesOf(ContractSchema, { ...contractInput(draft.contract), schedule: [{ label: '', percent: '10', balance: true }] })],
    [
      'a case file with its own mistakes',
      messagesOf(CaseFileSchema, {
        ...example,
        contract: undefined,
        invoices: [
          { ...example.invoices[0], dueDate: undefined, lines: [{ description: 'x', quantity: '0', unitPrice: '1,5', taxRate: '12.34567' }] },
          { ...example.invoices[0], issueDate: '2026-05-01', dueDate: '2026-04-01', currency: 'EUR', payments: [{ date: '2026-05-02', amount: { currency: 'GBP', amount: '1.00' } }] },
        ],
        ladder: 'fast',
        extra: true,
      }),
    ],
    ['a case file with no invoice and a foreign jurisdiction', messagesOf(CaseFileSchema, { ...example, jurisdiction: 'FR', invoices: [] })],
    ['a case file that is not an object', messagesOf(CaseFileSchema, [])],
    [
      'a ladder of my own with mistakes',
      messagesOf(LadderSchema, {
        key: 'mine',
        name: 'Mine',
        stages: [
          { key: 'Late 1', offset: { days: 3, unit: 'calendar' }, at: '25:00', channel: 'email', template: 'overdue-gentle' },
          { key: 'late', offset: { days: 7, unit: 'calendar' }, at: '10:00', channel: 'email', template: 'nice' },
          { key: 'late', offset: { days: 1, unit: 'calendar' }, at: '10:00', channel: 'task', template: 'call' },
          { key: 'sms', offset: { days: 9, unit: 'calendar' }, at: '10:00', channel: 'sms' },
        ],
      }),
    ],
    ['an empty ladder', messagesOf(LadderSchema, { key: 'mine', name: 'Mine', stages: [] })],
    [
      'case actions',
      [
        ...messagesOf(RecordPaymentSchema, { date: '20/04/2026', amount: { currency: 'GBP', amount: '12.345' }, method: 'paypal' }),
        ...messagesOf(PromiseSchema, {}),
        ...messagesOf(DisputeSchema, { note: ' ' }),
        ...messagesOf(AgreePlanSchema, { count: 0, firstDueDate: '', frequency: 'daily' }),
        ...messagesOf(AgreeSettlementSchema, { accept: { currency: 'GBP', amount: 'ten' }, payBy: 'soon' }),
      ],
    ],
    [
      'refusals the API words itself (functions/cases)',
      [
        'the promised date is in the past',
        'the first instalment is in the past',
        'the plan must cover the balance 1200.00 GBP',
        'accept.amount: must be more than 0 and less than the debt 1200.00',
        'invoice 17 is not part of this case',
        'the payment must be in GBP',
        'stage g1.late-3 is scheduled: only an uncertain or failed letter can be resent',
        'is not valid JSON',
      ],
    ],
  ];

  it.each(cases)('%s', (_name, messages) => {
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.filter((m) => !knownMessage(m))).toEqual([]);
  });
});

describe('field messages in the page language', () => {
  it('uses the plural rules of each language', () => {
    expect(errorText(t('en'), 'must be at most 200 characters').text).toBe('At most 200 characters.');
    expect(errorText(t('ru'), 'must be at most 200 characters').text).toBe('Не более 200 символов.');
    expect(errorText(t('ru'), 'must be at most 1 characters').text).toBe('Не более 1 символа.');
    expect(errorText(t('fr'), 'must be at most 40 characters').text).toBe('40 caractères au plus.');
    expect(errorText(t('he'), 'must be at most 2 characters').text).toBe('שני תווים לכל היותר.');
  });

  it('keeps codes and amounts in their left-to-right order inside Hebrew', () => {
    expect(errorText(t('he'), "must be GBP, the contract's currency").text).toBe('חייב להיות ב-\u2066GBP\u2069, מטבע החוזה.');
    expect(errorText(t('fr'), 'the amounts add up to 900.00, not the price 1000.00').text).toBe('Les montants font 900.00, et non le prix 1000.00.');
  });

  it('says which list is empty', () => {
    expect(errorText(t('en'), 'needs at least 1 item', 'debtor.emails').text).toBe('Enter an e-mail address.');
    expect(errorText(t('fr'), 'needs at least 1 item', 'invoices[0].lines').text).toBe('Ajoutez au moins une ligne.');
    expect(errorText(t('en'), 'needs at least 1 item', 'contract.paymentMethods').text).toBe('Add at least 1 item.');
  });

  it('shows an unknown sentence as "not valid" in the page language and keeps the English original', () => {
    expect(errorText(t('ru'), 'is frobnicated')).toEqual({ text: 'Недопустимое значение.', original: 'is frobnicated' });
  });
});
