// @ts-check
/**
 * The server's floors and feature boundaries as one ESLint rule (issue 13, ARCHITECTURE.md):
 * - core/, plugins/, db/ and lib/ are shared plumbing: they import no feature (app.ts and cli/
 *   wire features in);
 * - a feature imports another feature only if SERVER_FEATURE_DEPS lists it, and then only its
 *   service (`*.service.ts`, or an `index.ts` if one is ever added), never its repository or other
 *   internals. The table must stay acyclic, so server features never import each other in a circle;
 * - tests may use any feature's service or helpers to set up data, but no other feature's repository.
 */
import path from 'node:path';
import { assertAcyclic } from './acyclic.js';

/** Which features each server feature may call (through their service). Acyclic: checked below. */
export const SERVER_FEATURE_DEPS = {
  accounts: ['auth', 'invites', 'payments', 'records', 'rooms', 'users'],
  auth: ['users'],
  backups: [],
  billing: ['users'],
  consent: [],
  consultations: ['billing'],
  dashboard: ['billing', 'invites', 'users'],
  invites: ['auth', 'users'],
  'password-reset': ['auth', 'invites', 'users'],
  patients: ['accounts', 'invites', 'users'],
  payments: ['users'],
  profile: ['accounts', 'users'],
  records: ['rooms'],
  reset: ['auth', 'backups', 'billing'],
  rooms: ['consent', 'consultations', 'invites', 'users'],
  rtc: [],
  users: [],
};

assertAcyclic(SERVER_FEATURE_DEPS, 'SERVER_FEATURE_DEPS');

/**
 * Where a file of src/server sits: a `feature` (its name and file name), `plumbing` (core/,
 * plugins/, db/, lib/) or `other` (app.ts, main.ts, cli/…); null outside src/server.
 * @param {string} file absolute path, with or without its extension
 * @param {string} serverDir
 */
function placeOf(file, serverDir) {
  const rel = path.relative(serverDir, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  const parts = rel.split(path.sep);
  if (parts[0] === 'features' && parts.length >= 3) return { kind: 'feature', name: parts[1] ?? '', file: parts[parts.length - 1] ?? '' };
  if (parts.length >= 2 && ['core', 'plugins', 'db', 'lib'].includes(parts[0] ?? '')) return { kind: 'plumbing', name: parts[0] ?? '' };
  return { kind: 'other' };
}

/** @type {import('eslint').Rule.RuleModule} */
const featureImports = {
  meta: {
    type: 'problem',
    docs: { description: "Keeps src/server's floors and feature boundaries (issue 13)" },
    schema: [],
  },
  create(context) {
    const serverDir = path.resolve(context.cwd, 'src/server');
    const from = placeOf(context.filename, serverDir);
    if (!from || from.kind === 'other') return {};
    const isTest = /\.test\.tsx?$/.test(context.filename);

    /** @param {import('estree').Node} node @param {unknown} source */
    const check = (node, source) => {
      if (typeof source !== 'string') return;
      let target;
      if (source.startsWith('.')) target = path.resolve(path.dirname(context.filename), source);
      else if (source.startsWith('#server/')) target = path.join(serverDir, source.slice('#server/'.length));
      else return;
      const to = placeOf(target, serverDir);
      if (!to || to.kind !== 'feature' || (from.kind === 'feature' && to.name === from.name)) return;
      const base = to.file.replace(/\.(ts|tsx|js)$/, '');
      if (isTest) {
        if (base.endsWith('.repository'))
          context.report({ node, message: `A test reaches features/${to.name} through its service, not its repository ('${source}').` });
        return;
      }
      if (from.kind === 'plumbing') {
        context.report({
          node,
          message: `${from.name}/ is plumbing every feature uses: it imports no feature ('${source}'); let app.ts hand it what a feature provides.`,
        });
        return;
      }
      const deps = /** @type {Record<string, string[] | undefined>} */ (SERVER_FEATURE_DEPS)[from.name] ?? [];
      if (!deps.includes(to.name)) {
        context.report({
          node,
          message: `features/${from.name} does not use features/${to.name} ('${source}'): move the shared piece to core/, or add the dependency to SERVER_FEATURE_DEPS (eslint-rules/server-features.js) if it keeps the table acyclic.`,
        });
        return;
      }
      if (!base.endsWith('.service') && base !== 'index') {
        context.report({
          node,
          message: `features/${from.name} uses features/${to.name} only through its service ('${source}'), never its repository or other files.`,
        });
      }
    };

    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => check(node, node.source?.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => check(node, node.source.type === 'Literal' ? node.source.value : undefined),
    };
  },
};

export const serverFeatures = { rules: { 'feature-imports': featureImports } };
