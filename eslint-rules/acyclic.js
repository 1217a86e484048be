// @ts-check
/**
 * Throws when a "which features may use which" table has a cycle, naming it: both feature-boundary
 * rules check their table when ESLint loads them, so a cycle fails lint before any file is read.
 * @param {Record<string, string[]>} deps
 * @param {string} tableName
 */
export function assertAcyclic(deps, tableName) {
  /** @type {Map<string, 'open' | 'done'>} */
  const state = new Map();
  /** @param {string} name @param {string[]} trail */
  const visit = (name, trail) => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'open') throw new Error(`${tableName} has a cycle: ${[...trail, name].join(' -> ')}`);
    state.set(name, 'open');
    for (const dep of deps[name] ?? []) visit(dep, [...trail, name]);
    state.set(name, 'done');
  };
  for (const name of Object.keys(deps)) visit(name, []);
}
