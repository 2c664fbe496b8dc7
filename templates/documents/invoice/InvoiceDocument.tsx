import { Document, Text, View } from '@react-pdf/renderer';
import type { Translator } from '../../i18n/translator.ts';
import { DocumentPage } from '../parts/DocumentPage.tsx';
import { WithTranslator } from '../parts/direction.tsx';
import { Para } from '../parts/Para.tsx';
import { PartyBlock } from '../parts/PartyBlock.tsx';
import { QrCode } from '../parts/QrCode.tsx';
import { Row } from '../parts/Row.tsx';
import { SumRows } from '../parts/SumRows.tsx';
import { Table } from '../parts/Table.tsx';
import { textDir, theme } from '../parts/styles.ts';
import { invoiceView, type InvoiceSource } from './invoice-view.ts';

/**
 * The invoice as a PDF document: layout only; every figure and sentence comes from
 * {@link invoiceView}.
 *
 * @example renderPdf(<InvoiceDocument source={{ creditor, debtor, jurisdiction: 'FR', contract, invoice }} t={translator('fr')} />)
 */
export function InvoiceDocument({ source, t }: { source: InvoiceSource; t: Translator }) {
  const view = invoiceView(source, t);
  const { dir } = t;
  return (
    <Document title={view.heading} author={source.creditor.legalName} subject={view.title} language={t.locale} creator="Overdue" producer="Overdue">
      <WithTranslator t={t}>
        <DocumentPage>
          <Row style={{ justifyContent: 'space-between', marginBottom: 18 }}>
            <PartyBlock heading={t.t('common.from')} party={source.creditor} />
            <View style={{ width: '40%' }}>
              <Text style={[textDir(dir, 'end'), { fontSize: 18, fontWeight: 700, color: theme.accent }]}>{view.heading}</Text>
              {view.meta.map((m) => (
                <Text key={m.label} style={[textDir(dir, 'end'), { marginTop: 3 }]}>
                  {m.label}: {m.value}
                </Text>
              ))}
            </View>
          </Row>
          <PartyBlock heading={t.t('invoice.billTo')} party={source.debtor} width="60%" />
          {view.contractLine ? <Para style={{ marginTop: 10, color: theme.muted }}>{view.contractLine}</Para> : null}
          <Table
            columns={[
              { label: view.columns.description, flex: 6 },
              { label: view.columns.quantity, flex: 1.2, align: 'end' },
              { label: view.columns.unitPrice, flex: 2.2, align: 'end' },
              { label: view.columns.taxRate, flex: 1.2, align: 'end' },
              { label: view.columns.amount, flex: 2.4, align: 'end' },
            ]}
            rows={view.lines}
          />
          <SumRows rows={view.totals} />
          {view.payments.length > 0 ? (
            <View style={{ marginTop: 8 }} wrap={false}>
              <Para bold>{t.t('invoice.payments.heading')}</Para>
              {view.payments.map((p, i) => (
                <Para key={i}>{p}</Para>
              ))}
            </View>
          ) : null}
          <View style={{ marginTop: 14 }} wrap={false}>
            <Para bold style={{ marginBottom: 3 }}>
              {view.termsHeading}
            </Para>
            {view.terms.map((line, i) => (
              <Para key={i} style={{ marginBottom: 2 }}>
                {line}
              </Para>
            ))}
          </View>
          {view.bank ? (
            <Row style={{ marginTop: 14, backgroundColor: theme.fill, padding: 8 }} wrap={false}>
              <View style={{ flexGrow: 1, flexBasis: 0 }}>
                <Para bold style={{ marginBottom: 3 }}>
                  {view.bank.heading}
                </Para>
                {view.bank.lines.map((line, i) => (
                  <Para key={i}>{line}</Para>
                ))}
              </View>
              {view.bank.qr ? (
                <View style={{ width: 100, alignItems: 'center' }}>
                  <QrCode payload={view.bank.qr} />
                  <Text style={[textDir(dir, 'center'), { fontSize: 6.5, color: theme.muted }]}>{view.bank.qrCaption}</Text>
                </View>
              ) : null}
            </Row>
          ) : null}
          <Para style={{ marginTop: 12, color: theme.muted }}>{view.contact}</Para>
        </DocumentPage>
      </WithTranslator>
    </Document>
  );
}
