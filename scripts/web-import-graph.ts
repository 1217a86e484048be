/**
 * The web app's import graph between its areas (features/<x>, app, components, lib, ...): how many
 * imports cross from one feature to another, which of them reach another feature's components
 * (not its api/ or model/), shared floors importing features or app/, and the cycles.
 * Run `node --import tsx scripts/web-import-graph.ts [--list]`. Tests included.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { cyclesOf, importsOf, showCycles, walk } from './import-graph-kit';

const webDir = resolve(import.meta.dirname, '../src/web');
const list = process.argv.includes('--list');

/** features/<x> for a feature's file, else its top folder (app, components, lib) or file. */
function areaOf(file: string): string {
  const [top, name] = relative(webDir, file).split('/');
  return top === 'features' ? `features/${name}` : top!.replace(/\.tsx?$/, '');
}

type Edge = { from: string; to: string; fromArea: string; toArea: string };
const edges: Edge[] = [];
for (const file of walk(webDir)) {
  for (const { spec } of importsOf(readFileSync(file, 'utf8'))) {
    const target = spec.startsWith('.') ? resolve(dirname(file), spec) : spec.startsWith('#web/') ? join(webDir, spec.slice(5)) : null;
    if (!target || relative(webDir, target).startsWith('..')) continue;
    const fromArea = areaOf(file);
    const toArea = areaOf(target);
    if (fromArea !== toArea) edges.push({ from: file, to: target, fromArea, toArea });
  }
}

const isFeature = (area: string) => area.startsWith('features/');
const crossFeature = edges.filter((e) => isFeature(e.fromArea) && isFeature(e.toArea));
const intoComponents = crossFeature.filter((e) => !/^features\/[^/]+\/(api|model)\//.test(relative(webDir, e.to)));
const sharedUp = edges.filter((e) => ['components', 'lib'].includes(e.fromArea) && (isFeature(e.toArea) || e.toArea === 'app'));
const featuresIntoApp = edges.filter((e) => isFeature(e.fromArea) && e.toArea === 'app');

const pairs = new Map<string, number>();
for (const e of crossFeature) pairs.set(`${e.fromArea} -> ${e.toArea}`, (pairs.get(`${e.fromArea} -> ${e.toArea}`) ?? 0) + 1);

console.info('web import graph (with tests)');
console.info(`cross-feature imports: ${crossFeature.length} (${pairs.size} feature pairs)`);
console.info(`  of them into another feature's components (not api/ or model/): ${intoComponents.length}`);
console.info(`lib/ and components/ importing a feature or app/: ${sharedUp.length}`);
console.info(`features importing app/: ${featuresIntoApp.length}`);
console.info(`cycles between features: ${showCycles(cyclesOf(crossFeature.map((e) => [e.fromArea, e.toArea])))}`);
console.info(`cycles between all web areas (features, app, components, lib, ...): ${showCycles(cyclesOf(edges.map((e) => [e.fromArea, e.toArea])))}`);
if (list) {
  console.info('\nfeature pairs:');
  [...pairs].sort().forEach(([pair, n]) => console.info(`  ${pair}: ${n}`));
  console.info('\ncross-feature imports:');
  crossFeature.forEach((e) => console.info(`  ${relative(webDir, e.from)} -> ${relative(webDir, e.to)}`));
}
