/**
 * The server's import graph between feature folders: how many imports cross from one feature to
 * another, how many of those reach into another feature's repository, and which features import
 * each other in a circle. Run `node --import tsx scripts/import-graph.ts [--tests] [--list]`.
 * Tests are left out unless `--tests` is given (a test may exercise several features).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const serverDir = join(root, 'src/server');
const withTests = process.argv.includes('--tests');
const list = process.argv.includes('--list');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return walk(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

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
const importRe = /(?:import|export)\s+(?:type\s+)?(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

type Edge = { from: string; to: string; fromModule: string; toModule: string; typeOnly: boolean };
const edges: Edge[] = [];
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(importRe)) {
    const spec = m[1] ?? m[2]!;
    const target = resolveImport(file, spec);
    if (!target) continue;
    const fromModule = moduleOf(file);
    const toModule = moduleOf(target);
    if (!fromModule || !toModule) continue;
    edges.push({ from: file, to: target, fromModule, toModule, typeOnly: /^(?:import|export)\s+type\s/.test(m[0]) });
  }
}

const crossFeature = edges.filter((e) => isFeature(e.from) && isFeature(e.to) && e.fromModule !== e.toModule);
const intoRepository = crossFeature.filter((e) => /\.repository\.ts$/.test(e.to));
const pluginsAndDbIntoFeatures = edges.filter((e) => !isFeature(e.from) && isFeature(e.to) && ['plugins', 'db'].includes(e.fromModule));

/** Strongly connected components (Tarjan): every component of more than one module is a cycle. */
function cyclesOf(selected: Edge[]): string[][] {
  const graph = new Map<string, Set<string>>();
  for (const e of selected) {
    if (e.fromModule === e.toModule) continue;
    if (!graph.has(e.fromModule)) graph.set(e.fromModule, new Set());
    graph.get(e.fromModule)!.add(e.toModule);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const found: string[][] = [];
  let counter = 0;
  const connect = (v: string) => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) connect(v);
  return found;
}
const showCycles = (found: string[][]) => (found.length ? found.map((c) => `{${c.join(', ')}}`).join(' ') : 'none');
const featureCycles = cyclesOf(crossFeature);
const moduleCycles = cyclesOf(edges);

const show = (e: Edge) => `  ${relative(serverDir, e.from)} -> ${relative(serverDir, e.to)}${e.typeOnly ? ' (type)' : ''}`;
console.info(`server import graph${withTests ? ' (with tests)' : ' (without tests)'}`);
console.info(`cross-feature imports: ${crossFeature.length}`);
console.info(`  of them into another feature's repository: ${intoRepository.length}`);
console.info(`plugins/ and db/ importing a feature: ${pluginsAndDbIntoFeatures.length}`);
console.info(`cycles between features: ${showCycles(featureCycles)}`);
console.info(`cycles between all server modules (features, core, plugins, db, lib, ...): ${showCycles(moduleCycles)}`);
if (list) {
  console.info('\ninto another feature\'s repository:');
  intoRepository.forEach((e) => console.info(show(e)));
  console.info('\nother cross-feature imports:');
  crossFeature.filter((e) => !intoRepository.includes(e)).forEach((e) => console.info(show(e)));
  console.info('\nplugins/ and db/ importing a feature:');
  pluginsAndDbIntoFeatures.forEach((e) => console.info(show(e)));
}
