import { Document, Text, View } from '@react-pdf/renderer';
import type { Style } from '@react-pdf/types';
import type { Direction, Translator } from '../../i18n/translator.ts';
import { DocumentPage } from '../parts/DocumentPage.tsx';
import { LetterFrame } from '../parts/LetterFrame.tsx';
import { Para } from '../parts/Para.tsx';
import { SumRows } from '../parts/SumRows.tsx';
import { Table } from '../parts/Table.tsx';
import { WithTranslator } from '../parts/direction.tsx';
import { textDir, theme } from '../parts/styles.ts';
import type { LetterSource } from './letter-source.ts';
import { letterView, type LetterBlock, type LetterView } from './letter-view.ts';
import { withoutEmoji } from './without-emoji.ts';

/** A letter from its source, or from a view already computed (the e-mail shares it). */
export type LetterDocumentProps = {
  t: Translator;
  /** the PDF's creation date; default the letter date at 00:00 UTC, so the same letter gives the same bytes */
  creationDate?: Date | undefined;
} & ({ source: LetterSource; view?: undefined } | { view: LetterView; source?: undefined });

const body = { fontSize: theme.fontSize, lineHeight: 1.3 };

/**
 * Every stage's letter as a PDF: one layout for all templates, inside {@link LetterFrame}. Layout
 * only: every sentence and figure comes from {@link letterView}.
 *
 * @example renderPdf(<LetterDocument source={{ caseFile, stage: { template: 'overdue-firm' }, date: '2026-04-16' }} t={translator('en-GB')} />)
 * @see shared/DOMAIN.md "Letters along the way"
 */
export function LetterDocument(props: LetterDocumentProps) {
  const { t } = props;
  const view = forPdf(props.view ?? letterView(props.source, t));
  return (
    <Document
      title={view.subject}
      author={view.creditor.legalName}
      subject={view.subject}
      language={t.locale}
      creator="Overdue"
      producer="Overdue"
      creationDate={props.creationDate ?? new Date(`${view.date}T00:00:00Z`)}
    >
      <WithTranslator t={t}>
        <DocumentPage>
          <LetterFrame
            creditor={view.creditor}
            debtor={view.debtor}
            date={view.date}
            references={view.references}
            subject={view.subject}
            salutation={view.salutation}
            closing={view.closing}
            signatory={view.signatory}
            contact={view.contact}
          >
            {view.blocks.map((block, i) => (
              <Block key={i} block={block} dir={view.dir} />
            ))}
          </LetterFrame>
        </DocumentPage>
      </WithTranslator>
    </Document>
  );
}

/**
 * A paragraph of the letter. Words break only at spaces and at the U+200B that `cleanText` puts
 * into runs longer than 40 characters (a 10,000-character "word" would otherwise run off the
 * page: the registered hyphenation callback never splits a word).
 */
function Prose({ text, dir, style }: { text: string; dir: Direction; style?: Style }) {
  return (
    <Text style={[textDir(dir), body, style ?? {}]} hyphenationCallback={(word) => word.split('\u200B')}>
      {text}
    </Text>
  );
}

/** The view with every string drawable by the document font (see {@link withoutEmoji}). */
function forPdf<T>(value: T): T {
  if (typeof value === 'string') return withoutEmoji(value) as T;
  if (Array.isArray(value)) return value.map(forPdf) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, forPdf(v)])) as T;
  return value;
}

function Block({ block, dir }: { block: LetterBlock; dir: Direction }) {
  const rtl = dir === 'rtl';
  switch (block.kind) {
    case 'para':
      if (block.quote) {
        const side = rtl ? { borderRightWidth: 2, borderRightColor: theme.rule, paddingRight: 8 } : { borderLeftWidth: 2, borderLeftColor: theme.rule, paddingLeft: 8 };
        return (
          <View style={{ ...side, marginBottom: 5 }}>
            <Prose text={block.text} dir={dir} style={{ color: theme.muted }} />
          </View>
        );
      }
      return <Prose text={block.text} dir={dir} style={{ marginBottom: 5 }} />;
    case 'table':
      return <Table columns={block.columns} rows={block.rows} />;
    case 'sums':
      return (
        <View style={{ marginBottom: 10 }}>
          <SumRows rows={block.rows} />
        </View>
      );
    case 'box':
      return (
        <View style={{ marginTop: 6, marginBottom: 4, backgroundColor: theme.fill, padding: 8 }} wrap={false}>
          <Para bold style={{ marginBottom: 3 }}>
            {block.heading}
          </Para>
          {block.lines.map((line, i) => (
            <Para key={i}>{line}</Para>
          ))}
        </View>
      );
  }
}
