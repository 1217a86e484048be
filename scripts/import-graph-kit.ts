/** What the server's and the web's import-graph scripts share: listing files, reading imports, finding cycles. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every .ts/.tsx file below `dir` (declaration files left out). */
export function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return walk(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const importRe = /(?:import|export)\s+(?:type\s+)?(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The specifiers a file's source imports or re-exports (static, side-effect and dynamic), and whether each is type-only. */
export function importsOf(source: string): { spec: string; typeOnly: boolean }[] {
  return [...source.matchAll(importRe)].map((m) => ({ spec: m[1] ?? m[2]!, typeOnly: /^(?:import|export)\s+type\s/.test(m[0]) }));
}

/** Strongly connected components (Tarjan) of the graph of `links` [from, to]: each one of more than one node is a cycle. */
export function cyclesOf(links: Iterable<[string, string]>): string[][] {
  const graph = new Map<string, Set<string>>();
  for (const [from, to] of links) if (from !== to) graph.set(from, (graph.get(from) ?? new Set()).add(to));
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

export const showCycles = (found: string[][]) => (found.length ? found.map((c) => `{${c.join(', ')}}`).join(' ') : 'none');
