import { Document, Text, View } from '@react-pdf/renderer';
import type { Translator } from '../../i18n/translator.ts';
import { DocumentPage } from '../parts/DocumentPage.tsx';
import { WithTranslator } from '../parts/direction.tsx';
import { OwnerNotes } from '../parts/OwnerNotes.tsx';
import { Clauses } from '../parts/Clauses.tsx';
import { Para } from '../parts/Para.tsx';
import { PartyBlock } from '../parts/PartyBlock.tsx';
import { Row } from '../parts/Row.tsx';
import { SignatureBlocks } from '../parts/SignatureBlocks.tsx';
import { Table } from '../parts/Table.tsx';
import { TableTotalRow } from '../parts/TableTotalRow.tsx';
import { textDir, theme } from '../parts/styles.ts';
import { contractView, type ContractSource, type ScheduleTableBlock } from './contract-view.ts';

/**
 * The services contract as a PDF document: layout only; every clause, figure and label comes from
 * {@link contractView}. Owner notes (a rate below a legal floor …) print in a box above the
 * contract, marked as not part of it; `showNotes={false}` leaves them out of the signed copy.
 *
 * @example renderPdf(<ContractDocument source={{ creditor, debtor, contract }} t={translator('he')} />)
 * @see shared/DOMAIN.md "Before the job: the contract sets the terms"
 */
export function ContractDocument({ source, t, showNotes = true }: { source: ContractSource; t: Translator; showNotes?: boolean }) {
  const view = contractView(source, t);
  const { dir } = t;
  return (
    <Document title={`${view.heading}: ${view.subtitle}`} author={source.creditor.legalName} subject={view.title} language={t.locale} creator="Overdue" producer="Overdue">
      <WithTranslator t={t}>
        <DocumentPage>
          {showNotes ? <OwnerNotes heading={view.notes.heading} items={view.notes.items} /> : null}
          <Text style={[textDir(dir, 'center'), { fontSize: 16, fontWeight: 700, color: theme.accent }]}>{view.heading}</Text>
          <Text style={[textDir(dir, 'center'), { fontSize: 11.5, marginTop: 4 }]}>{view.subtitle}</Text>
          <Para align="end" style={{ marginTop: 10, color: theme.muted }}>
            {view.placeDate}
          </Para>
          <Row style={{ justifyContent: 'space-between', marginTop: 8, marginBottom: 10 }} wrap={false}>
            {view.parties.map((p) => (
              <PartyBlock key={p.role} heading={p.role} party={p.party} />
            ))}
          </Row>
          <Para style={{ marginBottom: 6 }}>{view.intro}</Para>
          <Clauses clauses={view.clauses} renderTable={(table) => <ScheduleTable table={table} />} />
          <SignatureBlocks heading={view.signatures.heading} blocks={view.signatures.blocks} />
        </DocumentPage>
      </WithTranslator>
    </Document>
  );
}

function ScheduleTable({ table }: { table: ScheduleTableBlock }) {
  const c = table.columns;
  return (
    <Table
      columns={[
        { label: c.number, flex: 0.6 },
        { label: c.part, flex: 4 },
        { label: c.trigger, flex: 3.2 },
        { label: c.share, flex: 1.2, align: 'end' },
        { label: c.amount, flex: 2.4, align: 'end' },
      ]}
      rows={table.rows}
      footer={<TableTotalRow label={table.total.label} value={table.total.value} />}
    />
  );
}
