import { Page, Text, View } from '@react-pdf/renderer';
import type { ReactNode } from 'react';
import { pageStyle, textDir, theme } from './styles.ts';
import { useT } from './direction.tsx';

/**
 * An A4 page with the "Page X of Y" footer on every page. No `lineHeight` on the page: it would
 * silently remove the fixed footer (shared/PITFALLS.md).
 */
export function DocumentPage({ children, footerNote }: { children: ReactNode; footerNote?: string }) {
  const { t, dir } = useT();
  return (
    <Page size="A4" style={pageStyle}>
      {children}
      <View fixed style={{ position: 'absolute', bottom: 24, left: 48, right: 48, borderTopWidth: 0.5, borderTopColor: theme.rule, paddingTop: 4 }}>
        {footerNote ? <Text style={[textDir(dir), { fontSize: 7.5, color: theme.muted }]}>{footerNote}</Text> : null}
        <Text
          style={[textDir(dir, 'end'), { fontSize: 7.5, color: theme.muted }]}
          render={({ pageNumber, totalPages }) => t('common.page', { page: pageNumber, total: totalPages })}
        />
      </View>
    </Page>
  );
}
