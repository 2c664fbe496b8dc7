import type { Style } from '@react-pdf/types';
import type { Direction } from '../../i18n/translator.ts';
import { fontFamily } from '../../fonts/register-fonts.ts';

/** Colours and sizes shared by every document. */
export const theme = {
  ink: '#1a1a1a',
  muted: '#5f6368',
  rule: '#d0d4d9',
  accent: '#1f4e79',
  fill: '#f3f5f8',
  fontSize: 9.5,
} as const;

/**
 * Text direction as React-PDF needs it: `direction` is not inherited and a right-to-left text
 * without `textAlign: 'right'` can disappear (shared/PITFALLS.md), so every text gets both.
 */
export function textDir(dir: Direction, align: 'start' | 'end' | 'center' = 'start'): Style {
  if (align === 'center') return { direction: dir, textAlign: 'center' };
  const right = (dir === 'rtl') === (align === 'start');
  return { direction: dir, textAlign: right ? 'right' : 'left' };
}

/** A row that mirrors in right-to-left documents (flex rows are not mirrored by `direction`). */
export function rowDir(dir: Direction): Style {
  return { flexDirection: dir === 'rtl' ? 'row-reverse' : 'row' };
}

export const pageStyle: Style = {
  fontFamily,
  fontSize: theme.fontSize,
  color: theme.ink,
  paddingTop: 42,
  paddingBottom: 56,
  paddingHorizontal: 48,
};
