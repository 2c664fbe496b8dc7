import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { CaseFileSchema } from '#domain/schemas/case.ts';
import { LadderSchema } from '#domain/schemas/ladder.ts';
import { fieldErrors } from '#domain/validation/field-errors.ts';
import { planCase } from '#domain/ladder/plan-case.ts';

const dir = new URL('../../../../templates/examples/', import.meta.url);
const examples = readdirSync(dir).filter((f) => f.endsWith('.json'));
const load = (name: string) => JSON.parse(readFileSync(new URL(name, dir), 'utf8'));
const errorsOf = (data: unknown) => {
  const result = CaseFileSchema.safeParse(data);
  return result.success ? [] : fieldErrors(result.error).map((e) => `${e.path}: ${e.message}`);
};

describe('example case files', () => {
  it('cover every ready ladder and every language', () => {
    const files = examples.map(load);
    expect(new Set(files.map((f) => f.ladder))).toEqual(new Set(['tracking', 'pressure-scale', 'gentle']));
    expect(new Set(files.map((f) => String(f.debtor.language).slice(0, 2)))).toEqual(new Set(['en', 'fr', 'ru', 'he']));
  });
  it.each(examples)('%s is valid and plans', (name) => {
    const parsed = CaseFileSchema.parse(load(name));
    expect(parsed.invoices.every((i) => /^\d{4}-\d{2}-\d{2}$/.test(i.dueDate))).toBe(true);
    expect(planCase(parsed).stages.length).toBeGreaterThan(0);
  });
  it('computes missing due dates from the contract as calendar dates', () => {
    const parsed = CaseFileSchema.parse(load('fr-pressure-scale.json'));
    // issued 16 Mar 2026, 45 days end of month (add then end of month): 30 Apr 2026
    expect(parsed.invoices[0]!.dueDate).toBe('2026-04-30');
    expect(parsed.jurisdiction).toBe('FR');
  });
});

describe('bad case files: every problem named with its field', () => {
  const base = () => load('en-gb-tracking.json');
  it('an unknown currency', () => {
    const file = base();
    file.invoices[0].currency = 'GBX';
    expect(errorsOf(file)).toEqual(['invoices[0].currency: is not an ISO 4217 currency code (for example EUR, GBP, USD, ILS, RUB)']);
  });
  it('an unknown time zone and a bad e-mail', () => {
    const file = base();
    file.debtor.timeZone = 'Europe/Londres';
    file.debtor.emails = ['accounts-at-acme'];
    expect(errorsOf(file)).toEqual([
      'debtor.emails[0]: is not an e-mail address',
      'debtor.timeZone: is not an IANA time zone name (for example Europe/Paris, Asia/Jerusalem, America/New_York)',
    ]);
  });
  it('amounts that do not add up', () => {
    const file = base();
    file.contract.schedule[2].percent = '50';
    expect(errorsOf(file)).toEqual(['contract.schedule: the percentages add up to 110 %, more than 100 %']);
  });
  it('a due date before the issue date', () => {
    const file = base();
    file.invoices[0].dueDate = '2026-02-01';
    expect(errorsOf(file)).toEqual(['invoices[0].dueDate: must not be before the issue date 2026-03-02']);
  });
  it('a ladder whose stages are out of order', () => {
    const file = base();
    file.ladder = {
      key: 'mine',
      name: 'Mine',
      stages: [
        { key: 'a', offset: { days: 7, unit: 'calendar' }, at: '10:00', channel: 'email', template: 'overdue-gentle' },
        { key: 'b', offset: { days: 3, unit: 'calendar' }, at: '10:00', channel: 'email', template: 'overdue-firm' },
      ],
    };
    expect(errorsOf(file)).toEqual([
      'ladder.stages[1].offset: is out of order: stage "b" (day 3 at 10:00) must come after "a" (day 7 at 10:00)',
    ]);
  });
  it('an unknown field (a typo) rather than silently dropping it', () => {
    const file = base();
    file.invoices[0].dueDat = '2026-04-01';
    expect(errorsOf(file)).toEqual(['invoices[0]: has unknown field dueDat']);
  });
  it('missing and mistyped fields', () => {
    const file = base();
    delete file.debtor.legalName;
    file.invoices[0].lines[0].quantity = 2;
    expect(errorsOf(file)).toEqual(['debtor.legalName: is required', 'invoices[0].lines[0].quantity: must be a string, not a number']);
  });
  it('no contract and no jurisdiction or due date', () => {
    const file = base();
    delete file.contract;
    expect(errorsOf(file)).toEqual([
      'jurisdiction: is required when the case has no contract',
      'invoices[0].dueDate: is required when the case has no contract to compute it from',
    ]);
  });
  it('an unsupported language and a made-up country', () => {
    const file = base();
    file.debtor.language = 'de';
    file.debtor.address.country = 'UK';
    expect(errorsOf(file)).toEqual([
      'debtor.address.country: must be an ISO 3166-1 alpha-2 country code in capitals (for example GB, FR, DE, RU, IL, US)',
      'debtor.language: must be a BCP 47 language tag for one of en, ru, fr, he (for example en, en-GB, fr, he)',
    ]);
  });
});

describe('ladder schema', () => {
  it('refuses duplicate keys', () => {
    const result = LadderSchema.safeParse({
      key: 'x',
      name: 'X',
      stages: [
        { key: 'a', offset: { days: 1, unit: 'calendar' }, at: '10:00', channel: 'email', template: 'overdue-gentle' },
        { key: 'a', offset: { days: 2, unit: 'calendar' }, at: '10:00', channel: 'task', template: 'call' },
      ],
    });
    expect(fieldErrors(result.error!).map((e) => `${e.path}: ${e.message}`)).toEqual(['stages[1].key: "a" is used twice']);
  });
});
