import { View } from '@react-pdf/renderer';
import { ProsePara as Para } from '../parts/ProsePara.tsx';
import { Row } from '../parts/Row.tsx';
import { SumRows } from '../parts/SumRows.tsx';
import { Table } from '../parts/Table.tsx';
import { theme } from '../parts/styles.ts';
import type { DemandBlock } from './demand-block.ts';

/**
 * Lays out worded blocks (headings, paragraphs, lists, tables, sums) in the document's direction;
 * a heading is kept with what follows it. Must be rendered inside <WithTranslator>.
 *
 * @example <DemandBlocks blocks={finalDemandView(source, t).blocks} />
 */
export function DemandBlocks({ blocks }: { blocks: DemandBlock[] }) {
  return (
    <View>
      {blocks.map((b, i) => {
        switch (b.type) {
          case 'heading':
            return (
              <View key={i} minPresenceAhead={48}>
                <Para bold style={{ color: theme.accent, marginTop: 8, marginBottom: 3 }}>
                  {b.text}
                </Para>
              </View>
            );
          case 'para':
            return (
              <Para key={i} bold={b.bold ?? false} style={{ marginBottom: 5, lineHeight: 1.35, fontSize: theme.fontSize }}>
                {b.text}
              </Para>
            );
          case 'list':
            return (
              <View key={i} style={{ marginBottom: 5 }}>
                {b.items.map((item, j) => (
                  <Row key={j} style={{ marginBottom: 2 }} wrap={false}>
                    <View style={{ width: 16 }}>
                      <Para align="center">{b.ordered ? `${j + 1}.` : '•'}</Para>
                    </View>
                    <View style={{ flexGrow: 1, flexBasis: 0 }}>
                      <Para>{item}</Para>
                    </View>
                  </Row>
                ))}
              </View>
            );
          case 'table':
            return <Table key={i} columns={b.columns} rows={b.rows} />;
          case 'sums':
            return (
              <View key={i} style={{ marginBottom: 6 }}>
                <SumRows rows={b.rows} />
              </View>
            );
        }
      })}
    </View>
  );
}
