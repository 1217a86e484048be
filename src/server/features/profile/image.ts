import { AppError } from '#server/errors.ts';

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
/** Decoding cost grows with pixels, not bytes: a 5 MB PNG can hold a 100-megapixel bomb. */
export const MAX_PHOTO_PIXELS = 40_000_000;
const MAX_SIDE = 512;
const ACCEPTED = new Set(['jpeg', 'png', 'webp']);

const notAnImage = () => new AppError('invalid_image', 400, 'Não conseguimos abrir este arquivo como foto. Envie uma imagem JPEG, PNG ou WebP.');

/**
 * Decodes whatever bytes arrived (never trusting the name or declared type), and re-encodes them
 * as a WebP of at most 512 px with all metadata (EXIF, GPS, ICC) dropped.
 */
export async function reencodePhoto(input: Buffer): Promise<{ data: Buffer; mime: 'image/webp'; width: number; height: number }> {
  if (input.length > MAX_PHOTO_BYTES) throw new AppError('image_too_large', 413, 'A foto pode ter no máximo 5 MB.');
  // Loaded with the first photo rather than at start: libvips is ~18 MB of a server's memory.
  const { default: sharp } = await import('sharp');
  let format: string | undefined;
  let pixels = 0;
  try {
    const meta = await sharp(input, { limitInputPixels: false }).metadata();
    format = meta.format;
    pixels = (meta.width ?? 0) * (meta.height ?? 0);
  } catch {
    throw notAnImage();
  }
  if (!format || !ACCEPTED.has(format)) throw notAnImage();
  if (pixels > MAX_PHOTO_PIXELS) {
    throw new AppError('image_too_large', 413, 'A foto tem resolução grande demais. Envie uma imagem menor (até 40 megapixels).');
  }
  try {
    const { data, info } = await sharp(input, { limitInputPixels: MAX_PHOTO_PIXELS, failOn: 'error' })
      .rotate() // apply the EXIF orientation before the EXIF is dropped
      .resize(MAX_SIDE, MAX_SIDE, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 82 })
      .toBuffer({ resolveWithObject: true });
    return { data, mime: 'image/webp', width: info.width, height: info.height };
  } catch {
    throw notAnImage();
  }
}
