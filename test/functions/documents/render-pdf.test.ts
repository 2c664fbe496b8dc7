import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPdf } from '../../../functions/documents/render-pdf.ts';
import { renderCases } from './render-cases.tsx';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'overdue-render-pdf-'));
const cases = renderCases();

/** The page count (pdfinfo) and every page as a 60 dpi image (pdftoppm, one PPM per page, in order). */
function pages(pdf: string): { pixels: Buffer; count: number } {
  const count = Number(/^Pages:\s+(\d+)/m.exec(spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout)?.[1] ?? 0);
  const images: Buffer[] = [];
  for (let page = 1; page <= count; page++) {
    const out = spawnSync('pdftoppm', ['-r', '60', '-f', String(page), '-l', String(page), pdf], { maxBuffer: 256 * 1024 * 1024 });
    if (out.status !== 0) throw new Error(`pdftoppm failed on ${pdf}: ${out.stderr.toString()}`);
    images.push(out.stdout);
  }
  return { pixels: Buffer.concat(images), count };
}

const text = (pdf: string) => spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).stdout;

beforeAll(() => {
  // React-PDF's own pipeline, in a process of its own where renderPdf never ran (fonts untuned)
  const out = spawnSync(`${root}node_modules/.bin/node`, ['--import', 'tsx', 'test/functions/documents/render-reference.tsx', dir], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production' },
    timeout: 120_000,
  });
  if (out.status !== 0) throw new Error(`render-reference failed: ${out.stderr}`);
}, 130_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('renderPdf gives the pages React-PDF’s own renderToBuffer gives', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s: same page count, same pixels, same text', async (name, c) => {
    const ours = join(dir, `${name}.ours.pdf`);
    writeFileSync(ours, await renderPdf(c.element()));
    const reference = join(dir, `${name}.pdf`);
    const a = pages(reference);
    const b = pages(ours);
    expect(b.count).toBe(a.count);
    expect(b.count).toBeGreaterThan(0);
    expect(Buffer.compare(a.pixels, b.pixels) === 0, `${name}: pages differ from React-PDF's`).toBe(true);
    expect(text(ours)).toBe(text(reference));
    // the document's own metadata is kept
    const info = (f: string) => spawnSync('pdfinfo', [f], { encoding: 'utf8' }).stdout.replace(/^(CreationDate|ModDate|File size|Optimized).*$/gm, '');
    expect(info(ours)).toBe(info(reference));
    expect(readFileSync(ours).subarray(0, 8).toString('latin1')).toMatch(/^%PDF-1\.\d/);
  }, 60_000);

  it('covers documents of several pages and the two-page invoice', () => {
    const counts = Object.fromEntries(cases.map((c) => [c.name, pages(join(dir, `${c.name}.pdf`)).count]));
    expect(counts['invoice-40-lines-he']).toBe(2);
    expect(counts['letter-of-claim-with-annexes']).toBeGreaterThan(3);
  });

  it('renders an English document after French, Russian and Hebrew ones with every letter (fontkit shares one glyph between "e", "е" and "é")', async () => {
    const first = cases[0]!;
    expect(first.name).toBe('invoice-40-lines-en-GB');
    // every case, the French and Russian ones included, has been rendered in this process by now
    for (const c of cases.filter((c) => /-(fr|ru)$/.test(c.name))) await renderPdf(c.element());
    const again = join(dir, `${first.name}.again.pdf`);
    writeFileSync(again, await renderPdf(first.element()));
    const words = text(again);
    expect(words).toBe(text(join(dir, `${first.name}.ours.pdf`)));
    expect(words).toMatch(/Invoice/);
    expect(words).toMatch(/Service|Client|Description/);
  }, 60_000);
});
