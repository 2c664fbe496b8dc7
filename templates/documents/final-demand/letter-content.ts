import type { DemandAnnex, DemandBlock } from './demand-block.ts';

/**
 * What a jurisdiction's letter builder returns: the worded letter and its annexes. The frame
 * (parties, date, references, signature, contact) is common to all and added by
 * `finalDemandView`.
 */
export interface LetterContent {
  /** the document title (PDF metadata and the annex pages' running title) */
  title: string;
  subject: string;
  /** how the letter is sent, printed under the date ("Lettre recommandée avec accusé de réception") */
  dispatch?: string | undefined;
  salutation?: string | undefined;
  blocks: DemandBlock[];
  closing: string;
  /** printed above the signature space, e.g. "Уполномоченное лицо Исполнителя" */
  signatureLabel?: string | undefined;
  enclosures: string[];
  annexes: DemandAnnex[];
}
