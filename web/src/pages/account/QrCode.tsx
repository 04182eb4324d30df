// A QR code drawn here as SVG (uqr, MIT, no network): the otpauth:// address never leaves the page.
import { useMemo } from 'react';
import { encode } from 'uqr';

/**
 * The code of `value`, one path of dark modules on a white square with its quiet zone.
 * @example <QrCode value={uri} label={t('account.twoFactor.qrLabel')} />
 */
export function QrCode({ value, label }: { value: string; label: string }) {
  const { size, path } = useMemo(() => {
    // Medium error correction and a 4-module quiet zone, as phone cameras read best.
    const qr = encode(value, { ecc: 'M', border: 4 });
    const dark: string[] = [];
    qr.data.forEach((row, y) => {
      row.forEach((on, x) => {
        if (on) dark.push(`M${x},${y}h1v1h-1z`);
      });
    });
    return { size: qr.size, path: dark.join('') };
  }, [value]);
  return (
    <svg className="account-qr" viewBox={`0 0 ${size} ${size}`} role="img" aria-label={label} shapeRendering="crispEdges">
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
