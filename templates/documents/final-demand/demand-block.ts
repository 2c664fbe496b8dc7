import type { Column } from '../parts/Table.tsx';
import type { StatementView, SumRow } from '../statement/statement-view.ts';

/**
 * A piece of a formal letter's body or of a text annex, already worded: the components only lay
 * it out (headings, paragraphs, lists, tables, label/amount rows).
 */
export type DemandBlock =
  | { type: 'heading'; text: string }
  | { type: 'para'; text: string; bold?: boolean }
  | { type: 'list'; items: string[]; ordered?: boolean }
  | { type: 'table'; columns: Column[]; rows: string[][] }
  | { type: 'sums'; rows: SumRow[] };

/** One line of a form to fill in by hand. */
export type FormItem =
  /** a box to tick, with its label */
  | { type: 'check'; label: string }
  /** a label and `lines` ruled lines to write on */
  | { type: 'field'; label: string; lines?: number }
  /** a label and a short box for an amount, at the end of the line */
  | { type: 'amount'; label: string; strong?: boolean }
  /** a table with headed columns and `rows` empty rows */
  | { type: 'grid'; columns: string[]; rows: number }
  | { type: 'note'; text: string };

/** A section of a form; `box` is the letter of a Reply Form box (A–D). */
export interface FormSection {
  heading: string;
  box?: string | undefined;
  intro?: string | undefined;
  items: FormItem[];
}

/** What follows the letter in the same PDF, each annex starting on a new page. */
export type DemandAnnex =
  | { type: 'statement'; title: string; view: StatementView }
  | { type: 'text'; title: string; blocks: DemandBlock[] }
  | { type: 'form'; title: string; intro: DemandBlock[]; sections: FormSection[] };

/**
 * Shorthands for building blocks.
 *
 * @example block.para(t.t('legal.lba.intro', { … })) // { type: 'para', text: 'This is a letter before action …' }
 */
export const block = {
  para: (text: string, bold?: boolean): DemandBlock => ({ type: 'para', text, ...(bold ? { bold } : {}) }),
  heading: (text: string): DemandBlock => ({ type: 'heading', text }),
  list: (items: string[], ordered?: boolean): DemandBlock => ({ type: 'list', items, ...(ordered ? { ordered } : {}) }),
  sums: (rows: SumRow[]): DemandBlock => ({ type: 'sums', rows }),
};
