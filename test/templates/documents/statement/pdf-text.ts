import { execFileSync } from 'node:child_process';
import type { ReactElement } from 'react';
import { renderPdf } from '../../../../functions/documents/render-pdf.ts';

/** Bidi controls pdftotext wraps right-to-left runs in, and the no-break spaces of French and Russian money. */
const marks = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Text as a reader compares it: no bidi marks, every run of spaces (no-break ones too) and line breaks one space. */
export function normalize(s: string): string {
  return s.replace(marks, '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

/** Without any spaces: for right-to-left text, where pdftotext moves spaces around numbers. */
export function compact(s: string): string {
  return s.replace(marks, '').replace(/[\s\u00a0\u202f]+/g, '');
}

/**
 * For right-to-left text: pdftotext rebuilds the logical order but moves neutral characters
 * (spaces, commas, colons, parentheses, dashes) around numbers and Latin runs, so Hebrew
 * sentences are compared on letters and digits only.
 */
export function letters(s: string): string {
  return compact(s).replace(/[.,:;()\[\]'"׳״\-–—]/g, '');
}

export interface PdfText {
  bytes: Uint8Array;
  /** pdftotext's reading order (logical order for Hebrew), normalized */
  text: string;
  /** the same with no spaces at all */
  flat: string;
  /** letters and digits only (see {@link letters}) */
  bare: string;
  /** pdftotext -layout, one entry per line, normalized (visual order: a mirrored table row reads right to left) */
  lines: string[];
  pages: number;
}

/** Renders a document with the Node renderer and extracts its text with poppler's pdftotext. */
export async function renderText(document: ReactElement): Promise<PdfText> {
  const bytes = await renderPdf(document);
  const input = Buffer.from(bytes);
  const raw = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input }).toString('utf8');
  const layout = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], { input }).toString('utf8');
  return {
    bytes,
    text: normalize(raw),
    flat: compact(raw),
    bare: letters(raw),
    lines: layout.split('\n').map(normalize).filter((l) => l.length > 0),
    pages: raw.split('\f').length - 1,
  };
}
