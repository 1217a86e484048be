import type * as QrCode from 'qrcode';

type QrModule = typeof QrCode;

let loading: Promise<QrModule> | undefined;

/**
 * The `qrcode` package, loaded on first use: it is only needed on the screens that show a QR code,
 * so it stays out of every page's first load.
 */
function loadQrcode(): Promise<QrModule> {
  loading ??= import('qrcode').then((mod) => {
    // A CommonJS package: depending on the bundler, its exports sit on the namespace or on `default`.
    const cjs = (mod as QrModule & { default?: QrModule }).default;
    return cjs && typeof cjs.toString === 'function' ? cjs : mod;
  });
  return loading;
}

/**
 * Any text as an SVG QR code, made in the browser with no network and no canvas: error correction
 * M, the standard quiet zone of 4 modules, black on white (phone cameras and banking apps read
 * dark-on-light codes best). The SVG has a viewBox and no fixed size; CSS sizes it.
 */
export async function qrSvg(text: string): Promise<string> {
  const qrcode = await loadQrcode();
  return qrcode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 4, color: { dark: '#000000ff', light: '#ffffffff' } });
}

/** A BR Code ("PIX copia e cola") as an SVG QR code. */
export function pixQrSvg(payload: string): Promise<string> {
  return qrSvg(payload);
}
