import renderToContext from '@react-pdf/render';
import PDFDocument from 'pdfkit';
import type { DocumentProps, SafeDocumentNode } from '@react-pdf/layout';

/** The pdfkit document as @react-pdf/render drives it (only what is touched here). */
interface PdfContext {
  _root: { data: Record<string, unknown> };
  _font: unknown;
  font(src: unknown, family?: unknown, size?: unknown): PdfContext;
  fontSize(size: number): PdfContext;
  initForm(this: PdfContext): PdfContext;
  on(event: 'data', listener: (chunk: Uint8Array) => void): void;
  on(event: 'end' | 'error', listener: (error?: Error) => void): void;
}

/**
 * Writes a laid-out React-PDF document to PDF bytes: the same pdfkit document and metadata
 * React-PDF 4.9's own `pdf().toBuffer()` creates, and the same @react-pdf/render pass, with one
 * difference: switching to a font that this document already uses is a lookup.
 *
 * Why: @react-pdf/render calls `ctx.font(fontkitFont, size)` before every glyph run. pdfkit
 * caches fonts by name only for string sources, so for a font object it builds a new
 * `EmbeddedFont` (which creates a fontkit subset) on every call, then finds the one already
 * registered by comparing `JSON.stringify(name.records)` and throws the new one away: about
 * 250 times for a two-page invoice. Here the first switch to a font object goes through
 * pdfkit as before and later switches reuse the `EmbeddedFont` it settled on, which is what
 * pdfkit would have picked; only the internal font ids (F1, F2…) may differ. The unused default
 * Helvetica is not loaded or embedded.
 *
 * @example const bytes = await writePdf(await layoutPages(container.document, Font), container.document.props)
 * @see shared/PITFALLS.md (React-PDF speed)
 */
export function writePdf(layout: SafeDocumentNode, props: DocumentProps = {}): Promise<Uint8Array> {
  // PDF/A-1 needs PDF 1.4, PDF/A-2/3 PDF 1.7 (as React-PDF sets it)
  const conformanceVersion = props.pdfVersion === undefined && props.conformance ? (props.conformance.startsWith('PDF/A-1') ? '1.4' : '1.7') : undefined;
  const info: Record<string, unknown> = {
    Title: props.title,
    Author: props.author,
    Subject: props.subject,
    Keywords: props.keywords,
    Creator: props.creator ?? 'react-pdf',
    Producer: props.producer ?? 'react-pdf',
    CreationDate: props.creationDate ?? new Date(),
    ModificationDate: props.modificationDate,
  };
  for (const key of Object.keys(info)) if (info[key] === undefined) delete info[key];
  const ctx = new PDFDocument({
    compress: true,
    subset: props.conformance,
    pdfVersion: props.pdfVersion ?? conformanceVersion,
    lang: props.language,
    displayTitle: true,
    autoFirstPage: false,
    ownerPassword: props.ownerPassword,
    userPassword: props.userPassword,
    permissions: props.permissions,
    pageLayout: props.pageLayout,
    info,
    // pdfkit otherwise parses Helvetica's AFM metrics (kerning pairs and all) for every new
    // document; every text run names its own font (forms get Helvetica when they start, below)
    font: null,
  }) as PdfContext;
  if (props.pageMode) ctx._root.data.PageMode = props.pageMode.charAt(0).toUpperCase() + props.pageMode.slice(1);
  reuseEmbeddedFonts(ctx);
  const initForm = ctx.initForm;
  ctx.initForm = function initFormWithDefaultFont(this: PdfContext) {
    if (!this._font) this.font('Helvetica');
    return initForm.call(this);
  };

  const chunks: Uint8Array[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    ctx.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    ctx.on('end', () => resolve(Buffer.concat(chunks)));
    ctx.on('error', (error?: Error) => reject(error));
  });
  renderToContext(ctx as unknown as Parameters<typeof renderToContext>[0], layout);
  return done;
}

/** Makes `ctx.font(fontObject, size)` a lookup after the first switch to that font object. */
function reuseEmbeddedFonts(ctx: PdfContext): void {
  const pdfkitFont = ctx.font.bind(ctx);
  const embedded = new Map<object, unknown>();
  ctx.font = function font(src: unknown, family?: unknown, size?: unknown): PdfContext {
    if (typeof src !== 'object' || src === null || (family !== undefined && typeof family !== 'number')) return pdfkitFont(src, family, size);
    const known = embedded.get(src);
    if (known === undefined) {
      pdfkitFont(src, family, size);
      embedded.set(src, ctx._font);
      return ctx;
    }
    // what pdfkit's font() does when it finds the font already registered
    const fontSize = typeof family === 'number' ? family : size;
    const self = ctx as PdfContext & { _fontSource: unknown; _fontFamily: unknown };
    self._fontSource = src;
    self._fontFamily = null;
    if (typeof fontSize === 'number') ctx.fontSize(fontSize);
    ctx._font = known;
    return ctx;
  };
}
