import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxAccess } from '../../../functions/api/app.ts';
import type { StageRecord } from '../../../functions/ports/records.ts';
import { planCase } from '../../../templates/domain/ladder/plan-case.ts';
import { CaseFileSchema } from '../../../templates/domain/schemas/case.ts';
import { catalogs, flatten } from '../../../templates/i18n/catalogs.ts';
import heExample from '../../../templates/examples/he-il-pressure-scale.json' with { type: 'json' };
import { statutoryRate } from '../../../site/src/engine/statutory-rate.ts';
import { siteT, type SiteKey, type SiteT } from '../../../site/src/lib/site-t.ts';
import { pageJs } from './js-before-interaction.ts';
import { dist, ensureSite, launchChromium, root, startSite, type RunningSite } from './site-harness.ts';

/**
 * The site in Debian's Chromium against the real API (functions/api/app.ts on SQLite), as an
 * owner uses it: a contract and an invoice built in English and in Hebrew and downloaded (the
 * PDFs' text checked with pdftotext), a ladder planned, exported, re-imported and scheduled, the
 * case followed to a payment that stops it, tasks due today, axe-core on every page in every
 * language, the keyboard path through a builder, and screenshots for review.
 *
 * The API's clock and the browser's clock are the same fixed instant: 20 April 2026, 09:00 UTC.
 */
const now = new Date('2026-04-20T09:00:00Z');
const shots = join(root, 'test-results', 'screenshots');
const work = mkdtempSync(join(tmpdir(), 'overdue-site-test-'));

const t: Record<'en' | 'ru' | 'fr' | 'he', SiteT> = {
  en: siteT('en', Object.fromEntries(flatten(catalogs.en.site))),
  ru: siteT('ru', Object.fromEntries(flatten(catalogs.ru.site))),
  fr: siteT('fr', Object.fromEntries(flatten(catalogs.fr.site))),
  he: siteT('he', Object.fromEntries(flatten(catalogs.he.site))),
};
const m = (lang: keyof typeof t, key: SiteKey, values?: Record<string, string | number>) => t[lang].t(key, values);

/** Text as a reader compares it: bidi controls (pdftotext's and Intl's marks, our isolates) removed, spaces collapsed. */
const plain = (s: string) => s.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').replace(/[\s\u00a0\u202f]+/g, ' ');

async function pdfText(download: Download): Promise<string> {
  const file = join(work, download.suggestedFilename());
  await download.saveAs(file);
  expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
  return plain(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
}

/** `expect.poll` with time for what the page loads after its first paint (the domain modules, the PDF engine). */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000, interval: 100 });

/** Waits until the preview shows the document as the form now says it. */
async function previewReady(page: Page): Promise<void> {
  await page.locator('.preview-status[data-status="ready"]').waitFor({ timeout: 60_000 });
}

/** A screenshot for review in test-results/screenshots/ (gitignored). */
async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  const file = join(shots, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  expect(readFileSync(file).length).toBeGreaterThan(10_000);
}

/** The first page of a downloaded PDF as a PNG beside the screenshots (headless Chromium's viewer paints no pages). */
function pdfPage(download: Download, name: string): void {
  execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '1', '-singlefile', join(work, download.suggestedFilename()), join(shots, name)]);
}

/** Pages of this context get a PDF worker that never answers: axe and the screenshots of pages that need no PDF do not pay for rendering. */
async function withoutPdfEngine(c: BrowserContext): Promise<void> {
  await c.route(/\/_astro\/pdf-worker-[^/]+\.js$/, (route) => route.fulfill({ contentType: 'text/javascript', body: '/* the PDF engine is left out of this page */' }));
}

async function download(page: Page, button: string): Promise<Download> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name: button, exact: true }).click()]);
  return file;
}

/** uncaught errors in any page: none is acceptable (checked when the suite ends) */
const pageErrors: string[] = [];
let site: RunningSite;
let browser: Browser;
let en: BrowserContext;
let he: BrowserContext;
const outbox: { file: string; size: number; subject: string; to: string; date: string; messageId: string; eml: string }[] = [];
const outboxAccess: OutboxAccess = {
  list: async () => outbox.map(({ eml: _eml, ...message }) => message),
  read: async (file) => {
    const found = outbox.find((o) => o.file === file);
    return found ? new TextEncoder().encode(found.eml) : undefined;
  },
};

async function context(): Promise<BrowserContext> {
  const c = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  await c.clock.setFixedTime(now);
  return c;
}

async function open(c: BrowserContext, path: string, ready: string): Promise<Page> {
  const page = await c.newPage();
  page.on('pageerror', (error) => {
    // Chromium's own PDF viewer (in the preview's iframe) reports its internal asserts here too
    if (!/chrome-extension:|chrome:\/\//.test(error.stack ?? '')) pageErrors.push(`${path}: ${error.message} ${error.stack ?? ''}`);
  });
  await page.goto(`${site.url}${path}`);
  await page.locator(ready).first().waitFor({ timeout: 30_000 });
  return page;
}

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  await ensureSite();
  site = await startSite({ now, outbox: outboxAccess });
  browser = await launchChromium();
  en = await context();
  he = await context();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  expect(pageErrors).toEqual([]);
});

describe('builders', () => {
  it('builds a contract in English from an empty form, keeps the draft across a reload, and downloads it as a PDF', async () => {
    const page = await open(en, '/en/contract/', 'form[data-checked]');
    const provider = page.getByRole('group', { name: m('en', 'party.provider') });
    const client = page.getByRole('group', { name: m('en', 'party.client') });
    // the preview says what is missing before anything is typed
    await poll(() => page.locator('.error-summary').textContent()).toContain(`${m('en', 'party.provider')} – ${m('en', 'party.legalName')}: ${m('en', 'errors.empty')}`);

    await provider.getByLabel(m('en', 'party.legalName'), { exact: true }).fill('Jane Porter');
    await provider.getByLabel(m('en', 'party.email'), { exact: true }).fill('jane@porter.example');
    await provider.getByLabel(m('en', 'party.street'), { exact: true }).fill('12 Canal Street');
    await provider.getByLabel(m('en', 'party.city'), { exact: true }).fill('Manchester');
    await client.getByLabel(m('en', 'party.legalName'), { exact: true }).fill('Acme Trading Ltd');
    await client.getByLabel(m('en', 'party.email'), { exact: true }).fill('accounts@acme');
    await client.getByLabel(m('en', 'party.email'), { exact: true }).blur();
    await poll(() => page.locator('#f-debtor-emails-error').textContent()).toBe(`${m('en', 'errors.email')} `);
    await client.getByLabel(m('en', 'party.email'), { exact: true }).fill('accounts@acme.example');
    await client.getByLabel(m('en', 'party.street'), { exact: true }).fill('1 High Street');
    await client.getByLabel(m('en', 'party.city'), { exact: true }).fill('Leeds');
    await page.getByLabel(m('en', 'contract.number'), { exact: true }).fill('C-2026-001');
    await page.getByLabel(m('en', 'contract.title'), { exact: true }).fill('Website redesign');
    await page.getByLabel(m('en', 'contract.scope'), { exact: true }).fill('Design and build of a five-page website, with two rounds of changes.');
    await page.getByLabel(m('en', 'contract.price'), { exact: true }).fill('6000');

    // the running check: 30 % / 30 % / the rest of £6,000.00, exactly
    const check = page.locator('.schedule-check');
    await poll(() => check.textContent()).toContain(m('en', 'schedule.addsUp'));
    expect(await check.locator('tbody td.num').allTextContents()).toEqual(['£1,800.00', '£1,800.00', '£2,400.00']);
    await page.locator('#f-contract-schedule-1-percent').fill('80');
    await poll(() => check.textContent()).toContain(m('en', 'errors.schedulePercentOver', { total: '110' }));
    await page.locator('#f-contract-schedule-1-percent').fill('30');
    await poll(() => check.textContent()).toContain(m('en', 'schedule.addsUp'));

    // the statutory rule of England and Wales with the rate the interest engine gives for today
    const rate = statutoryRate('GB', 'business', '2026-04-20');
    expect(rate.percent).toBeDefined();
    await poll(() => page.getByTestId('statutory-rate').textContent()).toBe(m('en', 'late.rateInForce', { rate: t.en.percent(rate.percent!), date: t.en.date('2026-04-20') }));
    await poll(() => page.locator('.computed').first().textContent()).toBe(m('en', 'terms.example', { issued: t.en.date('2026-04-20'), due: t.en.date('2026-05-20', 'weekday') }));

    // the draft survives a reload
    await page.waitForTimeout(400);
    await page.reload();
    await page.locator('form[data-checked]').waitFor();
    await expect(page.getByRole('group', { name: m('en', 'party.client') }).getByLabel(m('en', 'party.legalName'), { exact: true }).inputValue()).resolves.toBe('Acme Trading Ltd');

    await previewReady(page);
    // the same contract in French, then in English again: the English PDF must be whole (after
    // a document with accented letters, a reused font object used to lose letters)
    const language = page.getByLabel(m('en', 'contract.language'));
    await language.selectOption('fr');
    await poll(() => page.locator('.preview-status').getAttribute('data-status')).toBe('working');
    await previewReady(page);
    await language.selectOption('en-GB');
    await poll(() => page.locator('.preview-status').getAttribute('data-status')).toBe('working');
    await previewReady(page);
    await shot(page, 'en-contract', false);
    const file = await download(page, m('en', 'preview.download'));
    expect(file.suggestedFilename()).toBe('contract-C-2026-001.pdf');
    const text = await pdfText(file);
    pdfPage(file, 'en-contract-pdf');
    for (const expected of ['Jane Porter', 'Acme Trading Ltd', 'C-2026-001', 'Website redesign', '£6,000.00', '£1,800.00', '£2,400.00', 'Late Payment of Commercial Debts', '20 May 2026', 'Service provider', 'Client', 'Canal Street']) {
      expect(text).toContain(expected);
    }
    await page.close();
  }, 120_000);

  it('bills the deposit of that contract in English: lines, tax, totals, the due date as a calendar date, and the PDF', async () => {
    const page = await open(en, '/en/invoice/', 'form[data-checked]');
    await page.getByRole('button', { name: m('en', 'invoice.billPart', { part: m('en', 'schedule.defaultDeposit'), amount: '£1,800.00' }) }).click();
    await page.getByLabel(m('en', 'invoice.number')).fill('INV-001');
    await page.locator('#f-invoices-0-lines-0-taxRate').fill('20');
    const totals = page.locator('table.totals');
    await poll(() => totals.textContent()).toContain('£2,160.00');
    expect(plain((await totals.textContent()) ?? '')).toContain(plain(m('en', 'invoice.tax', { rate: '20%', base: '£1,800.00' }) + '£360.00'));
    expect(await page.getByTestId('due-date').textContent()).toBe(m('en', 'invoice.dueOn', { date: t.en.date('2026-05-20', 'weekday') }));

    await previewReady(page);
    await shot(page, 'en-invoice', false);
    const invoiceFile = await download(page, m('en', 'preview.download'));
    const text = await pdfText(invoiceFile);
    pdfPage(invoiceFile, 'en-invoice-pdf');
    for (const expected of ['INV-001', 'Acme Trading Ltd', 'Jane Porter', '£1,800.00', '£360.00', '£2,160.00', '20 May 2026', 'C-2026-001']) expect(text).toContain(expected);
    await page.close();
  }, 120_000);

  it('builds a contract and an invoice in Hebrew, right to left, with the form errors in Hebrew', async () => {
    const page = await open(he, '/he/contract/', 'form[data-checked]');
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['he', 'rtl']);
    await page.getByRole('button', { name: m('he', 'draft.example') }).click();
    await poll(() => page.getByLabel(m('he', 'contract.title'), { exact: true }).inputValue()).toBe('צילום קמפיין אביב');
    // the layout mirrors: the form is on the right, the preview on the left
    const formBox = (await page.locator('.builder-form').boundingBox())!;
    const previewBox = (await page.locator('.builder-preview').boundingBox())!;
    expect(formBox.x).toBeGreaterThan(previewBox.x);

    await page.getByLabel(m('he', 'contract.title'), { exact: true }).fill('צילום קמפיין קיץ');
    const client = page.getByRole('group', { name: m('he', 'party.client') });
    await client.getByLabel(m('he', 'party.email'), { exact: true }).fill('לא-כתובת');
    await client.getByLabel(m('he', 'party.email'), { exact: true }).blur();
    await poll(() => page.locator('#f-debtor-emails-error').textContent()).toBe(`${m('he', 'errors.email')} `);
    await client.getByLabel(m('he', 'party.email'), { exact: true }).fill('finance@cohen.example');
    const check = page.locator('.schedule-check');
    await poll(() => check.textContent()).toContain(m('he', 'schedule.addsUp'));
    expect((await check.locator('tbody td.num').allTextContents()).map(plain)).toEqual([plain(t.he.money({ currency: 'ILS', amount: '6000.00' })), plain(t.he.money({ currency: 'ILS', amount: '6000.00' }))]);

    await previewReady(page);
    await shot(page, 'he-contract', false);
    const contractFile = await download(page, m('he', 'preview.download'));
    const contract = await pdfText(contractFile);
    pdfPage(contractFile, 'he-contract-pdf');
    for (const expected of ['צילום קמפיין קיץ', 'נועה לוי', 'כהן שיווק בע"מ', '12,000.00', '6,000.00']) expect(contract).toContain(expected);
    await page.close();

    const invoice = await open(he, '/he/invoice/', 'form[data-checked]');
    await invoice.getByRole('button', { name: m('he', 'invoice.billPart', { part: 'במסירה', amount: t.he.money({ currency: 'ILS', amount: '6000.00' }) }) }).click();
    await invoice.getByLabel(m('he', 'invoice.number')).fill('1043');
    await invoice.getByLabel(m('he', 'invoice.issueDate')).fill('2026-04-20');
    // 30 days end of month counted from the end of April: 30 May 2026
    await poll(() => invoice.getByTestId('due-date').textContent()).toBe(m('he', 'invoice.dueOn', { date: t.he.date('2026-05-30', 'weekday') }));
    await poll(async () => plain((await invoice.getByTestId('invoice-gross').textContent()) ?? '')).toBe(plain(t.he.money({ currency: 'ILS', amount: '7080.00' })));
    await previewReady(invoice);
    await shot(invoice, 'he-invoice', false);
    const invoiceFile = await download(invoice, m('he', 'preview.download'));
    const text = await pdfText(invoiceFile);
    pdfPage(invoiceFile, 'he-invoice-pdf');
    for (const expected of ['1043', 'נועה לוי', 'כהן שיווק בע"מ', '7,080.00', '1,080.00', 'צילום קמפיין קיץ']) expect(text).toContain(expected);
    // "מועד התשלום: 30 במאי 2026" (pdftotext moves the colon of a right-to-left label next to the number)
    expect(text).toMatch(/מועד התשלום\s*:?\s*30\s*:?\s*במאי 2026/);
    await invoice.close();
  }, 150_000);
});

describe('ladder, cases and the API', () => {
  let caseId: string;

  it('plans the ladder in the client’s calendar, previews a letter, exports and re-imports the case, and schedules it', async () => {
    const page = await open(en, '/en/ladder/', '[data-testid=timeline]');
    const exported = await download(page, m('en', 'draft.export'));
    const exportedPath = join(work, exported.suggestedFilename());
    await exported.saveAs(exportedPath);
    const file = CaseFileSchema.parse(JSON.parse(readFileSync(exportedPath, 'utf8')));
    expect(file.invoices[0]!.dueDate).toBe('2026-05-20');

    // every stage on the date and local time planCase gives, weekends and bank holidays skipped visibly
    const plan = planCase(file, { now });
    const items = page.getByTestId('timeline').locator('li');
    await poll(() => items.count()).toBe(plan.stages.length);
    for (const [i, stage] of plan.stages.entries()) {
      expect(await items.nth(i).locator('.when').textContent()).toBe(m('en', 'timeline.when', { date: t.en.date(stage.localDate, 'weekday'), time: stage.localTime, zone: 'Europe/London' }));
    }
    const texts = await items.allTextContents();
    expect(texts[0]).toContain(m('en', 'timeline.movedWeekend', { from: t.en.date('2026-05-17', 'weekday') }));
    expect(plan.stages[1]!.localDate).toBe('2026-05-26'); // Sat 23 May, then the Spring bank holiday on Monday 25 May
    expect(texts[1]).toContain(m('en', 'timeline.movedWeekend', { from: t.en.date('2026-05-23', 'weekday') }));

    // a letter as the client will read it
    await page.getByRole('button', { name: m('en', 'timeline.previewLetter', { template: m('en', 'templates.overdue-firm') }) }).click();
    await previewReady(page);
    await shot(page, 'en-ladder');
    const letterFile = await download(page, m('en', 'preview.download'));
    const letter = await pdfText(letterFile);
    pdfPage(letterFile, 'en-letter-pdf');
    for (const expected of ['Acme Trading Ltd', 'INV-001', '£2,160.00']) expect(letter).toContain(expected);

    // start again, then import the exported file: the same case comes back
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: m('en', 'draft.startAgain') }).click();
    await poll(() => page.locator('#case-h + p').textContent()).toContain(m('en', 'ladder.caseIncomplete'));
    await page.getByLabel(m('en', 'draft.import')).setInputFiles(exportedPath);
    await poll(() => page.locator('.tool-message').textContent()).toBe(m('en', 'draft.imported', { name: exported.suggestedFilename() }));
    await poll(() => items.count()).toBe(plan.stages.length);

    // a broken file is refused with its problems in the page's language
    const broken = join(work, 'broken.json');
    writeFileSync(broken, JSON.stringify({ ...file, debtor: { ...file.debtor, emails: ['accounts'] } }));
    await page.getByLabel(m('en', 'draft.import')).setInputFiles(broken);
    await poll(() => page.locator('.import-errors').textContent()).toBe(`debtor.emails[0]: ${m('en', 'errors.email')}`);

    await page.getByRole('button', { name: m('en', 'ladder.schedule') }).click();
    const planned = plan.stages.filter((s) => s.status === 'planned').length;
    await poll(() => page.getByTestId('scheduled').textContent()).toContain(m('en', 'ladder.scheduled', { count: planned }));
    const [created] = (await site.ports.store.listCases()).filter((c) => c.file.invoices[0]!.number === 'INV-001');
    expect(created).toBeDefined();
    caseId = created!.id;
    expect((await site.ports.store.getStages(caseId)).filter((s) => s.status === 'scheduled')).toHaveLength(planned);
    await page.getByRole('link', { name: m('en', 'ladder.openCase') }).click();
    await page.getByTestId('case-status').waitFor();
    expect(await page.getByTestId('case-status').textContent()).toBe(m('en', 'status.active'));
    expect(await page.getByTestId('case-stages').locator('li[data-status="scheduled"]').count()).toBe(planned);
    await page.close();
  }, 150_000);

  it('lists the case with its balance, days late and next step, and its receivables by age', async () => {
    const page = await open(en, '/en/cases/', '[data-testid=cases-table]');
    const row = page.getByTestId('cases-table').locator('tbody tr', { hasText: 'Acme Trading Ltd' });
    const cells = (await row.locator('th, td').allTextContents()).map(plain);
    expect(cells[1]).toBe(m('en', 'status.active'));
    expect(cells[2]).toBe('£2,160.00');
    expect(cells[3]).toBe(m('en', 'cases.days', { count: 0 }));
    expect(cells[4]).toBe(plain(m('en', 'cases.next', { what: m('en', 'templates.pre-due'), when: t.en.dateTime('2026-05-18T09:00:00.000Z', 'Europe/London') })));
    const aging = page.getByTestId('aging-table-GBP');
    await aging.waitFor();
    expect((await aging.locator('tbody tr').first().locator('th, td').allTextContents()).map(plain)).toEqual([m('en', 'aging.bucket.current'), '1', '£2,160.00']);
    expect(await page.locator('figure.aging svg[role="img"] title').first().textContent()).toBe(m('en', 'aging.chartTitle', { currency: 'GBP' }));
    await shot(page, 'en-cases');
    await page.close();
  }, 60_000);

  it('records a partial payment, then the rest: the case is paid and every remaining letter is cancelled', async () => {
    const page = await open(en, `/en/case/?id=${caseId}`, '[data-testid=case-status]');
    const pay = async (amount: string) => {
      await page.locator('details[data-action="payments"] > summary').click();
      await page.getByLabel(m('en', 'case.amount', { currency: 'GBP' })).fill(amount);
      await page.getByRole('button', { name: m('en', 'case.recordPaymentSubmit') }).click();
    };
    await pay('1000.00');
    await poll(() => page.getByTestId('case-balance').textContent()).toBe('£1,160.00');
    expect(await page.getByTestId('case-status').textContent()).toBe(m('en', 'status.active'));
    await pay('1160.00');
    await poll(() => page.getByTestId('case-status').textContent()).toBe(m('en', 'status.paid'));
    const stages = page.getByTestId('case-stages').locator('li');
    expect(await stages.locator('[data-status="scheduled"]').count()).toBe(0);
    expect(await page.getByTestId('case-stages').locator('li[data-status="cancelled"]').count()).toBeGreaterThan(0);
    const log = await page.getByTestId('case-log').textContent();
    expect(log).toContain(m('en', 'events.payment'));
    expect(log).toContain(m('en', 'events.paid'));
    expect((await site.ports.store.getStages(caseId)).every((s) => s.status !== 'scheduled')).toBe(true);
    expect((await site.ports.store.getCase(caseId))!.status).toBe('paid');
    await shot(page, 'en-case-paid');
    await page.close();
  }, 60_000);
});

describe('tasks and the outbox', () => {
  it('lists the calls due today, records an outcome, and shows a sent letter from the outbox on the case page', async () => {
    const late = structuredClone(heExample) as typeof heExample & { invoices: { dueDate?: string }[] };
    late.reference = 'COHEN-LATE';
    late.invoices[0]!.issueDate = '2026-02-01';
    late.invoices[0]!.dueDate = '2026-04-15';
    const response = await fetch(`${site.url}/api/cases`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(late) });
    expect(response.status).toBe(201);
    const { case: record, stages } = (await response.json()) as { case: { id: string }; stages: StageRecord[] };
    const calls = stages.filter((s) => s.channel === 'task' && s.localDate === '2026-04-20');
    expect(calls).toHaveLength(2);

    // the sender's part, done by hand: the third letter went out and is in the outbox folder
    const letter = stages.find((s) => s.channel === 'email' && s.status === 'skipped')!;
    await site.ports.store.commit({ caseId: record.id, stages: [{ stage: { ...letter, status: 'sent', sentAt: now.toISOString(), messageId: 'demand-1@overdue.test', subject: 'דרישה לתשלום' } }] });
    outbox.push({ file: '20260420-demand-1.eml', size: 120, subject: 'דרישה לתשלום', to: 'finance@cohen.example', date: now.toISOString(), messageId: '<demand-1@overdue.test>', eml: 'Subject: test\r\n\r\nbody' });

    const page = await open(en, '/en/tasks/', '[data-testid=tasks]');
    const tasks = page.getByTestId('tasks').locator('li.task');
    await poll(() => tasks.count()).toBe(2);
    await shot(page, 'en-tasks');
    await tasks.first().getByLabel(m('en', 'case.outcome')).selectOption('reached-promise');
    await tasks.first().getByRole('button', { name: m('en', 'case.outcomeSubmit') }).click();
    await poll(() => tasks.count()).toBe(1);
    expect(await page.locator('.success').textContent()).toBe(m('en', 'tasks.recorded', { client: 'כהן שיווק בע"מ' }));
    expect((await site.ports.store.getEvents(record.id)).some((e) => e.type === 'task-outcome' && (e.data as { outcome: string }).outcome === 'reached-promise')).toBe(true);
    await page.close();

    const casePage = await open(en, `/en/case/?id=${record.id}`, '[data-testid=outbox]');
    const link = casePage.getByTestId('outbox').getByRole('link', { name: 'דרישה לתשלום' });
    expect(await link.getAttribute('href')).toBe('/api/outbox/20260420-demand-1.eml');
    expect(await (await fetch(`${site.url}/api/outbox/20260420-demand-1.eml`)).text()).toContain('Subject: test');
    await shot(casePage, 'en-case');
    await casePage.close();
  }, 60_000);
});

describe('the lawyer bundle', () => {
  it('downloads the case as a ZIP in the lawyer\u2019s language, makes a share link that works without the site, and withdraws it', async () => {
    const id = await firstCaseId();
    const page = await open(en, `/en/case/?id=${id}`, '[data-testid=lawyer-bundle]');
    const panel = page.getByTestId('lawyer-bundle');
    await panel.getByLabel(m('en', 'bundle.language')).selectOption('fr');
    const zip = await download(page, m('en', 'bundle.download'));
    expect(zip.suggestedFilename()).toBe('overdue-COHEN-LATE-2026-04-20.zip');
    const file = join(work, zip.suggestedFilename());
    await zip.saveAs(file);
    const listing = execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }).split('\n').filter(Boolean);
    for (const entry of ['00-index.pdf', '01-final-demand.pdf', '04-statement-of-account.pdf', 'case.json', 'SHA256SUMS']) expect(listing).toContain(`COHEN-LATE-2026-04-20/${entry}`);
    const index = execFileSync('sh', ['-c', `unzip -p "${file}" COHEN-LATE-2026-04-20/00-index.pdf | pdftotext -enc UTF-8 - -`], { encoding: 'utf8' });
    // the index is in French, as chosen, dated the page's today
    expect(index).toContain('Dossier de recouvrement');
    expect(index).toMatch(/20 avril 2026/);

    await panel.getByLabel(m('en', 'bundle.expiresInDays')).fill('7');
    await panel.getByRole('button', { name: m('en', 'bundle.share') }).click();
    await poll(() => panel.getByTestId('share-link').locator('input').inputValue()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/share\/[\w.-]+$/);
    const shared = await panel.getByTestId('share-link').locator('input').inputValue();
    const fetched = await fetch(shared);
    expect(fetched.status).toBe(200);
    expect(fetched.headers.get('content-type')).toBe('application/zip');
    await poll(() => panel.getByTestId('share-links').locator('li').count()).toBe(1);
    await shot(page, 'en-case-bundle');

    await panel.getByTestId('share-links').getByRole('button', { name: m('en', 'bundle.revoke') }).click();
    await poll(() => panel.getByTestId('share-links').count()).toBe(0);
    expect((await fetch(shared)).status).toBe(404);
    expect((await site.ports.store.getEvents(id)).map((e) => e.type).filter((type) => type.startsWith('share-'))).toEqual(['share-created', 'share-revoked']);
    await page.close();
  }, 90_000);
});

const pages = [
  { name: 'home', path: '', ready: 'main h1' },
  { name: 'contract', path: 'contract/', ready: 'form[data-checked]' },
  { name: 'invoice', path: 'invoice/', ready: 'form[data-checked]' },
  { name: 'ladder', path: 'ladder/', ready: '[data-testid=timeline]' },
  { name: 'cases', path: 'cases/', ready: '[data-testid=cases-table]' },
  { name: 'case', path: 'case/?id=', ready: '[data-testid=case-status]' },
  { name: 'tasks', path: 'tasks/', ready: '[data-testid=tasks], .empty' },
] as const;

async function firstCaseId(): Promise<string> {
  return (await site.ports.store.listCases()).find((c) => c.file.reference === 'COHEN-LATE')!.id;
}

describe('review', () => {
  it('writes screenshots of the pages the other tests did not photograph, in English and Hebrew', async () => {
    const id = await firstCaseId();
    await withoutPdfEngine(he);
    const todo = [
      ['en', en, pages[0]],
      ['he', he, pages[0]],
      ['he', he, pages[3]],
      ['he', he, pages[4]],
      ['he', he, pages[5]],
      ['he', he, pages[6]],
    ] as const;
    for (const [lang, c, p] of todo) {
      const page = await open(c, `/${lang}/${p.path}${p.name === 'case' ? id : ''}`, p.ready);
      await shot(page, `${lang}-${p.name}`);
      await page.close();
    }
    await he.unrouteAll();
  }, 60_000);
});

describe('accessibility', () => {
  it('axe-core finds no violations on any page in any language', async () => {
    const id = await firstCaseId();
    const state = await en.storageState();
    const c = await browser.newContext({ viewport: { width: 1280, height: 900 }, storageState: state });
    await c.clock.setFixedTime(now);
    // the preview stays at "loading the PDF engine", with its progress bar, which axe checks too
    await withoutPdfEngine(c);
    const found: string[] = [];
    for (const lang of ['en', 'ru', 'fr', 'he'] as const) {
      const page = await c.newPage();
      page.on('pageerror', (error) => pageErrors.push(`/${lang}/: ${error.message}`));
      for (const p of pages) {
        await page.goto(`${site.url}/${lang}/${p.path}${p.name === 'case' ? id : ''}`);
        await page.locator(p.ready).first().waitFor({ timeout: 30_000 });
        await page.addScriptTag({ path: join(root, 'node_modules', 'axe-core', 'axe.min.js') });
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
          const result = await axe.run(document, { iframes: false, resultTypes: ['violations'] });
          return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
        });
        found.push(...violations.map((v) => `/${lang}/${p.path} ${v}`));
      }
      await page.close();
    }
    await c.close();
    expect(found).toEqual([]);
  }, 180_000);

  it('reaches every main control of the contract builder by keyboard, in order, and the skip link jumps to the content', async () => {
    const first = await open(en, '/en/contract/', 'form[data-checked]');
    await first.keyboard.press('Tab');
    expect(await first.evaluate(() => document.activeElement?.textContent)).toBe(m('en', 'nav.skip'));
    await first.keyboard.press('Enter');
    expect(await first.evaluate(() => document.activeElement?.id)).toBe('main');
    // an example so that every control is enabled
    await first.getByRole('button', { name: m('en', 'draft.example') }).press('Enter');
    await poll(() => first.getByRole('button', { name: m('en', 'preview.download') }).isEnabled()).toBe(true);
    await first.close();

    // a fresh page, through the header and the whole form
    const page = await open(en, '/en/contract/', 'form[data-checked]');
    await page.evaluate(() => {
      const w = window as unknown as { stops: string[] };
      w.stops = [];
      document.addEventListener('focusin', (e) => {
        const el = e.target as HTMLElement;
        w.stops.push(el.id || `${el.tagName.toLowerCase()}:${(el.textContent ?? '').trim()}`);
      });
    });
    const download = `button:${m('en', 'preview.download')}`;
    let stops: string[] = [];
    for (let round = 0; round < 15 && !stops.includes(download); round++) {
      for (let i = 0; i < 20; i++) await page.keyboard.press('Tab');
      stops = await page.evaluate(() => (window as unknown as { stops: string[] }).stops);
    }
    const wanted = [
      `a:${m('en', 'nav.contract')}`,
      `a:${m('en', 'nav.tasks')}`,
      'a:עברית',
      `button:${m('en', 'draft.example')}`,
      'f-creditor-legalName',
      'f-creditor-address-country',
      'f-debtor-legalName',
      'f-contract-number',
      'f-contract-title',
      'f-contract-price-amount',
      'f-contract-schedule-0-label',
      `button:${m('en', 'schedule.add')}`,
      'f-contract-dueDateRule-days',
      'f-contract-jurisdiction',
      'f-contract-latePayment-flatFee',
      'f-contract-clauses-deliverablesReleasedOnPayment',
      download,
    ];
    const positions = wanted.map((w) => stops.indexOf(w));
    expect(wanted.filter((_, i) => positions[i] === -1)).toEqual([]);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    // and operable: Enter on "Add a part" adds one
    await page.getByRole('button', { name: m('en', 'schedule.add') }).focus();
    await page.keyboard.press('Enter');
    await poll(() => page.locator('.schedule-part').count()).toBe(4);
    await page.close();
  }, 60_000);
});

describe('performance budget', () => {
  it('ships less than 100 KB of JavaScript (gzip) before any interaction on every page', () => {
    const heavy = ['', 'contract/', 'invoice/', 'ladder/', 'cases/', 'case/', 'tasks/'].flatMap((p) =>
      (['en', 'ru', 'fr', 'he'] as const).map((lang) => pageJs(dist, `${lang}/${p}index.html`)),
    );
    expect(heavy.filter((p) => p.initial >= 100 * 1024).map((p) => `${p.page}: ${p.initial} bytes`)).toEqual([]);
    // the PDF engine is never among them
    expect(heavy.flatMap((p) => p.files).filter((f) => /react-pdf|pdf-engine|pdf-element/.test(f))).toEqual([]);
  });
});
