/** The parts of a fontkit font object that React-PDF's text layout calls for every run and character. */
interface FontkitFont {
  layout(text: string, features?: unknown, script?: string, language?: string, direction?: string): unknown;
  hasGlyphForCodePoint(codePoint: number): boolean;
  unitsPerEm: number;
  ascent: number;
  descent: number;
  lineGap: number;
  capHeight: number;
  xHeight: number;
}

const tuned = new WeakSet<object>();

/**
 * How many shaped glyphs a font keeps, over all the runs it remembers (a run is one style span
 * of one <Text>: a cell, a line item, a sentence). About 100 bytes a glyph: 2 MB per font.
 */
export const SHAPED_GLYPHS_KEPT = 20_000;

/**
 * Makes one loaded fontkit font cheaper to lay text out with, without changing any result:
 *
 * - the metrics React-PDF reads for every run and line (`unitsPerEm`, `ascent`, `descent`,
 *   `lineGap`, `capHeight`, `xHeight`) become plain properties: fontkit computes each through a
 *   getter chain into its decoded tables on every read;
 * - `hasGlyphForCodePoint`, asked for every character by React-PDF's font substitution, is
 *   remembered per code point;
 * - shaping (`layout`, GSUB/GPOS lookups) is remembered per run text for the calls textkit
 *   makes (`layout(text, features, undefined, undefined, 'ltr')`), least recently used first out,
 *   at most {@link SHAPED_GLYPHS_KEPT} glyphs per font (about 2 MB). textkit never mutates a
 *   glyph run it gets back (it scales positions into new objects and copies arrays before
 *   reversing or substituting), so sharing one is safe; calls with any other arguments (pdfkit's own `layout`,
 *   which does scale positions in place) go to fontkit uncached.
 *
 * - each glyph reports the characters it was asked for ({@link ownCodePoints}), not those of its
 *   first use, which otherwise drops letters from later documents.
 *
 * Idempotent; a font object is tuned once per process.
 *
 * @example tuneFont(Font.getFont({ fontFamily: 'Arimo', fontWeight: 400 }).data)
 */
export function tuneFont(font: object): void {
  if (tuned.has(font)) return;
  tuned.add(font);
  ownCodePoints(font);
  const f = font as FontkitFont;
  for (const key of ['unitsPerEm', 'ascent', 'descent', 'lineGap', 'capHeight', 'xHeight'] as const) {
    Object.defineProperty(f, key, { value: f[key], writable: false, enumerable: true });
  }

  const hasGlyph = f.hasGlyphForCodePoint.bind(f);
  const known = new Map<number, boolean>();
  f.hasGlyphForCodePoint = (codePoint: number) => {
    let has = known.get(codePoint);
    if (has === undefined) known.set(codePoint, (has = hasGlyph(codePoint)));
    return has;
  };

  const shape = f.layout.bind(f);
  const runs = new Map<string, { glyphs: unknown[] }>();
  let glyphs = 0;
  f.layout = (text, features, script, language, direction) => {
    if (script !== undefined || language !== undefined || direction !== 'ltr' || !(features === undefined || Array.isArray(features) || isPlain(features))) {
      return shape(text, features, script, language, direction);
    }
    const key = features === undefined ? text : `${JSON.stringify(features)}\u0000${text}`;
    const hit = runs.get(key);
    if (hit !== undefined) {
      runs.delete(key);
      runs.set(key, hit);
      return hit;
    }
    const run = shape(text, features, script, language, direction) as { glyphs: unknown[] };
    runs.set(key, run);
    glyphs += run.glyphs.length;
    for (const [oldest, old] of runs) {
      if (glyphs <= SHAPED_GLYPHS_KEPT || old === run) break;
      runs.delete(oldest);
      glyphs -= old.glyphs.length;
    }
    return run;
  };
}

function isPlain(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

interface FontkitGlyphSource {
  getGlyph(id: number, codePoints?: number[]): { codePoints: number[] };
}

const patched = new WeakSet<object>();

/**
 * fontkit keeps one glyph object per glyph id and fills its `codePoints` with the characters of
 * the glyph's FIRST use. Arimo draws several characters with one glyph (Latin "e", Cyrillic "е",
 * the "e" inside "é"…), and React-PDF's text layout maps glyphs back to the string through those
 * code points: once a document with "é" or "е" has been laid out, every later document with the
 * same font object drops or swaps letters ("lient" for "Client", "ervice" for "Service"; the text
 * layer maps "e" to "е"). A live preview renders document after document in every language, so
 * here `getGlyph` answers with the code points asked for (a copy of the cached glyph when they
 * differ). Reproduced in Node with React-PDF's own renderToBuffer: a Russian letter, then an
 * English contract.
 */
export function ownCodePoints(font: unknown): void {
  if (!font || typeof font !== 'object' || patched.has(font)) return;
  patched.add(font);
  const f = font as FontkitGlyphSource;
  const cached = f.getGlyph.bind(f);
  f.getGlyph = (id, codePoints) => {
    const glyph = cached(id, codePoints);
    if (!codePoints || (glyph.codePoints.length === codePoints.length && glyph.codePoints.every((c, i) => c === codePoints[i]))) return glyph;
    const own = Object.create(glyph) as { codePoints: number[] };
    own.codePoints = codePoints;
    return own;
  };
}

