import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { InvoiceView } from '../../templates/documents/invoice/invoice-view.ts';

/** One piece of text already placed: page, position (points from the bottom left), size, weight. */
export interface PlacedText {
  page: number;
  x: number;
  y: number;
  size: number;
  bold: boolean;
  text: string;
}

// pdf-lib's standard fonts write WinAnsi only: anything else becomes '?' (the floor is measured on the English invoice)
const winAnsi = (s: string) => s.replace(/[^\x20-\x7e\u00a0-\u00ff£€–—‘’“”•…]/g, '?');

/**
 * The invoice's strings placed where InvoiceDocument roughly puts them, without any layout
 * engine: fixed line height, fixed columns, 28 lines on the first page. Done before timing.
 */
export function placeInvoice(view: InvoiceView): PlacedText[] {
  const out: PlacedText[] = [];
  const put = (page: number, x: number, y: number, text: string, size = 9.5, bold = false) => out.push({ page, x, y, size, bold, text: winAnsi(text) });
  put(0, 330, 790, view.heading, 18, true);
  view.meta.forEach((m, i) => put(0, 380, 770 - i * 12, `${m.label}: ${m.value}`));
  if (view.contractLine) put(0, 48, 600, view.contractLine);
  const columns = [48, 270, 330, 420, 480];
  const head = (page: number, y: number) => [view.columns.description, view.columns.quantity, view.columns.unitPrice, view.columns.taxRate, view.columns.amount].forEach((c, i) => put(page, columns[i]!, y, c, 8.5, true));
  head(0, 580);
  head(1, 790);
  view.lines.forEach((line, r) => {
    const page = r < 28 ? 0 : 1;
    const y = page === 0 ? 565 - r * 17 : 775 - (r - 28) * 17;
    line.forEach((cell, i) => put(page, columns[i]!, y, cell));
  });
  let y = 560;
  for (const row of view.totals) {
    put(1, 300, y, row.label, 9.5, Boolean(row.strong));
    put(1, 480, y, row.value, 9.5, Boolean(row.strong));
    y -= 14;
  }
  y -= 10;
  put(1, 48, y, view.termsHeading, 9.5, true);
  for (const line of view.terms) put(1, 48, (y -= 12), line.slice(0, 110));
  if (view.bank) for (const line of [view.bank.heading, ...view.bank.lines]) put(1, 56, (y -= 12), line);
  put(1, 48, (y -= 20), view.contact.slice(0, 110));
  put(0, 480, 30, 'Page 1 of 2', 7.5);
  put(1, 480, 30, 'Page 2 of 2', 7.5);
  return out;
}

/**
 * The floor for writing the bytes: a new pdf-lib document with Helvetica and Helvetica-Bold,
 * two A4 pages, every piece of text drawn where {@link placeInvoice} put it, saved (compressed
 * object streams, pdf-lib's default).
 */
export async function writeFloorPdf(placed: PlacedText[], title: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const pages = [doc.addPage([595.28, 841.89]), doc.addPage([595.28, 841.89])];
  for (const p of placed) pages[p.page]!.drawText(p.text, { x: p.x, y: p.y, size: p.size, font: p.bold ? bold : regular });
  return doc.save();
}
