import { View } from '@react-pdf/renderer';
import { Para } from './Para.tsx';

/**
 * A highlighted box for the owner above a document (a rate below a legal floor, terms longer than
 * the law allows …), headed so that nobody mistakes it for part of the document. Renders nothing
 * when there are no notes.
 *
 * @example <OwnerNotes heading="Before you send this contract (not part of it)" items={view.notes.items} />
 * @see shared/LEGAL.md §3.1 (a contractual rate below the French floor is one such note)
 */
export function OwnerNotes({ heading, items }: { heading: string; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <View style={{ borderWidth: 1, borderColor: '#b45309', backgroundColor: '#fff7ed', padding: 6, marginBottom: 12 }} wrap={false}>
      <Para bold style={{ color: '#b45309', marginBottom: 2 }}>
        {heading}
      </Para>
      {items.map((note, i) => (
        <Para key={i} style={{ marginTop: 2 }}>
          {`• ${note}`}
        </Para>
      ))}
    </View>
  );
}
