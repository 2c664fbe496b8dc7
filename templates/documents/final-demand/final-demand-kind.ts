import type { CaseFile } from '../../domain/schemas/case.ts';

/**
 * The formal final demand a jurisdiction expects:
 * - `letter-before-action`: England & Wales, debtor a company (a business that is not a sole
 *   trader): Practice Direction – Pre-Action Conduct and Protocols, 14 days;
 * - `letter-of-claim`: England & Wales, debtor an individual or a sole trader: Pre-Action
 *   Protocol for Debt Claims, 30 days, with the statement, Information Sheet, Reply Form and
 *   Financial Statement;
 * - `mise-en-demeure`: France (art. 1344 Code civil);
 * - `mahnung`: Germany (Mahnung / Letzte Mahnung, §§ 286, 288 BGB);
 * - `pretenziya`: Russia (претензия, АПК РФ ст. 4 ч. 5);
 * - `hatraa`: Israel (מכתב התראה);
 * - `final-demand`: New York, California and the EU Directive minimum.
 */
export type FinalDemandKind = 'letter-before-action' | 'letter-of-claim' | 'mise-en-demeure' | 'mahnung' | 'pretenziya' | 'hatraa' | 'final-demand';

/**
 * Which formal final demand a case gets, from its jurisdiction and its debtor. In England and
 * Wales the Pre-Action Protocol for Debt Claims applies to a debt claimed from an individual,
 * sole traders included, and not to a company: so a consumer or a `soleTrader` business gets a
 * letter of claim, any other business a letter before action.
 *
 * @example finalDemandKind({ ...caseFile, jurisdiction: 'GB', debtor: { ...debtor, kind: 'business', soleTrader: true } }) // 'letter-of-claim'
 * @see shared/LEGAL.md §1.4 (PAP Debt Claims / PD-PAC), §3.3, §4.2, §5.4, §6.3, §7, §10
 */
export function finalDemandKind(caseFile: Pick<CaseFile, 'jurisdiction' | 'debtor'>): FinalDemandKind {
  switch (caseFile.jurisdiction) {
    case 'GB':
      return caseFile.debtor.kind === 'business' && !caseFile.debtor.soleTrader ? 'letter-before-action' : 'letter-of-claim';
    case 'FR':
      return 'mise-en-demeure';
    case 'DE':
      return 'mahnung';
    case 'RU':
      return 'pretenziya';
    case 'IL':
      return 'hatraa';
    case 'EU':
    case 'US-NY':
    case 'US-CA':
      return 'final-demand';
  }
}
