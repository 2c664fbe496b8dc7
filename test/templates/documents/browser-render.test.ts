import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeFontSources } from '../../../functions/documents/render-pdf.ts';
import { letterView } from '../../../templates/documents/letter/letter-view.ts';
import { CaseFileSchema } from '../../../templates/domain/schemas/case.ts';
import { addCalendarDays } from '../../../templates/domain/time/plain-date.ts';
import { translator } from '../../../templates/i18n/translator.ts';

/**
 * The same component renders in a browser: a small bundle (esbuild, platform browser) renders
 * the Hebrew letter of the Israeli example case with @react-pdf/renderer's `pdf(doc).toBlob()`
 * in headless Chromium, the fonts registered from URLs served next to the page. The PDF it
 * returns must carry the letter's Hebrew in logical order, as the Node rendering does.
 *
 * Shims live here, not in templates/: the bundle defines `process.env.NODE_ENV` and gives the
 * page a minimal `process` global (React-PDF's browser build reads `process.env`).
 */
const here = fileURLToPath(new URL('.', import.meta.url));
const example = JSON.parse(readFileSync(new URL('../../../templates/examples/he-il-pressure-scale.json', import.meta.url), 'utf8')) as unknown;
const caseFile = CaseFileSchema.parse(example);
const letterDate = addCalendarDays(caseFile.invoices[0]!.dueDate, 7);

const entry = `
import { pdf } from '@react-pdf/renderer';
import { LetterDocument } from '../../../templates/documents/letter/LetterDocument.tsx';
import { CaseFileSchema } from '../../../templates/domain/schemas/case.ts';
import { registerFonts } from '../../../templates/fonts/register-fonts.ts';
import { translator } from '../../../templates/i18n/translator.ts';

window.renderHebrewLetter = async (example, date) => {
  registerFonts({ regular: new URL('/fonts/regular.ttf', location.href).href, bold: new URL('/fonts/bold.ttf', location.href).href });
  const source = { caseFile: CaseFileSchema.parse(example), stage: { template: 'overdue-firm' }, date };
  const blob = await pdf(<LetterDocument source={source} t={translator('he')} />).toBlob();
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
};
`;

const bidiMarks = /[\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
/** pdftotext's Hebrew in logical order, without bidi marks; white space and the neutrals it misplaces dropped. */
const comparable = (s: string) => s.replace(bidiMarks, '').replace(/[\s,.:;()\-–"'₪%/]+/g, '');

let server: Server;
let context: BrowserContext;
let profile: string;
let origin: string;
let pdfBytes: Buffer;

beforeAll(async () => {
  const bundle = await build({
    stdin: { contents: entry, loader: 'tsx', resolveDir: here, sourcefile: 'browser-entry.tsx' },
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    jsx: 'automatic',
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    banner: { js: 'globalThis.process ??= { env: { NODE_ENV: "production" }, browser: true };' },
    logLevel: 'silent',
  });
  const js = bundle.outputFiles[0]!.contents;
  const fonts = nodeFontSources();
  const files: Record<string, { type: string; body: Uint8Array | string }> = {
    '/': { type: 'text/html; charset=utf-8', body: '<!doctype html><html><head><meta charset="utf-8"><script type="module" src="/bundle.js"></script></head><body></body></html>' },
    '/bundle.js': { type: 'text/javascript; charset=utf-8', body: js },
    '/fonts/regular.ttf': { type: 'font/ttf', body: readFileSync(fonts.regular) },
    '/fonts/bold.ttf': { type: 'font/ttf', body: readFileSync(fonts.bold) },
  };
  server = createServer((req, res) => {
    const file = files[new URL(req.url ?? '/', 'http://x').pathname];
    if (!file) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': file.type }).end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  profile = await mkdtemp(join(tmpdir(), 'overdue-browser-render-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => 'renderHebrewLetter' in window, undefined, { timeout: 20_000 }).catch(() => {
    throw new Error(`the bundle did not load: ${errors.join('; ')}`);
  });
  const base64 = await page.evaluate(
    ([data, date]) => (window as unknown as { renderHebrewLetter: (d: unknown, date: string) => Promise<string> }).renderHebrewLetter(data, date),
    [example, letterDate] as const,
  );
  pdfBytes = Buffer.from(base64, 'base64');
}, 90_000);

afterAll(async () => {
  await context?.close();
  if (profile) await rm(profile, { recursive: true, force: true });
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
});

describe('the Hebrew letter rendered in headless Chromium from a browser bundle', () => {
  it('is a PDF with the letter in Hebrew, in logical order, with the parties, subject, amounts and contact', () => {
    expect(pdfBytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const out = spawnSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdfBytes, encoding: 'utf8' });
    expect(out.status).toBe(0);
    const text = comparable(out.stdout);
    const t = translator('he');
    const view = letterView({ caseFile, stage: { template: 'overdue-firm' }, date: letterDate }, t);
    // what a reader checks, computed in Node by the same view code
    for (const expected of [caseFile.creditor.legalName, caseFile.debtor.legalName, view.subject, t.date(letterDate), caseFile.creditor.emails[0]!]) {
      expect(text).toContain(comparable(expected));
    }
    // the balance as the locale writes it, and a whole Hebrew sentence (the contact line) in logical order
    expect(text).toContain(comparable(t.money({ currency: 'ILS', amount: '7080.00' })));
    expect(text).toContain(comparable('נועה לוי'));
    expect(out.stdout.replace(bidiMarks, '')).toMatch(/כהן שיווק בע"מ/);
  });
});
