import { Document, Text, View } from '@react-pdf/renderer';
import type { Translator } from '../../i18n/translator.ts';
import { DocumentPage } from '../parts/DocumentPage.tsx';
import { WithTranslator } from '../parts/direction.tsx';
import { Para } from '../parts/Para.tsx';
import { PartyBlock } from '../parts/PartyBlock.tsx';
import { Row } from '../parts/Row.tsx';
import { SumRows } from '../parts/SumRows.tsx';
import { Table } from '../parts/Table.tsx';
import { rowDir, textDir, theme } from '../parts/styles.ts';
import { bundleIndexView, type BundleIndexData } from './bundle-index-view.ts';

const headerCell = { fontWeight: 700, color: theme.muted, fontSize: 8.5 } as const;
/** no hyphenation: a path or a SHA-256 must read exactly as it is */
const whole = (word: string) => [word];

function Heading({ children, dir }: { children: string; dir: 'ltr' | 'rtl' }) {
  return <Text style={[textDir(dir), { fontSize: 12, fontWeight: 700, color: theme.accent, marginTop: 14, marginBottom: 4 }]}>{children}</Text>;
}

/**
 * The index PDF of the lawyer bundle: layout only, every string from {@link bundleIndexView}.
 *
 * @example renderPdf(<BundleIndexDocument data={data} t={translator('fr')} />)
 */
export function BundleIndexDocument({ data, t }: { data: BundleIndexData; t: Translator }) {
  const v = bundleIndexView(data, t);
  const { dir } = t;
  return (
    <Document title={`${v.title}: ${data.reference}`} author={data.creditor.legalName} subject={v.subtitle} language={t.locale} creator="Overdue" producer="Overdue">
      <WithTranslator t={t}>
        <DocumentPage>
          <Text style={[textDir(dir), { fontSize: 18, fontWeight: 700, color: theme.accent }]}>{v.title}</Text>
          <Para style={{ marginTop: 2 }}>{v.subtitle}</Para>
          <Para style={{ color: theme.muted, marginTop: 2 }}>{v.preparedFor}</Para>
          <Heading dir={dir}>{v.partiesHeading}</Heading>
          <Row style={{ justifyContent: 'space-between' }}>
            <PartyBlock heading={t.t('bundle.creditor')} party={data.creditor} />
            <PartyBlock heading={t.t('bundle.debtor')} party={data.debtor} />
          </Row>
          <Heading dir={dir}>{v.amountsHeading}</Heading>
          <SumRows rows={v.amounts} />
          {v.interestNote ? <Para style={{ color: theme.muted }}>{v.interestNote}</Para> : null}
          <Heading dir={dir}>{v.segmentsHeading}</Heading>
          {v.segments.length > 0 ? (
            <Table
              columns={v.segmentColumns.map((label, i) => ({ label, flex: i === 0 ? 1.6 : i === 3 ? 0.8 : 1.4, align: i >= 3 ? ('end' as const) : ('start' as const) }))}
              rows={v.segments}
            />
          ) : (
            <Para>{v.noSegments}</Para>
          )}
          <Heading dir={dir}>{v.warningsHeading}</Heading>
          {v.warnings.map((w, i) => (
            <Para key={i} style={{ marginBottom: 2 }}>
              {`• ${w}`}
            </Para>
          ))}
          <Heading dir={dir}>{v.chronologyHeading}</Heading>
          <Table
            columns={[
              { label: v.chronologyColumns[0]!, flex: 2 },
              { label: v.chronologyColumns[1]!, flex: 2.2 },
              { label: v.chronologyColumns[2]!, flex: 6 },
            ]}
            rows={v.chronology}
          />
          <View break>
            <Heading dir={dir}>{v.filesHeading}</Heading>
            <Para style={{ color: theme.muted, marginBottom: 4 }}>{v.verify}</Para>
            <View style={[rowDir(dir), { borderBottomWidth: 1, borderBottomColor: theme.ink, paddingBottom: 3, marginTop: 4 }]} fixed>
              <Text style={[textDir(dir), headerCell, { flexGrow: 1, flexBasis: 0 }]}>{v.fileColumns[0]!}</Text>
              <Text style={[textDir(dir, 'end'), headerCell, { width: 96 }]}>{v.fileColumns[1]!}</Text>
            </View>
            {v.files.map((f, i) => (
              <View key={i} wrap={false} style={{ borderBottomWidth: 0.5, borderBottomColor: theme.rule, paddingVertical: 3 }}>
                <View style={rowDir(dir)}>
                  <Text style={[textDir(dir), { flexGrow: 1, flexBasis: 0 }]} hyphenationCallback={whole}>
                    {f.path}
                  </Text>
                  <Text style={[textDir(dir, 'end'), { width: 96 }]}>{f.size}</Text>
                </View>
                {/* the full digest on its own line, never hyphenated or cut: a reader copies it to compare */}
                <Text style={[textDir(dir), { fontSize: 7.5, color: theme.muted, marginTop: 1 }]} hyphenationCallback={whole}>
                  {`${v.fileColumns[2]!} ${f.sha256}`}
                </Text>
              </View>
            ))}
          </View>
        </DocumentPage>
      </WithTranslator>
    </Document>
  );
}
