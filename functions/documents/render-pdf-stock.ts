import { Font, renderToBuffer } from '@react-pdf/renderer';
import type { ReactElement } from 'react';
import { fontFamily, registerFonts } from '../../templates/fonts/register-fonts.ts';
import { nodeFontSources } from './render-pdf.ts';
import { ownCodePoints } from './tune-font.ts';

/** React-PDF's font store, as far as used here (its published type lists only register()). */
interface FontStore {
  load(descriptor: { fontFamily: string; fontWeight: number; fontStyle: string }): Promise<void>;
  getFont(descriptor: { fontFamily: string; fontWeight: number; fontStyle: string }): { data: unknown } | null;
}

/**
 * React-PDF's own pipeline: `renderToBuffer` with the document font registered, plus the one
 * correctness fix every renderer here needs (fontkit's shared glyph code points, see
 * {@link ownCodePoints}; without it a document rendered after a French or Russian one loses
 * letters). The reference that renderPdf's output is compared with
 * (test/functions/documents/render-pdf.test.ts) and measured against (`npm run bench -- pdf`). Do
 * not use it to serve documents: it is slower and its heap grows in a loop that never yields to
 * the event loop (see renderPdf).
 *
 * @example const reference = await renderPdfStock(<InvoiceDocument source={source} t={translator('fr')} />)
 */
export async function renderPdfStock(document: ReactElement): Promise<Uint8Array> {
  registerFonts(nodeFontSources());
  const store = Font as unknown as FontStore;
  for (const fontWeight of [400, 700]) {
    const descriptor = { fontFamily, fontWeight, fontStyle: 'normal' };
    await store.load(descriptor);
    ownCodePoints(store.getFont(descriptor)?.data);
  }
  return new Uint8Array(await renderToBuffer(document as Parameters<typeof renderToBuffer>[0]));
}
