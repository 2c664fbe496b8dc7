import { pdf } from '@react-pdf/renderer';
import type { ReactElement } from 'react';
import { registerFonts } from '../../templates/fonts/register-fonts.ts';
import { nodeFontSources } from '../documents/render-pdf.ts';

/**
 * Renders a document with a fixed creation date, so that the same document renders to the same
 * bytes (PDFKit derives the file ID from the creation date and the metadata). The documents do
 * not take the date as a prop: it is set on the rendered <Document> node, which React-PDF reads
 * when it writes the file.
 *
 * @example await renderDatedPdf(<InvoiceDocument … />, new Date('2026-06-15T12:00:00Z'))
 */
export async function renderDatedPdf(document: ReactElement, creationDate: Date): Promise<Uint8Array> {
  registerFonts(nodeFontSources());
  const instance = pdf(document as Parameters<typeof pdf>[0]);
  const root = (instance as unknown as { container: { document: { props: Record<string, unknown> } | null } }).container.document;
  if (!root) throw new Error('renderDatedPdf: the element did not render a <Document>');
  root.props = { ...root.props, creationDate, modificationDate: creationDate };
  const stream = (await instance.toBuffer()) as unknown as AsyncIterable<Uint8Array>;
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return new Uint8Array(Buffer.concat(chunks));
}
