import { spawnSync } from 'node:child_process';

/** The text pdftotext extracts (default mode: Hebrew comes out in logical order, in bidi marks). */
export function pdfText(pdf: Uint8Array): string {
  const out = spawnSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (out.status !== 0) throw new Error(`pdftotext failed: ${out.stderr}`);
  return out.stdout;
}

const bidiMarks = /[\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * Text made comparable with what a document was asked to print. Bidi marks, isolates and the
 * zero-width spaces of long runs go, and hyphens pdftotext keeps at line ends of broken runs.
 * Left-to-right languages: every run of white space (line breaks, U+00A0, U+202F) becomes one
 * space. Hebrew: pdftotext puts neutral characters (spaces, commas, colons, the ₪ sign) next to
 * embedded numbers on the wrong side, so white space and those neutrals are dropped and the
 * letters and digits are compared in logical order.
 */
export function comparable(text: string, dir: 'ltr' | 'rtl'): string {
  const plain = text.replace(bidiMarks, '');
  if (dir === 'rtl') return plain.replace(/[\s,.:;()\-–"'₪%/]+/g, '');
  return plain.replace(/\s+/g, ' ').trim();
}

/** Every word pdftotext finds, with its box in points (`pdftotext -bbox`), and each page's width. */
export function pdfWords(pdf: Uint8Array): { pageWidth: number; word: string; xMin: number; xMax: number }[] {
  const out = spawnSync('pdftotext', ['-bbox', '-enc', 'UTF-8', '-', '-'], { input: pdf, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (out.status !== 0) throw new Error(`pdftotext failed: ${out.stderr}`);
  const words: { pageWidth: number; word: string; xMin: number; xMax: number }[] = [];
  let pageWidth = 0;
  for (const line of out.stdout.split('\n')) {
    const page = /<page width="([\d.]+)"/.exec(line);
    if (page) pageWidth = Number(page[1]);
    const word = /<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">(.*)<\/word>/.exec(line);
    if (word) words.push({ pageWidth, word: word[3]!, xMin: Number(word[1]), xMax: Number(word[2]) });
  }
  return words;
}
