import { Document, Text } from '@react-pdf/renderer';
import type { Translator } from '../../i18n/translator.ts';
import { Clauses } from '../parts/Clauses.tsx';
import { DocumentPage } from '../parts/DocumentPage.tsx';
import { WithTranslator } from '../parts/direction.tsx';
import { Para } from '../parts/Para.tsx';
import { PartyBlock } from '../parts/PartyBlock.tsx';
import { Row } from '../parts/Row.tsx';
import { SignatureBlocks } from '../parts/SignatureBlocks.tsx';
import { Table } from '../parts/Table.tsx';
import { TableTotalRow } from '../parts/TableTotalRow.tsx';
import { textDir, theme } from '../parts/styles.ts';
import type { AgreementView } from './agreement-view.ts';
import type { DebtTableBlock } from './debt-table.ts';
import type { InstalmentTableBlock } from './plan-view.ts';

/**
 * The layout shared by the payment-plan and settlement agreements: title, place and date, the
 * two parties, the intro, the numbered clauses with the debt and instalment tables, both
 * signature blocks and the way to get in touch. Layout only: the view holds every string.
 *
 * @example <AgreementDocument view={planView(source, t)} author={source.creditor.legalName} t={t} />
 * @see shared/PITFALLS.md (React-PDF: right-to-left text and rows)
 */
export function AgreementDocument({ view, author, t }: { view: AgreementView; author: string; t: Translator }) {
  const { dir } = t;
  return (
    <Document title={view.title} author={author} subject={view.title} language={t.locale} creator="Overdue" producer="Overdue">
      <WithTranslator t={t}>
        <DocumentPage>
          <Text style={[textDir(dir, 'center'), { fontSize: 16, fontWeight: 700, color: theme.accent }]}>{view.heading}</Text>
          <Para align="end" style={{ marginTop: 10, color: theme.muted }}>
            {view.placeDate}
          </Para>
          <Row style={{ justifyContent: 'space-between', marginTop: 8, marginBottom: 10 }} wrap={false}>
            {view.parties.map((p) => (
              <PartyBlock key={p.role} heading={p.role} party={p.party} />
            ))}
          </Row>
          <Para style={{ marginBottom: 6 }}>{view.intro}</Para>
          <Clauses clauses={view.clauses} renderTable={(table: DebtTableBlock | InstalmentTableBlock) => <AgreementTable table={table} />} />
          <SignatureBlocks heading={view.signatures.heading} blocks={view.signatures.blocks} />
          <Para style={{ marginTop: 14, color: theme.muted }}>{view.contact}</Para>
        </DocumentPage>
      </WithTranslator>
    </Document>
  );
}

function AgreementTable({ table }: { table: DebtTableBlock | InstalmentTableBlock }) {
  const [a = '', b = '', c = '', d = '', e = '', f = ''] = table.columns;
  const columns =
    table.table === 'debt'
      ? [
          { label: a, flex: 2 },
          { label: b, flex: 1.8 },
          { label: c, flex: 1.8 },
          { label: d, flex: 2.2, align: 'end' as const },
          { label: e, flex: 2.2, align: 'end' as const },
          { label: f, flex: 2.2, align: 'end' as const },
        ]
      : [
          { label: a, flex: 1 },
          { label: b, flex: 4 },
          { label: c, flex: 3, align: 'end' as const },
        ];
  return <Table columns={columns} rows={table.rows} footer={<TableTotalRow label={table.total.label} value={table.total.value} />} />;
}
