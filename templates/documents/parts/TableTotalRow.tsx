import { Text, View } from '@react-pdf/renderer';
import { useT } from './direction.tsx';
import { rowDir, textDir, theme } from './styles.ts';

/**
 * A bold, ruled total line under a {@link Table} (pass it as the table's `footer`): the label at
 * the start, the amount at the end, mirrored in right-to-left documents.
 *
 * @example <Table columns={…} rows={…} footer={<TableTotalRow label="Total" value="£6,000.00" />} />
 * @see shared/PITFALLS.md (React-PDF: mirrored rows in right-to-left documents)
 */
export function TableTotalRow({ label, value }: { label: string; value: string }) {
  const { dir } = useT();
  return (
    <View style={[rowDir(dir), { paddingVertical: 3, borderTopWidth: 1, borderTopColor: theme.ink }]} wrap={false}>
      <Text style={[textDir(dir), { flexGrow: 1, flexBasis: 0, fontWeight: 700, paddingHorizontal: 3 }]}>{label}</Text>
      <Text style={[textDir(dir, 'end'), { width: '40%', fontWeight: 700, paddingHorizontal: 3 }]}>{value}</Text>
    </View>
  );
}
