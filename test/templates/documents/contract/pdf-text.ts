import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CaseFileSchema, type CaseFile } from '../../../../templates/domain/schemas/case.ts';

/**
 * Text as a reader compares it: bidi marks and isolates removed (pdftotext wraps Hebrew in them,
 * the translator isolates LTR runs), every kind of space (NBSP, narrow NBSP) and line break
 * collapsed to one space, so a phrase that wraps across lines still matches.
 */
export function normalize(text: string): string {
  return text
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim();
}

/** The PDF's text in logical order (poppler's pdftotext, default mode), normalized. */
export function pdfText(pdf: Uint8Array): string {
  return normalize(execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8'));
}

/** How many times `needle` occurs in `haystack` (both normalized). */
export function occurrences(haystack: string, needle: string): number {
  const n = normalize(needle);
  let count = 0;
  for (let i = haystack.indexOf(n); i !== -1; i = haystack.indexOf(n, i + n.length)) count++;
  return count;
}

/** The example case files shipped in templates/examples, parsed. */
export function exampleCase(name: 'en-gb-tracking' | 'fr-pressure-scale' | 'ru-gentle' | 'he-il-pressure-scale'): CaseFile {
  const path = fileURLToPath(new URL(`../../../../templates/examples/${name}.json`, import.meta.url));
  return CaseFileSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

/**
 * Whether the extracted text contains `expected` as a reader would check it. In Hebrew, poppler
 * returns the words in logical order but puts numbers, currency signs and punctuation of mixed
 * runs in visual order ("₪ 6,000.00", ")שם"), so the check there is that every run of two or more
 * Hebrew words of `expected` appears, in order within the run; numbers are asserted separately.
 */
export function containsPhrase(text: string, expected: string, lang: string): boolean {
  if (!lang.startsWith('he')) return text.includes(normalize(expected));
  const fragments = normalize(expected)
    .split(/[^\u05d0-\u05ea ]+/)
    .map((f) => f.trim())
    .filter((f) => f.split(' ').length >= 2);
  if (fragments.length === 0) throw new Error(`"${expected}" has no Hebrew phrase to look for`);
  return fragments.every((f) => text.includes(f));
}

/**
 * Whether the text shows the formatted amount: as formatted, or, in Hebrew, with the currency
 * sign on the other side (pdftotext returns the number-and-sign run in visual order).
 */
export function containsMoney(text: string, formatted: string): boolean {
  const m = normalize(formatted);
  if (text.includes(m)) return true;
  const parts = /^(\S+) (\S+)$/.exec(m);
  return parts ? text.includes(`${parts[2]} ${parts[1]}`) : false;
}
