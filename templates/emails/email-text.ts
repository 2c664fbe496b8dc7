import type { LetterBlock, LetterView } from '../documents/letter/letter-view.ts';
import type { Translator } from '../i18n/translator.ts';

/**
 * The plain-text body of a stage e-mail, from the same letter view as the PDF and the HTML:
 * paragraphs separated by blank lines, one line per table row ("label: value" cells), one line
 * per sum. In a right-to-left language every line starts with a RIGHT-TO-LEFT MARK (U+200F), so
 * that clients which pick the direction from the first strong character align lines that begin
 * with an invoice number or an amount to the right.
 *
 * @example emailText(letterView(source, t), t, { attachmentNote, footer })
 * @see https://www.unicode.org/reports/tr9/#P2 (paragraph direction from the first strong character)
 */
export function emailText(view: LetterView, t: Translator, notes: { attachmentNote: string; footer: string }): string {
  const paragraphs: string[] = [
    [view.subject, ...view.references].join('\n'),
    view.salutation,
    ...view.blocks.map((block) => blockText(block, t)),
    [view.closing, view.signatory, ...view.signatoryLines].join('\n'),
    view.contact,
    `--\n${notes.attachmentNote}\n${notes.footer}`,
  ];
  const text = paragraphs.join('\n\n');
  const lines = text.split('\n');
  return `${(view.dir === 'rtl' ? lines.map((line) => (line && line !== '--' ? `\u200F${line}` : line)) : lines).join('\n')}\n`;
}

function blockText(block: LetterBlock, t: Translator): string {
  const pair = (label: string, value: string) => t.t('common.letter.labelValue', { label, value });
  switch (block.kind) {
    case 'para':
      return block.quote ? `> ${block.text}` : block.text;
    case 'table':
      return block.rows.map((row) => `- ${row.map((cell, i) => pair(block.columns[i]?.label ?? '', cell)).join(' | ')}`).join('\n');
    case 'sums':
      return block.rows.map((row) => pair(row.label, row.value)).join('\n');
    case 'box':
      return [block.heading, ...block.lines].join('\n');
  }
}
