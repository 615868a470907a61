import { encode } from 'uqr';

interface Props {
  /** What the code holds. It may hold a secret: it is drawn, never written into the page's text. */
  readonly text: string;
  /** The image's accessible name (it says what the code is, never what it holds). */
  readonly label: string;
  /** The largest width the code may take, in CSS pixels; modules are whole pixels, so it may be a little smaller. */
  readonly maxWidth: number;
}

/**
 * A QR code drawn as SVG by uqr (https://github.com/unjs/uqr, after Project Nayuki's QR Code generator): the
 * smallest version that holds `text`, error correction raised as far as that version allows (at least L), a quiet
 * zone of 4 modules (ISO/IEC 18004), black on white whatever the colour scheme, so phones read it.
 */
export function QrCode({ text, label, maxWidth }: Props) {
  const { data, size } = encode(text, { ecc: 'L', border: 4 });
  const module = Math.max(1, Math.floor(maxWidth / size));
  const path = data.flatMap((row, y) => row.flatMap((dark, x) => (dark ? [`M${x} ${y}h1v1h-1z`] : []))).join('');
  return (
    <svg role="img" aria-label={label} width={size * module} height={size * module} viewBox={`0 0 ${size} ${size}`} shape-rendering="crispEdges" class="qr-code">
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
