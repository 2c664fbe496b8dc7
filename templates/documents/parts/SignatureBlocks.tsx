import { Text, View } from '@react-pdf/renderer';
import { Para } from './Para.tsx';
import { Row } from './Row.tsx';
import { useT } from './direction.tsx';
import { rowDir, textDir, theme } from './styles.ts';

/** One party's signature block: its role, its name and the lines to fill in by hand. */
export interface SignatureBlockData {
  /** "The Provider", "Заказчик" */
  role: string;
  /** the party's legal name */
  name: string;
  /** "Name", "Title", "Signature", "Date", with a printed value when known (else a blank line) */
  lines: { label: string; value?: string | undefined }[];
}

/**
 * Signature blocks side by side (mirrored in right-to-left documents), kept on one page: for
 * each party its role, name and labelled lines to sign, name, title and date by hand. Used by
 * the contract and the payment-plan and settlement agreements.
 *
 * @example <SignatureBlocks heading="Signatures" blocks={[{ role: 'Provider', name: 'Jane Porter', lines: [{ label: 'Signature' }] }]} />
 * @see shared/DOMAIN.md "Evidence" (the signed terms)
 */
export function SignatureBlocks({ heading, blocks }: { heading: string; blocks: SignatureBlockData[] }) {
  const { dir } = useT();
  return (
    <View wrap={false} style={{ marginTop: 18 }}>
      <Para bold style={{ fontSize: 10.5, color: theme.accent, marginBottom: 6 }}>
        {heading}
      </Para>
      <Row style={{ justifyContent: 'space-between' }}>
        {blocks.map((b, i) => (
          <View key={i} style={{ width: '47%' }}>
            <Para style={{ color: theme.muted, fontSize: 8 }}>{b.role}</Para>
            <Para bold style={{ marginBottom: 4 }}>
              {b.name}
            </Para>
            {b.lines.map((line, j) => (
              <View key={j} style={[rowDir(dir), { alignItems: 'flex-end', marginTop: 10 }]}>
                <Text style={[textDir(dir), { width: 58, fontSize: 8.5, color: theme.muted }]}>{line.label}</Text>
                <View style={{ flexGrow: 1, flexBasis: 0, borderBottomWidth: 0.5, borderBottomColor: theme.ink, minHeight: 12 }}>
                  {line.value ? <Text style={textDir(dir)}>{line.value}</Text> : null}
                </View>
              </View>
            ))}
          </View>
        ))}
      </Row>
    </View>
  );
}
