import type { CaseFile } from '../../domain/schemas/case.ts';
import type { PlainDate } from '../../domain/time/plain-date.ts';
import type { Translator } from '../../i18n/translator.ts';
import type { DemandAnnex, DemandBlock } from './demand-block.ts';
import { demandFacts } from './demand-facts.ts';
import type { FinalDemandKind } from './final-demand-kind.ts';
import { finalDemandLetter } from './kinds/final-demand-letter.ts';
import { hatraa } from './kinds/hatraa.ts';
import { letterBeforeAction } from './kinds/letter-before-action.ts';
import { letterOfClaim } from './kinds/letter-of-claim.ts';
import { mahnung } from './kinds/mahnung.ts';
import { miseEnDemeure } from './kinds/mise-en-demeure.ts';
import { pretenziya } from './kinds/pretenziya.ts';
import type { LetterContent } from './letter-content.ts';

/** What a final demand is drawn from. */
export interface FinalDemandSource {
  caseFile: CaseFile;
  /** the date at the top of the letter; the period runs from it and the statement is as of it */
  date: PlainDate;
  /** the period to pay or reply, in calendar days; default per kind (`defaultPeriods`) */
  respondWithinDays?: number | undefined;
  /** Germany only: `first` writes the first Mahnung, `final` (default) the Letzte Mahnung */
  step?: 'first' | 'final' | undefined;
}

/** Every string of a final demand, worded and formatted: the components lay it out. */
export interface FinalDemandView {
  kind: FinalDemandKind;
  title: string;
  subject: string;
  /** dispatch line, our reference, invoice numbers: under the date */
  references: string[];
  salutation?: string | undefined;
  blocks: DemandBlock[];
  /** the date the debtor must pay or reply by (letter date + `days`) */
  deadline: PlainDate;
  days: number;
  enclosuresHeading: string;
  enclosures: string[];
  closing: string;
  signatureLabel?: string | undefined;
  signatory: string;
  contact: string;
  annexes: DemandAnnex[];
}

/**
 * The formal final demand of the case's jurisdiction, worded in the language of `t` (by default
 * the debtor's: see `FinalDemandDocument`), ready to sign: a letter before action or a letter of
 * claim with its annexes (England & Wales), a mise en demeure (France), a Mahnung / Letzte Mahnung
 * (Germany), a претензия (Russia), a מכתב התראה (Israel), or a final demand (New York,
 * California, EU). Each carries the elements of LEGAL.md §10; the figures come from the
 * statement of account (interest engine, `until` = the letter's date), which is enclosed.
 *
 * @example finalDemandView({ caseFile, date: '2026-06-15' }, translator('fr')).subject // 'Mise en demeure de payer – factures F-2026-031'
 * @see shared/LEGAL.md §1.4, §3.3, §4.2, §5.4, §6.3, §7, §10
 */
export function finalDemandView(source: FinalDemandSource, t: Translator): FinalDemandView {
  const f = demandFacts(source, t);
  const content: LetterContent = (() => {
    switch (f.kind) {
      case 'letter-before-action':
        return letterBeforeAction(f);
      case 'letter-of-claim':
        return letterOfClaim(f);
      case 'mise-en-demeure':
        return miseEnDemeure(f);
      case 'mahnung':
        return mahnung(f, source.step ?? 'final');
      case 'pretenziya':
        return pretenziya(f);
      case 'hatraa':
        return hatraa(f);
      case 'final-demand':
        return finalDemandLetter(f);
    }
  })();
  const references = [
    ...(content.dispatch ? [content.dispatch] : []),
    ...(source.caseFile.reference ? [t.t('common.letter.ourRef', { reference: f.reference })] : []),
  ];
  return {
    kind: f.kind,
    title: content.title,
    subject: content.subject,
    references,
    salutation: content.salutation,
    blocks: content.blocks,
    deadline: f.deadline,
    days: f.days,
    enclosuresHeading: t.t('legal.demand.enclosures'),
    enclosures: content.enclosures,
    closing: content.closing,
    signatureLabel: content.signatureLabel,
    signatory: f.creditor.contactName ?? f.creditor.legalName,
    contact: f.contact,
    annexes: content.annexes,
  };
}
