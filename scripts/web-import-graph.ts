/**
 * The web app's import graph between its areas (features/<x>, app, components, lib, ...): how many
 * imports cross from one feature to another, which of them reach another feature's components
 * (not its api/ or model/), shared floors importing features or app/, and the cycles.
 * Run `node --import tsx scripts/web-import-graph.ts [--list]`. Tests included.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const webDir = resolve(import.meta.dirname, '../src/web');
const list = process.argv.includes('--list');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return walk(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** features/<x> for a feature's file, else its top folder (app, components, lib) or file. */
function areaOf(file: string): string {
  const [top, name] = relative(webDir, file).split('/');
  return top === 'features' ? `features/${name}` : top!.replace(/\.tsx?$/, '');
}

const importRe = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
type Edge = { from: string; to: string; fromArea: string; toArea: string };
const edges: Edge[] = [];
for (const file of walk(webDir)) {
  for (const m of readFileSync(file, 'utf8').matchAll(importRe)) {
    const spec = m[1] ?? m[2] ?? m[3]!;
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

/** Strongly connected components (Tarjan): every one of more than one area is a cycle. */
function cyclesOf(selected: Edge[]): string[][] {
  const graph = new Map<string, Set<string>>();
  for (const e of selected) graph.set(e.fromArea, (graph.get(e.fromArea) ?? new Set()).add(e.toArea));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const connect = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component = stack.splice(stack.indexOf(v));
    if (component.length > 1) found.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) connect(v);
  return found;
}
const showCycles = (found: string[][]) => (found.length ? found.map((c) => `{${c.join(', ')}}`).join(' ') : 'none');
const pairs = new Map<string, number>();
for (const e of crossFeature) pairs.set(`${e.fromArea} -> ${e.toArea}`, (pairs.get(`${e.fromArea} -> ${e.toArea}`) ?? 0) + 1);

console.info('web import graph (with tests)');
console.info(`cross-feature imports: ${crossFeature.length} (${pairs.size} feature pairs)`);
console.info(`  of them into another feature's components (not api/ or model/): ${intoComponents.length}`);
console.info(`lib/ and components/ importing a feature or app/: ${sharedUp.length}`);
console.info(`features importing app/: ${featuresIntoApp.length}`);
console.info(`cycles between features: ${showCycles(cyclesOf(crossFeature))}`);
console.info(`cycles between all web areas (features, app, components, lib, ...): ${showCycles(cyclesOf(edges))}`);
if (list) {
  console.info('\nfeature pairs:');
  [...pairs].sort().forEach(([pair, n]) => console.info(`  ${pair}: ${n}`));
  console.info('\ncross-feature imports:');
  crossFeature.forEach((e) => console.info(`  ${relative(webDir, e.from)} -> ${relative(webDir, e.to)}`));
}
