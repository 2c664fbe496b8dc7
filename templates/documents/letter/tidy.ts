/**
 * One full stop where a value that ends with one closes a sentence: Russian dates end in "г."
 * ("не позднее 9 июня 2026 г.." becomes "… 2026 г."), a company name may end in "Ltd." or
 * "S.A.". The catalogs never write "..", and an ellipsis is "…" or "...", which stays.
 *
 * @example tidy('до 9 июня 2026 г..') // 'до 9 июня 2026 г.'
 * @see templates/locales/ru/letters.json
 */
export function tidy(text: string): string {
  return text.replace(/(?<!\.)\.\.(?!\.)/g, '.');
}
