import type { Translator } from '../../i18n/translator.ts';
import { stripBidiControls } from './strip-bidi-controls.ts';

/**
 * A reference (an invoice or contract number) inside a sentence, cleaned of bidi controls and
 * isolated left to right in a right-to-left language when it needs it: not when it has
 * right-to-left letters of its own ("כהן-2026-2" reads right to left) or is plain digits
 * ("1042" cannot be reordered), but "PD-0142" or "2026/04-B" would be.
 *
 * @example inlineReference(translator('he'), 'PD-0142') // '\u2066PD-0142\u2069'
 * @see https://www.unicode.org/reports/tr9/#Explicit_Directional_Isolates
 */
export function inlineReference(t: Translator, text: string): string {
  const clean = stripBidiControls(text);
  return /[\u0590-\u08FF]/.test(clean) || /^\d+$/.test(clean) ? clean : t.ltr(clean);
}
