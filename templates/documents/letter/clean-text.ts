import { stripBidiControls } from './strip-bidi-controls.ts';

/** Longest run of non-space characters printed without a break opportunity. */
const maxRun = 40;

/**
 * User-supplied prose made safe to print: bidi overrides removed ({@link stripBidiControls}) and
 * a ZERO WIDTH SPACE (U+200B, a line-break opportunity) put into every run of more than 40
 * characters without a space, so that a 10,000-character "word" wraps inside the page and the
 * e-mail instead of running off the edge (documents never hyphenate, see register-fonts.ts).
 *
 * @example cleanText('x'.repeat(100)).split('\u200B').map((s) => s.length) // [40, 40, 20]
 * @see https://www.unicode.org/reports/tr14/#ZW (ZW: a break opportunity)
 */
export function cleanText(text: string): string {
  return stripBidiControls(text).replace(new RegExp(`\\S{${maxRun + 1},}`, 'gu'), (run) => {
    const parts = Array.from(run);
    const out: string[] = [];
    for (let i = 0; i < parts.length; i += maxRun) out.push(parts.slice(i, i + maxRun).join(''));
    return out.join('\u200B');
  });
}
