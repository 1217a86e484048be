// @ts-check
/**
 * The web's floors and feature boundaries as one ESLint rule (issue 13, ARCHITECTURE.md):
 * - lib/ and components/ are shared by every feature: they import no feature and not app/;
 * - a feature imports no app/ file (app/ composes features, not the other way round);
 * - a feature imports another feature only if WEB_FEATURE_DEPS lists it, and then only its api/
 *   (query hooks) and model/ (pure code); pages that show several features are composed in
 *   app/pages. The table must stay acyclic, so features never import each other in a circle.
 */
import path from 'node:path';
import { assertAcyclic } from './acyclic.js';

/** Which features each web feature may use (their api/ and model/). Acyclic: checked below. */
export const WEB_FEATURE_DEPS = {
  auth: [],
  backups: [],
  billing: ['payments'],
  call: ['patients', 'records', 'rooms'],
  dashboard: ['records', 'rooms'],
  legal: [],
  patients: [],
  payments: [],
  profile: [],
  records: ['patients', 'users'],
  rooms: ['patients'],
  users: [],
};

assertAcyclic(WEB_FEATURE_DEPS, 'WEB_FEATURE_DEPS');

/**
 * Where a file of src/web sits: `feature` (with its name and sub-folder), `app`, `shared`
 * (lib/, components/) or `other` (main.tsx, styles/…); null outside src/web.
 * @param {string} file absolute path
 */
function placeOf(file, webDir) {
  const rel = path.relative(webDir, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  const [top, name, sub] = rel.split(path.sep);
  if (top === 'features' && name && sub) return { kind: 'feature', name, sub };
  if (top === 'app') return { kind: 'app' };
  if (top === 'lib' || top === 'components') return { kind: 'shared', name: top };
  return { kind: 'other' };
}

/** @type {import('eslint').Rule.RuleModule} */
const featureImports = {
  meta: {
    type: 'problem',
    docs: { description: "Keeps src/web's floors and feature boundaries (issue 13)" },
    schema: [],
  },
  create(context) {
    const webDir = path.resolve(context.cwd, 'src/web');
    const from = placeOf(context.filename, webDir);
    if (!from || from.kind === 'app' || from.kind === 'other') return {};

    /** @param {import('estree').Node} node @param {unknown} source */
    const check = (node, source) => {
      if (typeof source !== 'string') return;
      // Relative imports (within a folder) and the #web/* alias (package.json imports).
      const target = source.startsWith('.')
        ? path.resolve(path.dirname(context.filename), source)
        : source.startsWith('#web/')
          ? path.join(webDir, source.slice('#web/'.length))
          : null;
      if (!target) return;
      const to = placeOf(target, webDir);
      if (!to) return;
      if (from.kind === 'shared') {
        if (to.kind === 'feature' || to.kind === 'app')
          context.report({ node, message: `${from.name}/ is shared by every feature: it imports no feature and not app/ ('${source}').` });
        return;
      }
      if (from.kind !== 'feature') return;
      if (to.kind === 'app') {
        context.report({ node, message: `A feature imports nothing from app/ ('${source}'): app/ composes features.` });
        return;
      }
      if (to.kind !== 'feature' || to.name === from.name) return;
      const deps = /** @type {Record<string, string[] | undefined>} */ (WEB_FEATURE_DEPS)[from.name] ?? [];
      if (!deps.includes(to.name)) {
        context.report({
          node,
          message: `features/${from.name} does not use features/${to.name} ('${source}'): compose them in app/pages, move the shared piece to lib/ or components/, or add the dependency to WEB_FEATURE_DEPS (eslint-rules/web-features.js) if it keeps the table acyclic.`,
        });
        return;
      }
      if (to.sub !== 'api' && to.sub !== 'model') {
        context.report({
          node,
          message: `features/${from.name} uses features/${to.name} only through its api/ and model/ ('${source}'): draw another feature's components in app/pages.`,
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

export const webFeatures = { rules: { 'feature-imports': featureImports } };
