import { View } from '@react-pdf/renderer';
import type { ReactNode } from 'react';
import { Para } from './Para.tsx';
import { Row } from './Row.tsx';
import { theme } from './styles.ts';

/** A paragraph of a clause, numbered ("4.2") when the clause has several. */
export interface ClauseParaBlock {
  kind: 'para';
  number?: string | undefined;
  text: string;
}

/** A lettered item under a paragraph: "(a) the whole balance falls due …". */
export interface ClauseItemBlock {
  kind: 'item';
  label: string;
  text: string;
}

/** A numbered clause as a view computes it; `T` is the document's own table block type. */
export interface ClauseData<T extends { kind: 'table' }> {
  number: string;
  /** the numbered heading as the language writes it ("4. Late payment", "Article 4 – …") */
  title: string;
  blocks: (ClauseParaBlock | ClauseItemBlock | T)[];
}

/**
 * Numbered clauses of an agreement: the heading kept with the clause's first block, paragraph
 * numbers in a hanging column, lettered items indented, tables drawn by `renderTable`. Mirrors in
 * right-to-left documents (the number column sits on the right). Used by the contract and the
 * payment-plan and settlement agreements.
 *
 * @example <Clauses clauses={view.clauses} renderTable={(table) => <Table … />} />
 * @see shared/PITFALLS.md (React-PDF: flex rows are not mirrored by `direction`)
 */
export function Clauses<T extends { kind: 'table' }>({ clauses, renderTable }: { clauses: ClauseData<T>[]; renderTable: (block: T) => ReactNode }) {
  const block = (b: ClauseParaBlock | ClauseItemBlock | T, key: number) => {
    if (b.kind === 'table') return <View key={key}>{renderTable(b as T)}</View>;
    if (b.kind === 'item') {
      return (
        <Row key={key} style={{ marginBottom: 2 }}>
          <Para style={{ width: 26 }}> </Para>
          <Para style={{ width: 20 }}>{b.label}</Para>
          <View style={{ flexGrow: 1, flexBasis: 0 }}>
            <Para>{b.text}</Para>
          </View>
        </Row>
      );
    }
    const para = b as ClauseParaBlock;
    if (!para.number) return <Para key={key} style={{ marginBottom: 3 }}>{para.text}</Para>;
    return (
      <Row key={key} style={{ marginBottom: 3 }}>
        <Para style={{ width: 26 }}>{para.number}</Para>
        <View style={{ flexGrow: 1, flexBasis: 0 }}>
          <Para>{para.text}</Para>
        </View>
      </Row>
    );
  };
  return (
    <View>
      {clauses.map((clause) => {
        const [first, ...rest] = clause.blocks;
        return (
          <View key={clause.number} style={{ marginTop: 8 }}>
            <View wrap={false}>
              <Para bold style={{ fontSize: 10.5, marginBottom: 3, color: theme.accent }}>
                {clause.title}
              </Para>
              {first && first.kind !== 'table' ? block(first, 0) : null}
            </View>
            {first && first.kind === 'table' ? block(first, 0) : null}
            {rest.map((b, i) => block(b, i + 1))}
          </View>
        );
      })}
    </View>
  );
}
