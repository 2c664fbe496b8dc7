import { View } from '@react-pdf/renderer';
import type { Party } from '../../domain/schemas/party.ts';
import { ProsePara as Para } from '../parts/ProsePara.tsx';
import { PartyBlock } from '../parts/PartyBlock.tsx';
import { Row } from '../parts/Row.tsx';
import { SumRows } from '../parts/SumRows.tsx';
import { Table } from '../parts/Table.tsx';
import { theme } from '../parts/styles.ts';
import type { StatementView } from './statement-view.ts';

function Heading({ children }: { children: string }) {
  return (
    <Para bold style={{ fontSize: 10.5, color: theme.accent, marginTop: 12, marginBottom: 2 }}>
      {children}
    </Para>
  );
}

/**
 * The statement of account without <Document> or <Page>: the standalone statement and the formal
 * letters that enclose one (a letter of claim's annex, the Russian claim's interest calculation)
 * place it on their own pages. Layout only; every string comes from {@link statementView}.
 * Must be rendered inside <WithTranslator>.
 *
 * @example <DocumentPage><StatementBody view={statementView(figures, t)} creditor={c} debtor={d} /></DocumentPage>
 */
export function StatementBody({ view, creditor, debtor, showHeading = true }: { view: StatementView; creditor: Party; debtor: Party; showHeading?: boolean }) {
  return (
    <View>
      {showHeading ? (
        <Para bold style={{ fontSize: 16, color: theme.accent, marginBottom: 4 }}>
          {view.heading}
        </Para>
      ) : null}
      {view.meta.map((line, i) => (
        <Para key={i} style={{ color: theme.muted }}>
          {line}
        </Para>
      ))}
      <Row style={{ justifyContent: 'space-between', marginTop: 10 }}>
        <PartyBlock heading={view.creditorHeading} party={creditor} />
        <PartyBlock heading={view.debtorHeading} party={debtor} />
      </Row>

      <Heading>{view.invoices.heading}</Heading>
      <Table columns={view.invoices.columns} rows={view.invoices.rows} />

      <Heading>{view.payments.heading}</Heading>
      {view.payments.empty ? <Para>{view.payments.empty}</Para> : <Table columns={view.payments.columns} rows={view.payments.rows} />}

      <Heading>{view.interest.heading}</Heading>
      {view.interest.rule ? (
        <View>
          <Para>{view.interest.rule.line}</Para>
          <Para style={{ color: theme.muted, marginTop: 2 }}>{view.interest.rule.basis}</Para>
        </View>
      ) : null}
      {view.interest.refused ? (
        <View style={{ marginTop: 4, padding: 6, backgroundColor: theme.fill }} wrap={false}>
          <Para bold>{view.interest.refused.lead}</Para>
          <Para style={{ marginTop: 3, fontSize: 8, color: theme.muted }}>{view.interest.refused.message}</Para>
        </View>
      ) : null}
      {view.interest.blocks.map((block, i) =>
        block.note ? (
          <Para key={i} style={{ marginTop: 4 }}>
            {block.note}
          </Para>
        ) : (
          <View key={i} style={{ marginTop: 6 }}>
            <Para bold>{block.heading}</Para>
            {block.rateNotes.map((note, j) => (
              <Para key={j} style={{ color: theme.muted, fontSize: 8.5 }}>
                {note}
              </Para>
            ))}
            <Table columns={block.columns} rows={block.rows} />
            {block.total ? <SumRows rows={[block.total]} /> : null}
          </View>
        ),
      )}
      {view.interest.footnotes.map((note, i) => (
        <Para key={i} style={{ color: theme.muted, fontSize: 8, marginTop: 3 }}>
          {note}
        </Para>
      ))}

      {view.charges ? (
        <View wrap={false}>
          <Heading>{view.charges.heading}</Heading>
          {view.charges.rows.map((row, i) => (
            <Row key={i} style={{ paddingVertical: 2, borderBottomWidth: 0.5, borderBottomColor: theme.rule }}>
              <View style={{ flexGrow: 5, flexBasis: 0 }}>
                <Para>{row.label}</Para>
              </View>
              <View style={{ flexGrow: 1.4, flexBasis: 0 }}>
                <Para align="end">{row.value}</Para>
              </View>
            </Row>
          ))}
        </View>
      ) : null}

      <View wrap={false}>
        <Heading>{view.summary.heading}</Heading>
        <SumRows rows={view.summary.rows} />
        {view.continuing ? <Para style={{ marginTop: 4 }}>{view.continuing}</Para> : null}
      </View>

      {view.warnings ? (
        <View wrap={false}>
          <Heading>{view.warnings.heading}</Heading>
          {view.warnings.items.map((item, i) => (
            <Para key={i} style={{ fontSize: 8.5, marginBottom: 2 }}>
              {item}
            </Para>
          ))}
        </View>
      ) : null}
    </View>
  );
}
