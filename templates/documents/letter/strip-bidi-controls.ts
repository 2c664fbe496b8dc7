/** The explicit directional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069). */
const controls = /[\u202A-\u202E\u2066-\u2069]/g;

/**
 * Removes explicit bidi embeddings, overrides and isolates from user-supplied text. An unbalanced
 * RIGHT-TO-LEFT OVERRIDE (U+202E) in a name reverses everything after it on the line, in the PDF
 * and in the e-mail alike ("Trojan Source"-style spoofing of an amount or an address); the
 * documents add their own isolates where they need them (`Translator.ltr`). The implicit marks
 * (U+200E LRM, U+200F RLM) stay: they only affect neutral characters next to them.
 *
 * @example stripBidiControls('Acme\u202Egnp.exe') // 'Acmegnp.exe'
 * @see https://www.unicode.org/reports/tr9/ (explicit directional formatting characters)
 */
export function stripBidiControls(text: string): string {
  return text.replace(controls, '');
}
