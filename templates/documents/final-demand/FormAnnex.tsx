import { Text, View } from '@react-pdf/renderer';
import { Para } from '../parts/Para.tsx';
import { Row } from '../parts/Row.tsx';
import { useT } from '../parts/direction.tsx';
import { rowDir, textDir, theme } from '../parts/styles.ts';
import type { FormItem, FormSection } from './demand-block.ts';

const line = { borderBottomWidth: 0.6, borderBottomColor: theme.muted, height: 17 } as const;

function Item({ item }: { item: FormItem }) {
  const { dir } = useT();
  switch (item.type) {
    case 'check':
      return (
        <Row style={{ marginVertical: 3, alignItems: 'center' }}>
          <View style={{ width: 9, height: 9, borderWidth: 0.8, borderColor: theme.ink, marginHorizontal: 5 }} />
          <View style={{ flexGrow: 1, flexBasis: 0 }}>
            <Para>{item.label}</Para>
          </View>
        </Row>
      );
    case 'field':
      return (
        <View style={{ marginVertical: 3 }} wrap={false}>
          <Para style={{ fontSize: 8.5, color: theme.muted }}>{item.label}</Para>
          {Array.from({ length: item.lines ?? 1 }, (_, i) => (
            <View key={i} style={line} />
          ))}
        </View>
      );
    case 'amount':
      return (
        <Row style={{ marginVertical: 2, alignItems: 'flex-end' }} wrap={false}>
          <View style={{ flexGrow: 1, flexBasis: 0 }}>
            <Para bold={item.strong ?? false}>{item.label}</Para>
          </View>
          <View style={{ width: 110, height: 15, borderWidth: item.strong ? 1 : 0.6, borderColor: theme.ink }} />
        </Row>
      );
    case 'grid':
      return (
        <View style={{ marginVertical: 4 }} wrap={false}>
          <View style={[rowDir(dir), { borderBottomWidth: 1, borderBottomColor: theme.ink }]}>
            {item.columns.map((c, i) => (
              <View key={i} style={{ flexGrow: i === 0 ? 2 : 1, flexBasis: 0, paddingHorizontal: 3 }}>
                <Text style={[textDir(dir), { fontWeight: 700, fontSize: 8.5, color: theme.muted }]}>{c}</Text>
              </View>
            ))}
          </View>
          {Array.from({ length: item.rows }, (_, r) => (
            <View key={r} style={[rowDir(dir), { height: 18, borderBottomWidth: 0.5, borderBottomColor: theme.rule }]}>
              {item.columns.map((_, i) => (
                <View key={i} style={{ flexGrow: i === 0 ? 2 : 1, flexBasis: 0, borderLeftWidth: i === 0 ? 0 : 0.5, borderLeftColor: theme.rule }} />
              ))}
            </View>
          ))}
        </View>
      );
    case 'note':
      return <Para style={{ marginVertical: 3, fontSize: 8.5 }}>{item.text}</Para>;
  }
}

/**
 * A form to fill in by hand (the Pre-Action Protocol's Reply Form and Financial Statement):
 * sections with headings, boxes A–D framed with their letter, tick boxes, ruled lines, amount
 * boxes and empty grids. Mirrors in right-to-left documents.
 *
 * @example <FormAnnex sections={replyForm(facts).sections} />
 * @see Pre-Action Protocol for Debt Claims, Annex 1; shared/LEGAL.md §1.4
 */
export function FormAnnex({ sections }: { sections: FormSection[] }) {
  const { dir } = useT();
  return (
    <View>
      {sections.map((section, i) => (
        <View
          key={i}
          style={[{ marginTop: 8, padding: section.box ? 6 : 0 }, section.box ? { borderWidth: 0.8, borderColor: theme.accent } : {}]}
          wrap={false}
        >
          <Row style={{ alignItems: 'center', marginBottom: 3 }}>
            {section.box ? (
              <View style={{ width: 18, height: 18, backgroundColor: theme.accent, justifyContent: 'center', marginHorizontal: 4 }}>
                <Text style={[textDir(dir, 'center'), { color: '#ffffff', fontWeight: 700, fontSize: 11 }]}>{section.box}</Text>
              </View>
            ) : null}
            <View style={{ flexGrow: 1, flexBasis: 0 }}>
              <Para bold style={{ color: theme.accent, fontSize: 10 }}>
                {section.heading}
              </Para>
            </View>
          </Row>
          {section.intro ? <Para style={{ fontSize: 8.5, color: theme.muted, marginBottom: 2 }}>{section.intro}</Para> : null}
          {section.items.map((item, j) => (
            <Item key={j} item={item} />
          ))}
        </View>
      ))}
    </View>
  );
}
