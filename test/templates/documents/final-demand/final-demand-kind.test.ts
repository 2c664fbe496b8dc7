import { describe, expect, it } from 'vitest';
import { finalDemandKind } from '../../../../templates/documents/final-demand/final-demand-kind.ts';
import { finalDemandView } from '../../../../templates/documents/final-demand/final-demand-view.ts';
import { translator } from '../../../../templates/i18n/translator.ts';
import { deBusiness, frCompany, gbCompany, gbIndividual, gbSoleTrader, ilContract, ruCompany, usNewYork } from './demand-cases.ts';

describe('finalDemandKind', () => {
  it('England & Wales: a company gets a letter before action; an individual or a sole trader a letter of claim (PAP Debt Claims)', () => {
    expect(finalDemandKind(gbCompany())).toBe('letter-before-action');
    expect(finalDemandKind(gbIndividual())).toBe('letter-of-claim');
    expect(finalDemandKind(gbSoleTrader())).toBe('letter-of-claim');
  });
  it('each other jurisdiction gets its own formal letter', () => {
    expect(finalDemandKind(frCompany())).toBe('mise-en-demeure');
    expect(finalDemandKind(deBusiness())).toBe('mahnung');
    expect(finalDemandKind(ruCompany())).toBe('pretenziya');
    expect(finalDemandKind(ilContract())).toBe('hatraa');
    expect(finalDemandKind(usNewYork())).toBe('final-demand');
    expect(finalDemandKind({ ...usNewYork(), jurisdiction: 'US-CA' })).toBe('final-demand');
    expect(finalDemandKind({ ...frCompany(), jurisdiction: 'EU' })).toBe('final-demand');
  });
  it('refuses a final demand when nothing is overdue yet, and a period that is not a number of days', () => {
    expect(() => finalDemandView({ caseFile: gbCompany(), date: '2026-04-01' }, translator('en'))).toThrow(
      'No invoice is past its due date on 2026-04-01: a final demand needs at least one overdue invoice (see the statement of account instead)',
    );
    expect(() => finalDemandView({ caseFile: gbCompany(), date: '2026-06-15', respondWithinDays: 0 }, translator('en'))).toThrow(
      'respondWithinDays must be a whole number of days from 1 to 365, not 0',
    );
  });
});
