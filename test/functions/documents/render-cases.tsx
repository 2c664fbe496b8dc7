/**
 * Documents that renderPdf must render exactly as React-PDF's own pipeline does
 * (render-pdf.test.ts): every kind of page it treats differently. The two-page invoice (the
 * page-number footer handled outside the flow, a table header repeated on the second page), a
 * one-page letter per language (right-to-left in Hebrew), the letter of claim with its Pre-Action
 * Protocol annexes (many pages), a statement and a contract.
 */
import type { ReactElement } from 'react';
import { ContractDocument } from '../../../templates/documents/contract/ContractDocument.tsx';
import { FinalDemandDocument } from '../../../templates/documents/final-demand/FinalDemandDocument.tsx';
import { LetterDocument } from '../../../templates/documents/letter/LetterDocument.tsx';
import { StatementDocument } from '../../../templates/documents/statement/StatementDocument.tsx';
import { translator } from '../../../templates/i18n/translator.ts';
import { benchLanguages, invoiceElement } from '../../bench/pdf-fixtures.tsx';
import { gbIndividual } from '../../templates/documents/final-demand/demand-cases.ts';
import { exampleCase, exampleSource, languages } from '../../templates/documents/letter/letter-fixtures.ts';

export interface RenderCase {
  name: string;
  element: () => ReactElement;
}

export function renderCases(): RenderCase[] {
  const fr = exampleCase('fr');
  return [
    ...benchLanguages.map((lang) => ({ name: `invoice-40-lines-${lang}`, element: () => invoiceElement(lang, 3) })),
    ...languages.map((lang) => ({
      name: `letter-overdue-firm-${lang}`,
      element: () => {
        const source = exampleSource(lang, 'overdue-firm');
        return <LetterDocument source={source} t={translator(source.caseFile.debtor.language)} />;
      },
    })),
    { name: 'letter-of-claim-with-annexes', element: () => <FinalDemandDocument source={{ caseFile: gbIndividual(), date: '2026-06-15' }} t={translator('en-GB')} /> },
    { name: 'statement-he', element: () => <StatementDocument source={{ caseFile: exampleCase('he'), date: '2026-06-15' }} t={translator('he')} /> },
    { name: 'contract-fr', element: () => <ContractDocument source={{ creditor: fr.creditor, debtor: fr.debtor, contract: fr.contract! }} t={translator('fr')} /> },
  ];
}
