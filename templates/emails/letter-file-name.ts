import type { LetterView } from '../documents/letter/letter-view.ts';

/** The longest file name stem a letter gets, before ".pdf". */
const maxStem = 100;

/**
 * The file name of a letter's PDF, from its subject: letters and digits of any script, spaces,
 * dots, dashes and underscores kept, everything else (slashes, colons, quotes, control and bidi
 * characters) turned into a space, at most 100 characters. The e-mail names its attachment
 * with it and its body mentions it.
 *
 * @example letterFileName(view) // 'Second reminder invoice PD-0142 overdue since 1 April 2026.pdf'
 * @see https://www.rfc-editor.org/rfc/rfc2231 (non-ASCII file names in MIME, encoded by nodemailer)
 */
export function letterFileName(view: Pick<LetterView, 'subject' | 'invoiceNumbers'>): string {
  const stem = view.subject
    .replace(/[^\p{L}\p{M}\p{N} ._-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, maxStem)
    .replace(/^[.\s]+|[.\s]+$/g, '');
  return `${stem || view.invoiceNumbers.join('-').replace(/[^\p{L}\p{N}-]+/gu, '') || 'letter'}.pdf`;
}
