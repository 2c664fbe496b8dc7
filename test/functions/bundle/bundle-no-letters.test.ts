import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '#functions/api/app.ts';
import { buildBundle, type Bundle } from '#functions/bundle/build-bundle.tsx';
import { renderDatedPdf } from '#functions/bundle/render-dated-pdf.ts';
import { containsPhrase, normalize, pdfText } from '../../templates/documents/contract/pdf-text.ts';
import { extract, removeExtracted, sha256, sha256sumCheck } from '../../e2e/bundle/bundle-case.ts';
import { example, localPorts, newCase, removeLocal } from './bundle-ports.ts';

/**
 * Bundles of cases whose letters have not gone out yet, one per jurisdiction with its own formal
 * final demand: France (mise en demeure, the lawyer reads English), Russia (претензия, the lawyer
 * reads Russian), Israel (מכתב התראה, the lawyer reads Hebrew). The bundle must still build, say
 * that no letter was sent, and be as checkable as any other.
 */

const DATE = '2026-07-15';
const cases = [
  { name: 'fr-pressure-scale', start: '2026-03-17T00:00:00Z', lang: 'en', reference: 'DUPONT-2026-03' },
  { name: 'ru-gentle', start: '2026-04-02T00:00:00Z', lang: 'ru', reference: 'СЕВЕР-2026-5' },
  { name: 'he-il-pressure-scale', start: '2026-03-06T00:00:00Z', lang: 'he', reference: 'כהן-2026-2' },
] as const;

interface Built {
  caseId: string;
  bundle: Bundle;
  x: ReturnType<typeof extract>;
  text: (path: string) => string;
  ports: ReturnType<typeof localPorts>;
}
const built = new Map<string, Built>();

beforeAll(async () => {
  for (const c of cases) {
    const ports = localPorts(c.start);
    const caseId = await newCase(ports, example(c.name));
    const bundle = await buildBundle(ports, caseId, { date: DATE, lang: c.lang, render: renderDatedPdf });
    const x = extract(bundle.bytes, c.name);
    const texts = new Map<string, string>();
    built.set(c.name, { caseId, bundle, x, ports, text: (p) => texts.get(p) ?? texts.set(p, pdfText(x.files.get(p)!)).get(p)! });
  }
}, 120_000);

afterAll(async () => {
  for (const b of built.values()) await b.ports.store.close();
  removeExtracted();
  removeLocal();
});

const get = (name: (typeof cases)[number]['name']) => built.get(name)!;

describe('a case with no letter sent yet', () => {
  it.each(cases)('$name: the bundle builds, unzips, passes sha256sum -c and holds the documents but no letters', ({ name, reference }) => {
    const { x, bundle } = get(name);
    expect(bundle.fileName).toBe(`overdue-${reference}-${DATE}.zip`);
    expect(x.top).toEqual([`${reference}-${DATE}`]);
    const check = sha256sumCheck(x.dir);
    expect(check.code, check.output).toBe(0);
    const paths = [...x.files.keys()];
    expect(paths.filter((p) => p.startsWith('05-letters/'))).toEqual([]);
    for (const p of ['00-index.pdf', '01-final-demand.pdf', '02-contract.pdf', '04-statement-of-account.pdf', 'case.json', 'case.schema.json', 'chronology.csv', 'case-log.jsonl', 'manifest.json', 'SHA256SUMS']) expect(paths).toContain(p);
    expect(paths.filter((p) => p.startsWith('03-invoices/')).length).toBe(1);
  });

  it.each(cases)('$name: case.json validates against its schema and says no letter was sent', ({ name }) => {
    const { x, caseId } = get(name);
    const schema = JSON.parse(Buffer.from(x.files.get('case.schema.json')!).toString('utf8')) as object;
    const data = JSON.parse(Buffer.from(x.files.get('case.json')!).toString('utf8')) as { caseId: string; lettersSent: unknown[]; warnings: { code: string; stage: string | null }[]; documents: { path: string; sha256: string }[] };
    const validate = new Ajv2020({ strict: false }).compile(schema);
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    expect(data.caseId).toBe(caseId);
    expect(data.lettersSent).toEqual([]);
    expect(data.warnings.map((w) => [w.code, w.stage])).toEqual([['no-letters', null]]);
    for (const d of data.documents) expect([d.path, d.sha256]).toEqual([d.path, sha256(x.files.get(d.path)!)]);
  });

  it('the index says so in the lawyer\u2019s language: English, Russian, Hebrew', () => {
    expect(get('fr-pressure-scale').text('00-index.pdf')).toContain('No letter has been sent yet: this bundle holds the documents only.');
    expect(get('ru-gentle').text('00-index.pdf')).toContain('Писем ещё не отправлялось: в комплекте только документы.');
    expect(containsPhrase(get('he-il-pressure-scale').text('00-index.pdf'), 'טרם נשלחו מכתבים: המקבץ כולל את המסמכים בלבד.', 'he')).toBe(true);
    // the heading of the warnings and the title, in each language
    expect(get('fr-pressure-scale').text('00-index.pdf')).toContain('Where the evidence is weak');
    expect(get('ru-gentle').text('00-index.pdf')).toContain('Слабые места доказательной базы');
    expect(containsPhrase(get('he-il-pressure-scale').text('00-index.pdf'), 'חולשות בראיות', 'he')).toBe(true);
  });

  it('the index names the parties and lists every file with its full SHA-256', () => {
    for (const c of cases) {
      const { x, text } = get(c.name);
      const index = text('00-index.pdf');
      const data = JSON.parse(Buffer.from(x.files.get('case.json')!).toString('utf8')) as { creditor: { legalName: string }; debtor: { legalName: string } };
      for (const party of [data.creditor.legalName, data.debtor.legalName]) {
        expect([c.name, party, c.lang === 'he' ? containsPhrase(index, party, 'he') : index.includes(normalize(party))]).toEqual([c.name, party, true]);
      }
      const listed = [...x.files.keys()].filter((p) => !['00-index.pdf', 'case.json', 'SHA256SUMS', 'manifest.json'].includes(p));
      const hashes = [...index.matchAll(/\b[0-9a-f]{64}\b/g)].map((m) => m[0]).sort();
      expect([c.name, hashes]).toEqual([c.name, listed.map((p) => sha256(x.files.get(p)!)).sort()]);
      for (const p of listed) expect([c.name, p, index.includes(p)]).toEqual([c.name, p, true]);
    }
  });

  it('France: the final demand is a mise en demeure in French, dated the bundle date', () => {
    const t = get('fr-pressure-scale').text('01-final-demand.pdf');
    expect(t).toContain('Mise en demeure de payer');
    expect(t).toContain('15 juillet 2026');
    expect(t).toContain('1344'); // art. 1344 Code civil
    expect(t).toContain('Dupont & Fils SARL');
  });

  it('Russia: the final demand is a претензия, dated the bundle date', () => {
    const t = get('ru-gentle').text('01-final-demand.pdf');
    expect(t).toContain('ПРЕТЕНЗИЯ');
    expect(t).toContain('15 июля 2026 г.');
    expect(t).toContain('ООО «Север»');
  });

  it('Israel: the final demand is a מכתב התראה, dated the bundle date', () => {
    const t = get('he-il-pressure-scale').text('01-final-demand.pdf');
    expect(containsPhrase(t, 'מכתב התראה לפני נקיטת הליכים משפטיים', 'he')).toBe(true);
    // pdftotext returns the number runs of a Hebrew line in visual order: the date as "15 ,ביולי 2026"
    expect(t).toMatch(/^תל אביב-יפו 15 ?,? ?ביולי ?,? ?2026/);
  });

  it('the statement is in the lawyer\u2019s language as of the bundle date', () => {
    expect(get('fr-pressure-scale').text('04-statement-of-account.pdf')).toContain('Statement of account');
    expect(get('fr-pressure-scale').text('04-statement-of-account.pdf')).toContain('Statement of account as of July 15, 2026');
    expect(get('ru-gentle').text('04-statement-of-account.pdf')).toContain('15 июля 2026 г.');
  });

  it('the owner downloads a bundle whose reference is in Cyrillic: an ASCII file name and the UTF-8 one (RFC 6266)', async () => {
    const { ports, caseId, bundle } = get('ru-gentle');
    const app = createApp(ports, { shareKey: new Uint8Array(32) });
    const response = await app.request(`/api/cases/${caseId}/bundle?lang=ru&date=${DATE}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="overdue-${caseId}-${DATE}.zip"; filename*=UTF-8''${encodeURIComponent(`overdue-СЕВЕР-2026-5-${DATE}.zip`)}`,
    );
    // the same bytes as the bundle built directly: deterministic
    expect(sha256(new Uint8Array(await response.arrayBuffer()))).toBe(sha256(bundle.bytes));
  }, 60_000);
});

describe('a case with nothing overdue yet on the bundle date', () => {
  it('builds without a final demand, and the index, case.json and the manifest say why, in the lawyer\u2019s language', async () => {
    const ports = localPorts('2026-03-17T00:00:00Z');
    try {
      const caseId = await newCase(ports, example('fr-pressure-scale'));
      // the invoice is issued on 17 March: on that day nothing is past its due date
      const bundle = await buildBundle(ports, caseId, { date: '2026-03-17', lang: 'fr', render: renderDatedPdf });
      const x = extract(bundle.bytes, 'not-overdue');
      expect([...x.files.keys()]).not.toContain('01-final-demand.pdf');
      expect([...x.files.keys()]).toContain('04-statement-of-account.pdf');
      expect(sha256sumCheck(x.dir).code).toBe(0);
      const data = JSON.parse(Buffer.from(x.files.get('case.json')!).toString('utf8')) as { warnings: { code: string }[]; documents: { kind: string }[] };
      expect(data.warnings.map((w) => w.code)).toEqual(['not-overdue', 'no-letters']);
      expect(data.documents.map((d) => d.kind)).not.toContain('final-demand');
      expect(pdfText(x.files.get('00-index.pdf')!)).toContain('Aucune facture n\u2019est échue au 17 mars 2026 : ce dossier ne contient pas de mise en demeure.'.replace('\u2019', "'"));
    } finally {
      await ports.store.close();
    }
  }, 60_000);
});
