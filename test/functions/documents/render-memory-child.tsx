/**
 * Child process of render-memory.test.ts: renders `count` different one-page documents back to
 * back (each awaited, nothing else on the event loop) and prints the heap after a forced full
 * GC every 100 renders, as JSON lines. Run with --expose-gc:
 *   node --expose-gc --import tsx test/functions/documents/render-memory-child.tsx overdue 2000
 * `overdue` renders with renderPdf, `stock` with React-PDF's own renderToBuffer (renderPdfStock).
 * The GC is forced without yielding to the event loop first, as a busy render loop would not.
 */
import type { ReactElement } from 'react';
import { Document } from '@react-pdf/renderer';
import { renderPdf } from '../../../functions/documents/render-pdf.ts';
import { renderPdfStock } from '../../../functions/documents/render-pdf-stock.ts';
import { DocumentPage } from '../../../templates/documents/parts/DocumentPage.tsx';
import { Para } from '../../../templates/documents/parts/Para.tsx';
import { WithTranslator } from '../../../templates/documents/parts/direction.tsx';
import { translator } from '../../../templates/i18n/translator.ts';

const [mode = 'overdue', countArg = '2000'] = process.argv.slice(2);
const count = Number(countArg);
const render = mode === 'stock' ? renderPdfStock : renderPdf;
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const langs = ['en-GB', 'ru', 'fr', 'he'] as const;

/** A small one-page document whose text differs every time. */
function note(i: number): ReactElement {
  const t = translator(langs[i % langs.length]!);
  const amount = t.money({ currency: 'EUR', amount: (100 + i * 1.37).toFixed(2) });
  return (
    <Document title={`Note ${i}`} language={t.locale}>
      <WithTranslator t={t}>
        <DocumentPage>
          <Para bold>{t.t('invoice.heading', { number: t.ltr(`N-${i}`) })}</Para>
          <Para>{t.t('invoice.totals.gross')}: {amount}</Para>
          <Para>{t.t('invoice.terms.dueOn', { date: t.date(`2026-0${1 + (i % 9)}-1${i % 10}`) })}</Para>
          <Para>{t.t('common.contact', { email: t.ltr(`client${i}@example.com`), phone: 'none' })}</Para>
        </DocumentPage>
      </WithTranslator>
    </Document>
  );
}

const started = performance.now();
for (let i = 1; i <= count; i++) {
  await render(note(i));
  if (i % 100 === 0) {
    gc();
    gc();
    process.stdout.write(`${JSON.stringify({ renders: i, heapMB: process.memoryUsage().heapUsed / 2 ** 20, seconds: (performance.now() - started) / 1000 })}\n`);
  }
}
