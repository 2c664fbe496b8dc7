import type { Translator } from '../../i18n/translator.ts';

/** Hebrew, Arabic and the other right-to-left scripts' blocks. */
const rtlChar = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;

/**
 * Wraps text the user typed (a scope of work, a name, a label) in a first-strong isolate
 * (U+2068 … U+2069) whenever its direction may differ from the document's – in a right-to-left
 * document, or when the text has right-to-left letters – so that it keeps its own direction:
 * English inside a Hebrew sentence keeps its final full stop at its end, and Hebrew inside an
 * English one does too, instead of the bidi algorithm moving it to the other end of the line.
 * Plain left-to-right text in a left-to-right document is returned unchanged. (For text that is
 * always left-to-right, such as an IBAN, use `t.ltr`.)
 *
 * @example isolate(translator('he'), 'Logo and website.') // '\u2068Logo and website.\u2069'
 * @example isolate(translator('en'), 'Logo and website.') // 'Logo and website.'
 * @see https://www.unicode.org/reports/tr9/ (Unicode Bidirectional Algorithm, isolates); shared/PITFALLS.md
 */
export function isolate(t: Pick<Translator, 'dir'>, text: string): string {
  return t.dir === 'rtl' || rtlChar.test(text) ? `\u2068${text}\u2069` : text;
}
