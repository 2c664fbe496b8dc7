import type { ReactElement } from 'react';
import { ContractDocument } from '../../../templates/documents/contract/ContractDocument.tsx';
import { InvoiceDocument } from '../../../templates/documents/invoice/InvoiceDocument.tsx';
import { LetterDocument } from '../../../templates/documents/letter/LetterDocument.tsx';
import { StatementDocument } from '../../../templates/documents/statement/StatementDocument.tsx';
import { translator } from '../../../templates/i18n/translator.ts';
import type { PdfJob } from './pdf-job.ts';

/**
 * The React-PDF element of a job: the same document components the server renders for e-mail
 * attachments and the lawyer's bundle, in the job's language. Loaded in the PDF worker only.
 *
 * @example pdf(pdfElement({ kind: 'invoice', lang: 'he', source })).toBlob()
 */
export function pdfElement(job: PdfJob): ReactElement {
  const t = translator(job.lang);
  switch (job.kind) {
    case 'contract':
      return <ContractDocument source={job.source} t={t} />;
    case 'invoice':
      return <InvoiceDocument source={job.source} t={t} />;
    case 'letter':
      return <LetterDocument source={job.source} t={t} />;
    case 'statement':
      return <StatementDocument source={job.source} t={t} />;
  }
}
