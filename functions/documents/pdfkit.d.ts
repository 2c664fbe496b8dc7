/**
 * pdfkit ships no type declarations (React-PDF's own typings import it untyped). Only the
 * constructor is used here; the document is handed straight to @react-pdf/render.
 */
declare module 'pdfkit' {
  const PDFDocument: new (options: Record<string, unknown>) => unknown;
  export default PDFDocument;
}
