import type { ReactElement } from 'react';
import { renderPdf } from '../documents/render-pdf.ts';

/**
 * Renders a document with a fixed creation date, so that the same document renders to the same
 * bytes (pdfkit derives the file ID from the creation date and the metadata). The documents do
 * not take the date as a prop: renderPdf sets it on the rendered <Document>.
 *
 * @example await renderDatedPdf(<InvoiceDocument … />, new Date('2026-06-15T12:00:00Z'))
 */
export function renderDatedPdf(document: ReactElement, creationDate: Date): Promise<Uint8Array> {
  return renderPdf(document, { creationDate });
}
