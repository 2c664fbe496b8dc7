/**
 * Child process of render-pdf.test.ts: renders every case of render-cases.tsx with React-PDF's
 * own pipeline (renderPdfStock) in a process where renderPdf never ran (fonts untuned), and
 * writes `<dir>/<case>.pdf`.
 *   node --import tsx test/functions/documents/render-reference.tsx /tmp/dir
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderPdfStock } from '../../../functions/documents/render-pdf-stock.ts';
import { renderCases } from './render-cases.tsx';

const dir = process.argv[2];
if (!dir) throw new Error('usage: render-reference.tsx <output directory>');
for (const c of renderCases()) writeFileSync(join(dir, `${c.name}.pdf`), await renderPdfStock(c.element()));
