import { Font } from '@react-pdf/renderer';

/** The one family every document uses: Arimo covers Latin, Cyrillic and Hebrew in one TTF. */
export const fontFamily = 'Arimo';

/** Where the regular and bold TTF files are: file paths in Node, URLs in the browser. */
export interface FontSources {
  regular: string;
  bold: string;
}

let registered: string | undefined;

/**
 * Registers the document font with React-PDF. Each entry point calls it once with its own
 * sources (functions: paths into node_modules/@expo-google-fonts/arimo; the site: bundled URLs);
 * importing a template never registers anything. React-PDF embeds only the glyphs used (subset).
 *
 * Hyphenation is off: there is no Hebrew hyphenator and a wrong break in a legal letter is worse
 * than a ragged line. A word breaks only where the text carries a zero-width space (U+200B), which
 * the documents insert into very long unbroken runs (a 60-character name, an identifier) so that
 * they wrap inside the margins instead of running off the page.
 *
 * @see shared/PITFALLS.md (one full TTF family; WOFF2 and split subsets break)
 */
export function registerFonts(sources: FontSources): void {
  const key = `${sources.regular}|${sources.bold}`;
  if (registered === key) return;
  Font.register({
    family: fontFamily,
    fonts: [
      { src: sources.regular, fontWeight: 400 },
      { src: sources.bold, fontWeight: 700 },
    ],
  });
  Font.registerHyphenationCallback((word) => (word.includes('\u200B') ? word.split('\u200B') : [word]));
  registered = key;
}
