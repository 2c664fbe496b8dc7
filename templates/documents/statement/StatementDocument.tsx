import { Document } from '@react-pdf/renderer';
import type { Translator } from '../../i18n/translator.ts';
import { DocumentPage } from '../parts/DocumentPage.tsx';
import { WithTranslator } from '../parts/direction.tsx';
import { Para } from '../parts/Para.tsx';
import { theme } from '../parts/styles.ts';
import { StatementBody } from './StatementBody.tsx';
import { statementView, type StatementSource } from './statement-view.ts';

/**
 * The statement of account as a PDF: the case's invoices, payments, balances and late-payment
 * interest as of `source.date`, in the language of `t`. Layout only (see {@link statementView}).
 *
 * @example renderPdf(<StatementDocument source={{ caseFile, date: '2026-06-15' }} t={translator('he')} />)
 * @see shared/LEGAL.md §0, §10
 */
export function StatementDocument({ source, t }: { source: StatementSource; t: Translator }) {
  const view = statementView(source, t);
  const { creditor, debtor } = source.caseFile;
  return (
    <Document title={view.heading} author={creditor.legalName} subject={view.title} language={t.locale} creator="Overdue" producer="Overdue">
      <WithTranslator t={t}>
        <DocumentPage>
          <StatementBody view={view} creditor={creditor} debtor={debtor} />
          <Para style={{ marginTop: 14, color: theme.muted }}>{view.contact}</Para>
        </DocumentPage>
      </WithTranslator>
    </Document>
  );
}
