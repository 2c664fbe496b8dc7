import { Text, View } from '@react-pdf/renderer';
import { rowDir, textDir, theme } from './styles.ts';
import { useT } from './direction.tsx';

/** Label/amount pairs aligned to the end of the page (totals, balances); `strong` rows are bold and ruled. */
export function SumRows({ rows }: { rows: { label: string; value: string; strong?: boolean }[] }) {
  const { dir } = useT();
  return (
    <View style={{ alignSelf: dir === 'rtl' ? 'flex-start' : 'flex-end', width: '55%', marginTop: 4 }} wrap={false}>
      {rows.map((r, i) => (
        <View key={i} style={[rowDir(dir), { paddingVertical: 2 }, r.strong ? { borderTopWidth: 1, borderTopColor: theme.ink, marginTop: 2 } : {}]}>
          <Text style={[textDir(dir), { flexGrow: 3, flexBasis: 0 }, r.strong ? { fontWeight: 700 } : {}]}>{r.label}</Text>
          <Text style={[textDir(dir, 'end'), { flexGrow: 2, flexBasis: 0 }, r.strong ? { fontWeight: 700 } : {}]}>{r.value}</Text>
        </View>
      ))}
    </View>
  );
}
