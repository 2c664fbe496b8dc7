/**
 * The documents `npm run bench -- pdf` renders: a two-page invoice with 40 lines and a one-page
 * letter, per language, from templates/examples/en-gb-tracking.json. Each `seed` gives a
 * different invoice (number, dates, quantities, prices, which description on which line), so a
 * warm loop measures rendering new documents, not replaying one: anything remembered across
 * renders (the shaping cache) only helps where real invoices repeat themselves (labels, column
 * heads, the terms).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ReactElement } from 'react';
import { InvoiceDocument } from '../../templates/documents/invoice/InvoiceDocument.tsx';
import type { InvoiceSource } from '../../templates/documents/invoice/invoice-view.ts';
import { DocumentPage } from '../../templates/documents/parts/DocumentPage.tsx';
import { LetterFrame } from '../../templates/documents/parts/LetterFrame.tsx';
import { Para } from '../../templates/documents/parts/Para.tsx';
import { WithTranslator } from '../../templates/documents/parts/direction.tsx';
import { CaseFileSchema, type CaseFile, type CaseFileInput } from '../../templates/domain/schemas/case.ts';
import { addCalendarDays } from '../../templates/domain/time/plain-date.ts';
import { translator, type Translator } from '../../templates/i18n/translator.ts';
import { Document } from '@react-pdf/renderer';

export const benchLanguages = ['en-GB', 'ru', 'fr', 'he'] as const;
export type BenchLanguage = (typeof benchLanguages)[number];

/** Line descriptions as a freelancer writes them, per language (Hebrew ones exercise bidi). */
const descriptions: Record<BenchLanguage, string[]> = {
  'en-GB': [
    'Homepage layout and revisions',
    'Logo refinements and export for print',
    'Brand guidelines: colour and type pages',
    'Product page templates',
    'Icon set, 24 icons in two weights',
    'Client call and written summary',
    'Image retouching for the gallery',
    'Accessibility review of the page templates',
  ],
  ru: [
    'Макет главной страницы, правки',
    'Доработка логотипа и подготовка к печати',
    'Брендбук: страницы цвета и шрифтов',
    'Шаблоны карточки товара',
    'Набор из 24 иконок в двух начертаниях',
    'Созвон с клиентом и письменное резюме',
    'Ретушь изображений для галереи',
    'Проверка доступности шаблонов страниц',
  ],
  fr: [
    "Maquette de la page d'accueil",
    "Ajustements du logo et export pour l'impression",
    'Charte graphique : pages couleurs et typographie',
    'Gabarits des pages produit',
    "Jeu de 24 icônes en deux graisses",
    'Appel client et compte rendu écrit',
    'Retouche des images de la galerie',
    "Revue d'accessibilité des gabarits",
  ],
  he: [
    'עיצוב דף הבית, שני סבבי תיקונים',
    'שיפורי לוגו והכנה להדפסה',
    'ספר מותג: עמודי צבע וטיפוגרפיה',
    'תבניות דף מוצר',
    'סט של 24 אייקונים בשני משקלים',
    'שיחת לקוח וסיכום בכתב',
    'ריטוש תמונות לגלריה',
    'בדיקת נגישות של תבניות העמודים',
  ],
};

const examplePath = fileURLToPath(new URL('../../templates/examples/en-gb-tracking.json', import.meta.url));
const example = JSON.parse(readFileSync(examplePath, 'utf8')) as CaseFileInput;

/** The example case with invoice number `seed`: 40 lines, issued `seed` days after 2 March 2026. */
export function benchCase(lang: BenchLanguage, seed: number): CaseFile {
  const input = structuredClone(example);
  const invoice = input.invoices[0]!;
  invoice.number = `PD-${String(142 + seed).padStart(4, '0')}`;
  invoice.issueDate = addCalendarDays('2026-03-02', seed % 300);
  const pool = descriptions[lang];
  invoice.lines = Array.from({ length: 40 }, (_, i) => ({
    description: `${pool[(i * 3 + seed) % pool.length]!} (${(i * 5 + seed) % 31 + 1})`,
    quantity: String(1 + ((i + seed) % 6) / 2),
    unitPrice: (45 + ((i * 7 + seed * 13) % 90) * 2.5).toFixed(2),
    taxRate: '20',
  }));
  return CaseFileSchema.parse(input);
}

/** The 40-line invoice of {@link benchCase} as InvoiceDocument's source. */
export function invoiceSource(lang: BenchLanguage, seed: number): InvoiceSource {
  const c = benchCase(lang, seed);
  return { creditor: c.creditor, debtor: c.debtor, jurisdiction: c.jurisdiction, contract: c.contract, invoice: c.invoices[0]! };
}

/** The two-page invoice element. */
export function invoiceElement(lang: BenchLanguage, seed: number): ReactElement {
  return <InvoiceDocument source={invoiceSource(lang, seed)} t={translator(lang)} />;
}

/** Which letter the bench measures: the stage letter component when it exists, else a frame letter. */
export interface LetterFixture {
  kind: 'LetterDocument (overdue-gentle)' | 'LetterFrame + 4 Para (LetterDocument not found)';
  element(lang: BenchLanguage, seed: number): ReactElement;
}

/**
 * The one-page letter: templates/documents/letter/LetterDocument.tsx (stage `overdue-gentle`,
 * dated 3 days after the due date) when that file exists, loaded dynamically so the bench runs
 * before the stage letters are written; otherwise a one-page document made of LetterFrame and
 * four Para, say which one in the output.
 */
export async function letterFixture(): Promise<LetterFixture> {
  type LetterDocumentModule = { LetterDocument: (props: { source: unknown; t: Translator }) => ReactElement };
  let mod: LetterDocumentModule | undefined;
  try {
    mod = (await import(new URL('../../templates/documents/letter/LetterDocument.tsx', import.meta.url).href)) as LetterDocumentModule;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw error;
  }
  if (mod) {
    const LetterDocument = mod.LetterDocument;
    return {
      kind: 'LetterDocument (overdue-gentle)',
      element: (lang, seed) => {
        const caseFile = benchCase(lang, seed);
        caseFile.invoices[0]!.lines = caseFile.invoices[0]!.lines.slice(0, 1);
        const t = translator(lang);
        const source = { caseFile, stage: { template: 'overdue-gentle' }, date: addCalendarDays(caseFile.invoices[0]!.dueDate, 3) };
        return <LetterDocument source={source} t={t} />;
      },
    };
  }
  return { kind: 'LetterFrame + 4 Para (LetterDocument not found)', element: frameLetter };
}

/** A one-page letter from the parts alone: frame, four paragraphs, closing and contact. */
export function frameLetter(lang: BenchLanguage, seed: number): ReactElement {
  const c = benchCase(lang, seed);
  const t = translator(lang);
  const invoice = c.invoices[0]!;
  const line = (i: number) => `${descriptions[lang][(i + seed) % 8]!}: ${t.money({ currency: invoice.currency, amount: invoice.lines[i]!.unitPrice })}, ${t.date(invoice.dueDate)}.`;
  return (
    <Document title={`Letter ${invoice.number}`} author={c.creditor.legalName} language={t.locale} creator="Overdue" producer="Overdue">
      <WithTranslator t={t}>
        <DocumentPage>
          <LetterFrame
            creditor={c.creditor}
            debtor={c.debtor}
            date={addCalendarDays(invoice.dueDate, 7)}
            references={[t.ltr(invoice.number)]}
            subject={t.t('invoice.heading', { number: t.ltr(invoice.number) })}
            closing="—"
            contact={t.t('common.contact', { email: t.ltr(c.creditor.emails[0]!), phone: t.ltr(c.creditor.phone ?? '') })}
          >
            {[0, 1, 2, 3].map((i) => (
              <Para key={i} style={{ marginBottom: 6 }}>
                {`${line(i)} ${line(i + 1)} ${line(i + 2)}`}
              </Para>
            ))}
          </LetterFrame>
        </DocumentPage>
      </WithTranslator>
    </Document>
  );
}
