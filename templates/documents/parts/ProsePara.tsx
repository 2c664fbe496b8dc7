import { Text } from '@react-pdf/renderer';
import type { Style } from '@react-pdf/types';
import type { ReactNode } from 'react';
import { useT } from './direction.tsx';
import { textDir } from './styles.ts';

/**
 * A paragraph of running text whose words are never split across lines. React-PDF's line
 * breaker treats a change of bidi run inside a word as a hyphenation point: in a Hebrew
 * sentence the amount "‏3,019.53 ‏£" (a left-to-right number, a no-break space and a
 * right-to-left currency sign) can end one line with "3,019.53-" and start the next with "£".
 * An infinite hyphenation penalty (10 000, Knuth–Plass "never") removes those break points;
 * lines still break at spaces. Same props as `Para`.
 *
 * @example <ProsePara>{t.t('legal.hatraa.demand', { total: t.money(total), … })}</ProsePara>
 */
export function ProsePara({ children, style, align = 'start', bold }: { children: ReactNode; style?: Style; align?: 'start' | 'end' | 'center'; bold?: boolean }) {
  const { dir } = useT();
  return (
    <Text hyphenationPenalty={10000} style={[textDir(dir, align), bold ? { fontWeight: 700 } : {}, style ?? {}]}>
      {children}
    </Text>
  );
}
