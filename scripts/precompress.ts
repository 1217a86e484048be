import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Text the server sends as files; fonts (woff2) and images are compressed already. */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|xml|webmanifest|map)$/;
/** Below this, the headers cost more than compression saves. */
const MIN_BYTES = 1024;

/** Every file under `dir`, recursively, as paths relative to it. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

/**
 * Writes `<file>.br` (brotli, quality 11) and `<file>.gz` (gzip, level 9) beside each text file
 * under `dir` worth compressing, so the server (@fastify/static with `preCompressed`) sends them
 * to browsers that accept them without compressing on each request. A variant that comes out no
 * smaller than the original is not written. Returns what was written, relative to `dir`.
 */
export async function precompress(dir: string): Promise<{ file: string; bytes: number; br: number | null; gz: number | null }[]> {
  const files = (await filesUnder(dir)).filter((f) => COMPRESSIBLE.test(f) && !f.startsWith(`.vite${path.sep}`));
  return Promise.all(
    files.map(async (file) => {
      const full = path.join(dir, file);
      const source = await fs.readFile(full);
      if (source.length < MIN_BYTES) return { file, bytes: source.length, br: null, gz: null };
      const [br, gz] = await Promise.all([
        brotli(source, {
          params: {
            [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
            [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: source.length,
          },
        }),
        gzip(source, { level: zlib.constants.Z_BEST_COMPRESSION }),
      ]);
      const keep = async (data: Buffer, ext: string) => {
        if (data.length >= source.length) return null;
        await fs.writeFile(full + ext, data);
        return data.length;
      };
      return { file, bytes: source.length, br: await keep(br, '.br'), gz: await keep(gz, '.gz') };
    }),
  );
}

/** Vite plugin: {@link precompress} the output directory once the build has written it. */
export function precompressPlugin(): Plugin {
  let outDir = '';
  return {
    name: 'medconnect:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle(error) {
      if (!error) await precompress(outDir);
    },
  };
}
