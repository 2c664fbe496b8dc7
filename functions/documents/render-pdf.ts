import { renderToBuffer } from '@react-pdf/renderer';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ReactElement } from 'react';
import { registerFonts } from '../../templates/fonts/register-fonts.ts';

const require = createRequire(import.meta.url);

/** The Arimo TTF files shipped by @expo-google-fonts/arimo, as file paths. */
export function nodeFontSources(): { regular: string; bold: string } {
  const root = dirname(require.resolve('@expo-google-fonts/arimo/package.json'));
  return { regular: join(root, '400Regular/Arimo_400Regular.ttf'), bold: join(root, '700Bold/Arimo_700Bold.ttf') };
}

/**
 * Renders a React-PDF document to PDF bytes in Node, registering the font files first.
 *
 * @example const bytes = await renderPdf(<InvoiceDocument source={source} t={translator('he')} />)
 */
export async function renderPdf(document: ReactElement): Promise<Uint8Array> {
  registerFonts(nodeFontSources());
  // renderToBuffer's type wants a <Document> element; every Overdue document component returns one
  return new Uint8Array(await renderToBuffer(document as Parameters<typeof renderToBuffer>[0]));
}
