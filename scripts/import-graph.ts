/**
 * The server's import graph between feature folders: how many imports cross from one feature to
 * another, how many of those reach into another feature's repository, and which features import
 * each other in a circle. Run `node --import tsx scripts/import-graph.ts [--tests] [--list]`.
 * Tests are left out unless `--tests` is given (a test may exercise several features).
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { cyclesOf, importsOf, showCycles, walk } from './import-graph-kit';

const root = resolve(import.meta.dirname, '..');
const serverDir = join(root, 'src/server');
const withTests = process.argv.includes('--tests');
const list = process.argv.includes('--list');

/** The module a file belongs to: `features/<x>` is `<x>`, anything else its top folder (`core`, `plugins`, `db`, ...). */
function moduleOf(file: string): string | null {
  const rel = relative(serverDir, file);
  if (rel.startsWith('..')) return null;
  const parts = rel.split('/');
  if (parts[0] === 'features') return parts[1] ?? null;
  return parts.length > 1 ? parts[0]! : rel.replace(/\.ts$/, '');
}

const isFeature = (file: string) => relative(serverDir, file).startsWith('features/');

function resolveImport(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith('.')) base = resolve(dirname(from), spec);
  else if (spec.startsWith('#server/')) base = join(serverDir, spec.slice('#server/'.length));
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // try the next spelling
    }
  }
  return null;
}

const files = walk(serverDir).filter((f) => withTests || !/\.test\.tsx?$/.test(f));
type Edge = { from: string; to: string; fromModule: string; toModule: string; typeOnly: boolean };
const edges: Edge[] = [];
for (const file of files) {
  for (const { spec, typeOnly } of importsOf(readFileSync(file, 'utf8'))) {
    const target = resolveImport(file, spec);
    if (!target) continue;
    const fromModule = moduleOf(file);
    const toModule = moduleOf(target);
    if (!fromModule || !toModule) continue;
    edges.push({ from: file, to: target, fromModule, toModule, typeOnly });
  }
}

const crossFeature = edges.filter((e) => isFeature(e.from) && isFeature(e.to) && e.fromModule !== e.toModule);
const intoRepository = crossFeature.filter((e) => /\.repository\.ts$/.test(e.to));
const pluginsAndDbIntoFeatures = edges.filter((e) => !isFeature(e.from) && isFeature(e.to) && ['plugins', 'db'].includes(e.fromModule));

const linksOf = (selected: Edge[]) => selected.map((e): [string, string] => [e.fromModule, e.toModule]);
const featureCycles = cyclesOf(linksOf(crossFeature));
const moduleCycles = cyclesOf(linksOf(edges));

const show = (e: Edge) => `  ${relative(serverDir, e.from)} -> ${relative(serverDir, e.to)}${e.typeOnly ? ' (type)' : ''}`;
console.info(`server import graph${withTests ? ' (with tests)' : ' (without tests)'}`);
console.info(`cross-feature imports: ${crossFeature.length}`);
console.info(`  of them into another feature's repository: ${intoRepository.length}`);
console.info(`plugins/ and db/ importing a feature: ${pluginsAndDbIntoFeatures.length}`);
console.info(`cycles between features: ${showCycles(featureCycles)}`);
console.info(`cycles between all server modules (features, core, plugins, db, lib, ...): ${showCycles(moduleCycles)}`);
if (list) {
  console.info("\ninto another feature's repository:");
  intoRepository.forEach((e) => console.info(show(e)));
  console.info('\nother cross-feature imports:');
  crossFeature.filter((e) => !intoRepository.includes(e)).forEach((e) => console.info(show(e)));
  console.info('\nplugins/ and db/ importing a feature:');
  pluginsAndDbIntoFeatures.forEach((e) => console.info(show(e)));
}
