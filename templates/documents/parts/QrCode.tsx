import { Path, Svg } from '@react-pdf/renderer';
import QRCode from 'qrcode';

/**
 * A QR code drawn as one vector path (one sub-path per dark module), so it stays sharp and
 * costs a single PDF object. Error correction M, as the EPC guidelines require.
 */
export function QrCode({ payload, size = 84 }: { payload: string; size?: number }) {
  const { modules } = QRCode.create(payload, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const quiet = 2;
  let d = '';
  for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) if (modules.get(y, x)) d += `M${x + quiet} ${y + quiet}h1v1h-1z`;
  const box = n + quiet * 2;
  return (
    <Svg width={size} height={size} viewBox={`0 0 ${box} ${box}`}>
      <Path d={d} fill="#000000" />
    </Svg>
  );
}
