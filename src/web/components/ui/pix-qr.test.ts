import jsQR from 'jsqr';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { buildPixPayload } from '#shared/domain/pix-br-code.ts';
import { PixQr } from './pix-qr';
import { pixQrSvg } from './pix-qr-svg';
import { ToastContext } from './toast-context';

/** Rasterises the SVG the way a screen shows it and reads it back with an independent QR decoder. */
async function decode(svg: string, px = 400): Promise<string | null> {
  const { data, info } = await sharp(Buffer.from(svg))
    .resize(px, px, { kernel: 'nearest' })
    .flatten({ background: '#ffffff' })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength), info.width, info.height)?.data ?? null;
}

const payloads = [
  buildPixPayload({ key: '52998224725', name: 'Dra. Ana Souza', city: 'São Paulo', amountCents: 123_45, txid: 'FECH202611A1' }),
  buildPixPayload({ key: '123e4567-e12b-12d1-a456-426655440000', name: 'Fulano de Tal', city: 'Brasília' }),
  // The longest key a BR Code carries, with a long name and city: the densest code we make.
  buildPixPayload({
    key: `${'a'.repeat(62)}@clinica.com.br`,
    name: 'Maria da Conceição Albuquerque',
    city: 'Vila Bela da Santíssima Trindade',
    amountCents: 999_999_999_999,
    txid: 'Z'.repeat(25),
  }),
];

describe('pixQrSvg', () => {
  it.each(payloads)('draws a QR that an independent decoder reads back exactly (%#)', async (payload) => {
    const svg = await pixQrSvg(payload);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]* viewBox="0 0 \d+ \d+"/);
    expect(svg).not.toMatch(/<(script|image|foreignObject)|href=/i);
    expect(await decode(svg)).toBe(payload);
  });

  it('still reads at phone-screen size', async () => {
    expect(await decode(await pixQrSvg(payloads[2]!), 240)).toBe(payloads[2]);
  });
});

describe('PixQr', () => {
  const render = (payload: string) =>
    renderToStaticMarkup(
      createElement(ToastContext.Provider, { value: { notify: () => undefined } }, createElement(PixQr, { payload, label: 'QR Code PIX do repasse' })),
    );

  it('shows the copia e cola text read-only with a labelled box and the copy button, the QR coming in after', () => {
    const html = render(payloads[0]!);
    const id = /<label(?=[^>]*class="field-label")[^>]*\sfor="([^"]+)"[^>]*>PIX copia e cola<\/label>/.exec(html)?.[1];
    expect(id).toBeTruthy();
    expect(html).toContain(`id="${id}"`);
    expect(html).toMatch(/<textarea[^>]*\sreadonly[\s>=]/i);
    expect(html).toContain(`>${payloads[0]}</textarea>`);
    expect(html).toContain('Copiar código');
    expect(html).toContain('skeleton');
  });
});
