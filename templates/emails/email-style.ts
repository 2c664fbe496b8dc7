import type { CSSProperties } from 'react';
import type { Direction } from '../i18n/translator.ts';

/**
 * Inline styles of the stage e-mails (mail clients ignore style sheets and remote resources):
 * the documents' colours, a system font stack, explicit left/right alignment from the
 * direction (older clients do not know `start`/`end`).
 *
 * @example emailStyle('rtl').cell('end') // { …, textAlign: 'left' }
 * @see templates/documents/parts/styles.ts (the same palette in the PDFs)
 */
export function emailStyle(dir: Direction) {
  const start = dir === 'rtl' ? 'right' : 'left';
  const end = dir === 'rtl' ? 'left' : 'right';
  const ink = '#1a1a1a';
  const muted = '#5f6368';
  const rule = '#d0d4d9';
  const fill = '#f3f5f8';
  const text: CSSProperties = { fontFamily: 'Arial, Helvetica, sans-serif', fontSize: '15px', lineHeight: '1.5', color: ink, textAlign: start };
  return {
    start,
    end,
    body: { margin: 0, padding: 0, backgroundColor: fill } satisfies CSSProperties,
    outer: { width: '100%', backgroundColor: fill, borderCollapse: 'collapse' } satisfies CSSProperties,
    card: { width: '100%', maxWidth: '640px', backgroundColor: '#ffffff', border: `1px solid ${rule}`, borderCollapse: 'collapse' } satisfies CSSProperties,
    content: { ...text, padding: '24px 28px' } satisfies CSSProperties,
    subject: { ...text, margin: '0 0 4px', fontSize: '18px', fontWeight: 'bold', color: '#1f4e79' } satisfies CSSProperties,
    references: { ...text, margin: '0 0 18px', fontSize: '13px', color: muted } satisfies CSSProperties,
    para: { ...text, margin: '0 0 12px' } satisfies CSSProperties,
    quote: { ...text, margin: '0 0 12px', padding: dir === 'rtl' ? '0 10px 0 0' : '0 0 0 10px', [dir === 'rtl' ? 'borderRight' : 'borderLeft']: `3px solid ${rule}`, color: muted } satisfies CSSProperties,
    table: { width: '100%', borderCollapse: 'collapse', margin: '4px 0 14px' } satisfies CSSProperties,
    th: (align: 'start' | 'end'): CSSProperties => ({ ...text, fontSize: '12px', fontWeight: 'bold', color: muted, padding: '4px 6px', borderBottom: `1px solid ${ink}`, textAlign: align === 'start' ? start : end }),
    td: (align: 'start' | 'end'): CSSProperties => ({ ...text, fontSize: '13px', padding: '4px 6px', borderBottom: `1px solid ${rule}`, textAlign: align === 'start' ? start : end, whiteSpace: align === 'end' ? 'nowrap' : 'normal' }),
    sum: (strong: boolean, align: 'start' | 'end'): CSSProperties => ({ ...text, fontSize: '14px', padding: '3px 6px', fontWeight: strong ? 'bold' : 'normal', borderTop: strong ? `1px solid ${ink}` : 'none', textAlign: align === 'start' ? start : end }),
    box: { ...text, backgroundColor: fill, padding: '12px 14px', margin: '6px 0 16px' } satisfies CSSProperties,
    boxHeading: { ...text, margin: '0 0 4px', fontWeight: 'bold' } satisfies CSSProperties,
    boxLine: { ...text, margin: 0, fontSize: '14px' } satisfies CSSProperties,
    muted: { ...text, margin: '0 0 8px', fontSize: '13px', color: muted } satisfies CSSProperties,
    rule: { border: 0, borderTop: `1px solid ${rule}`, margin: '18px 0 12px' } satisfies CSSProperties,
  };
}
