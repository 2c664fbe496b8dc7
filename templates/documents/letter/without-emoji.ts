/** Emoji the document font cannot draw: astral pictographs, their modifiers and joiners. */
const emoji = /[\u{1F000}-\u{1FAFF}\u{E0020}-\u{E007F}\uFE0F\u200D\u20E3]/gu;

/**
 * Text without emoji, for the PDF only: the document font (Arimo) has no emoji glyphs, and
 * React-PDF would print each half of a surrogate pair as a stray glyph. The e-mail keeps them
 * (mail clients draw emoji). Letters, digits and symbols the font has (©, ®, ™, €, ₪) stay.
 *
 * @example withoutEmoji('Tom 🙂 Hale') // 'Tom  Hale'
 * @see shared/PITFALLS.md (one full TTF family; no emoji font is registered)
 */
export function withoutEmoji(text: string): string {
  return text.replace(emoji, '');
}
