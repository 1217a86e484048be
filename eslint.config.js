// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import globals from 'globals';
import { serverFeatures } from './eslint-rules/server-features.js';
import { webFeatures } from './eslint-rules/web-features.js';

/** Code in src/ reaches another folder through its alias (package.json "imports"), never by climbing with ../ */
const parentImports = {
  group: ['../*', '../**'],
  message:
    'Import from another folder through its alias (#shared/..., #server/..., #web/..., #tests/..., #scripts/... with the file extension): relative imports stay within their folder.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', 'tests/artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error', 'info'] }],
    },
  },
  {
    // No import cycles between files: a cycle makes the order modules load in matter and hides
    // which file owns what. Resolved as TypeScript and package.json imports do. import-x does not
    // follow type-only imports (they cannot change load order); scripts/import-graph.ts and
    // scripts/web-import-graph.ts report folder cycles with them (ADR 024).
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [
        createTypeScriptImportResolver({ project: ['tsconfig.json', 'src/server/tsconfig.json', 'src/web/tsconfig.json'], noWarnOnMultipleProjects: true }),
      ],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['src/server/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [parentImports] }] },
  },
  {
    // Migrations are written against Kysely<any> on purpose: they must not depend on today's types.
    files: ['src/server/db/migrations/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            parentImports,
            { group: ['**/server/**'], message: 'web never imports server' },
            { regex: '^#server/', message: 'web never imports server' },
          ],
        },
      ],
    },
  },
  {
    // lib/ and components/ import no feature; features import each other only as WEB_FEATURE_DEPS allows.
    files: ['src/web/**/*.{ts,tsx}'],
    plugins: { web: webFeatures },
    rules: { 'web/feature-imports': 'error' },
  },
  {
    // core/, plugins/, db/ and lib/ import no feature; features use each other only through their
    // service and only as SERVER_FEATURE_DEPS (acyclic) allows; no test reads another feature's repository.
    files: ['src/server/**/*.ts'],
    plugins: { server: serverFeatures },
    rules: { 'server/feature-imports': 'error' },
  },
  {
    // SQL lives in repositories (and db/); services call them. Tests and the demo seed write data directly.
    files: ['src/server/**/*.ts'],
    ignores: ['src/server/**/*.repository.ts', 'src/server/db/**', 'src/server/**/*.test.ts', 'src/server/cli/seed-demo.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.property.name=/^(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)$/]',
          message: 'SQL belongs in a *.repository.ts (or db/): call a repository function from here.',
        },
        { selector: "TaggedTemplateExpression[tag.name='sql']", message: 'SQL belongs in a *.repository.ts (or db/): call a repository function from here.' },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            parentImports,
            { group: ['**/server/**', '**/web/**'], message: 'shared imports neither server nor web' },
            { regex: '^#(server|web)/', message: 'shared imports neither server nor web' },
          ],
        },
      ],
    },
  },
);
