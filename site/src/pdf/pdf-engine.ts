import { Document, Font, Page, Text, pdf } from '@react-pdf/renderer';
import { createElement, type ReactElement } from 'react';
import { fontFamily } from '../../../templates/fonts/register-fonts.ts';
import type { DocumentProps } from '@react-pdf/layout';
// Browser-safe modules of the documents' Node renderer (React-PDF packages and pdfkit's browser
// build only); they belong under templates/ and are imported from functions/ until they move.
import { layoutPages } from '../../../functions/documents/layout-pages.ts';
import { prepareFonts } from '../../../functions/documents/prepare-fonts.ts';
import { writePdf } from '../../../functions/documents/write-pdf.ts';
import { pdfElement } from './pdf-element.tsx';
import type { PdfJob } from './pdf-job.ts';

export interface PdfEngine {
  render(job: PdfJob): Promise<Uint8Array>;
}

/**
 * The PDF engine as the worker runs it: the same pages as React-PDF's `pdf().toBlob()`, laid out
 * and written the way functions/documents/render-pdf.ts does it in Node (fonts parsed and tuned
 * once, each glyph reporting the characters it was asked for (tuneFont), the page-number footer laid out without relaying out whole pages, pdfkit without
 * per-run font rebuilds), which is 2–3× faster; after each render the React container is
 * unmounted and the event loop gets a turn, so rendered documents do not stay reachable.
 *
 * @example const engine = await pdfEngine({ regular, bold }); const bytes = await engine.render(job);
 */
export async function pdfEngine(fonts: { regular: string; bold: string }): Promise<PdfEngine> {
  await prepareFonts(fonts);
  return { render: (job) => write(pdfElement(job)) };
}

async function write(element: ReactElement): Promise<Uint8Array> {
  const instance = pdf(element as Parameters<typeof pdf>[0]);
  try {
    const root = instance.container.document as { props?: DocumentProps } | null;
    if (!root) throw new Error('the element did not render a <Document>');
    return await writePdf(await layoutPages(root, Font), root.props ?? {});
  } finally {
    (instance.updateContainer as unknown as (element: null) => void)(null);
    await new Promise((turn) => setTimeout(turn, 0));
  }
}

/**
 * A throw-away one-page document in both weights and both directions: the first real preview
 * then runs on compiled code and filled caches (layout, shaping, the PDF writer) instead of
 * paying for them, which is most of a cold render's time.
 */
export function warmUpElement(): ReactElement {
  const text = (content: string, style: Record<string, unknown>) => createElement(Text, { style: { fontFamily, ...style } }, content);
  return createElement(
    Document,
    null,
    createElement(
      Page,
      { size: 'A4', style: { padding: 40 } },
      text('Invoice 1 – €1,250.00 – 20 April 2026', { fontWeight: 700, fontSize: 14 }),
      text('Счёт № 1 · Facture n° 1 · Payable à 30 jours', { fontSize: 10 }),
      text('חשבונית מס׳ 1 – ‏1,250.00 ₪', { fontSize: 10, direction: 'rtl', textAlign: 'right' }),
    ),
  );
}

/** Loads the engine and renders {@link warmUpElement} once. */
export async function warmPdfEngine(fonts: { regular: string; bold: string }): Promise<PdfEngine> {
  const engine = await pdfEngine(fonts);
  await write(warmUpElement());
  return engine;
}
