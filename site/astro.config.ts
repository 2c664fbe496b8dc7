import react from '@astrojs/react';
import { defineConfig } from 'astro/config';
import type { Plugin } from 'vite';

/**
 * functions/documents/write-pdf.ts (the documents' fast PDF writer, which the PDF worker shares)
 * joins pdfkit's output with Node's `Buffer.concat`. A worker has no `Buffer`, and a global
 * stand-in makes pdfkit and fontkit take their Node paths, so in the browser build that one call
 * is replaced by a Uint8Array join. It does nothing once the file stops calling Buffer.
 */
function browserSafeWritePdf(): Plugin {
  return {
    name: 'overdue:browser-safe-write-pdf',
    transform(code, id) {
      if (!id.replace(/\\/g, '/').endsWith('/functions/documents/write-pdf.ts') || !code.includes('Buffer.concat(')) return undefined;
      const join = 'function __overdueJoin(chunks){let n=0;for(const c of chunks)n+=c.byteLength;const out=new Uint8Array(n);let at=0;for(const c of chunks){out.set(c,at);at+=c.byteLength;}return out;}\n';
      return { code: join + code.replace(/Buffer\.concat\(/g, '__overdueJoin('), map: null };
    },
  };
}

/**
 * The site: static pages per language (/en/ /ru/ /fr/ /he/), React islands, the PDF worker
 * bundled as an ES module (it imports the documents and React-PDF on its first job).
 */
export default defineConfig({
  output: 'static',
  integrations: [react()],
  i18n: { locales: ['en', 'ru', 'fr', 'he'], defaultLocale: 'en', routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false } },
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  vite: {
    plugins: [browserSafeWritePdf()],
    worker: { format: 'es', plugins: () => [browserSafeWritePdf()] },
    build: { chunkSizeWarningLimit: 2_000 },
  },
});
