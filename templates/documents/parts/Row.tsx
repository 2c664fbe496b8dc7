import { View } from '@react-pdf/renderer';
import type { Style } from '@react-pdf/types';
import type { ReactNode } from 'react';
import { rowDir } from './styles.ts';
import { useT } from './direction.tsx';

/** Children side by side, first child at the start (left in LTR, right in RTL). */
export function Row({ children, style, wrap }: { children: ReactNode; style?: Style; wrap?: boolean }) {
  const { dir } = useT();
  return (
    <View style={[rowDir(dir), style ?? {}]} wrap={wrap}>
      {children}
    </View>
  );
}
