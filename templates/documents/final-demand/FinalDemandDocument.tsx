import { Document, View } from '@react-pdf/renderer';
import { translator, type Translator } from '../../i18n/translator.ts';
import { DocumentPage } from '../parts/DocumentPage.tsx';
import { LetterFrame } from '../parts/LetterFrame.tsx';
import { WithTranslator } from '../parts/direction.tsx';
import { Para } from '../parts/Para.tsx';
import { theme } from '../parts/styles.ts';
import { StatementBody } from '../statement/StatementBody.tsx';
import { DemandBlocks } from './DemandBlocks.tsx';
import { FormAnnex } from './FormAnnex.tsx';
import { finalDemandView, type FinalDemandSource } from './final-demand-view.ts';

/**
 * The formal final demand of the case's jurisdiction as one PDF: the letter, ready to sign (with
 * room for the signature), then its annexes each on a new page (the statement of account; for a
 * letter of claim also the Information Sheet, the Reply Form and the Financial Statement).
 *
 * The language is the debtor's unless `t` says otherwise; any of the four languages renders any
 * jurisdiction's letter, with the legal term in its original language in parentheses where it
 * helps ("Formal notice to pay (mise en demeure)"). Layout only: see {@link finalDemandView}.
 *
 * @example renderPdf(<FinalDemandDocument source={{ caseFile, date: '2026-06-15' }} />)
 * @example renderPdf(<FinalDemandDocument source={{ caseFile, date: '2026-06-15', respondWithinDays: 10 }} t={translator('en')} />)
 * @see shared/LEGAL.md §1.4, §3.3, §4.2, §5.4, §6.3, §7, §10
 */
export function FinalDemandDocument({ source, t = translator(source.caseFile.debtor.language) }: { source: FinalDemandSource; t?: Translator }) {
  const view = finalDemandView(source, t);
  const { creditor, debtor } = source.caseFile;
  const subjectLine = view.subject.replace(/\n/g, ' – ');
  return (
    <Document title={subjectLine} author={creditor.legalName} subject={view.title} language={t.locale} creator="Overdue" producer="Overdue">
      <WithTranslator t={t}>
        <DocumentPage>
          <LetterFrame
            creditor={creditor}
            debtor={debtor}
            date={source.date}
            references={view.references}
            subject={view.subject}
            {...(view.salutation ? { salutation: view.salutation } : {})}
            closing={view.signatureLabel ? `${view.closing}\n${view.signatureLabel}` : view.closing}
            signatory={view.signatory}
            signatureSpace
            contact={view.contact}
          >
            <DemandBlocks blocks={view.blocks} />
            <View style={{ marginTop: 6 }} wrap={false}>
              <Para bold>{view.enclosuresHeading}</Para>
              <DemandBlocks blocks={[{ type: 'list', items: view.enclosures, ordered: true }]} />
            </View>
          </LetterFrame>
        </DocumentPage>
        {view.annexes.map((annex, i) => (
          <DocumentPage key={i} footerNote={subjectLine}>
            <Para bold style={{ fontSize: 14, color: theme.accent, marginBottom: 8 }}>
              {annex.title}
            </Para>
            {annex.type === 'statement' ? (
              <StatementBody view={annex.view} creditor={creditor} debtor={debtor} showHeading={false} />
            ) : annex.type === 'text' ? (
              <DemandBlocks blocks={annex.blocks} />
            ) : (
              <View>
                <DemandBlocks blocks={annex.intro} />
                <FormAnnex sections={annex.sections} />
              </View>
            )}
          </DocumentPage>
        ))}
      </WithTranslator>
    </Document>
  );
}
