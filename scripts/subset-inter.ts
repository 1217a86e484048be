import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import subsetFont from 'subset-font';

/*
 * `npm run font:subset`: writes src/web/styles/fonts/inter-pt.woff2, the Inter the first screens
 * preload (docs/decisions/026-less-before-the-first-screen.md). Fontsource's Latin file (48 KB)
 * carries weights 100–900 and ~40 stylistic sets and alternates the app never asks for; this one
 * keeps Basic Latin, Latin-1 (every letter Portuguese writes), the punctuation and symbols the UI
 * prints, the weights the styles use (400–800) and the layout features text needs: 27 KB. A
 * character outside it falls back to Fontsource's full faces, declared after it in --font-sans.
 * `inter-subset.test.ts` fails when the committed file is not what this script makes.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const INTER_SOURCE = path.join(root, 'node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2');
export const INTER_SUBSET = path.join(root, 'src/web/styles/fonts/inter-pt.woff2');

/** Code point ranges kept; the CSS's unicode-range (fonts.css) says the same. */
export const INTER_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x20, 0x7e], // Basic Latin
  [0xa0, 0xff], // Latin-1: á â ã à ç é ê í ó ô õ ú ü, º ª, « », °
  [0x2010, 0x2027], // dashes, quotes, bullet, ellipsis
  [0x2030, 0x203a], // per mille, primes, angle quotes
  [0x20ac, 0x20ac], // €
  [0x2122, 0x2122], // ™
  [0x2190, 0x2193], // arrows
  [0x2212, 0x2212], // minus
];
const WEIGHTS = { min: 400, max: 800 };
/** Kerning, ligatures, marks, tabular figures (`font-variant-numeric: tabular-nums`). */
const FEATURES = ['kern', 'liga', 'calt', 'ccmp', 'locl', 'mark', 'mkmk', 'tnum'];

export async function makeInterSubset(): Promise<Buffer> {
  let text = '';
  for (const [from, to] of INTER_RANGES) for (let c = from; c <= to; c++) text += String.fromCodePoint(c);
  return subsetFont(fs.readFileSync(INTER_SOURCE), text, { targetFormat: 'woff2', variationAxes: { wght: WEIGHTS }, keepFeatures: FEATURES });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const font = await makeInterSubset();
  fs.writeFileSync(INTER_SUBSET, font);
  console.info(`${path.relative(root, INTER_SUBSET)}: ${font.length} bytes`);
}
