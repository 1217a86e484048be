/** The part of the `qrcode` package the web app uses (its browser build), without Node's types. */
export type QrCodeToStringOptions = {
  type: 'svg' | 'utf8' | 'terminal';
  errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H';
  margin?: number;
  width?: number;
  color?: { dark?: string; light?: string };
};

export function toString(text: string, options: QrCodeToStringOptions): Promise<string>;
