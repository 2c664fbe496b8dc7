import { Text } from '@react-pdf/renderer';
import type { Style } from '@react-pdf/types';
import type { ReactNode } from 'react';
import { textDir } from './styles.ts';
import { useT } from './direction.tsx';

/** A paragraph in the document's direction. */
export function Para({ children, style, align = 'start', bold }: { children: ReactNode; style?: Style; align?: 'start' | 'end' | 'center'; bold?: boolean }) {
  const { dir } = useT();
  return <Text style={[textDir(dir, align), bold ? { fontWeight: 700 } : {}, style ?? {}]}>{children}</Text>;
}
