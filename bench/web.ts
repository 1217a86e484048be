import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * `npm run bench:web`: builds the web app and reports, per route, the gzipped JS and CSS the
 * browser downloads before that route can render (the entry, the route's lazy chunk, and every
 * chunk they import statically), read from Vite's build manifest. Last line: one JSON object.
 */
type Chunk = { file: string; imports?: string[]; css?: string[]; isEntry?: boolean; src?: string };
type Manifest = Record<string, Chunk>;

/** Route → the page module the router loads lazily for it (paths relative to src/web). */
export const ROUTES: Record<string, string> = {
  login: 'features/auth/components/login-page.tsx',
  admin_dashboard: 'app/pages/admin-home-page.tsx',
  doctor_dashboard: 'app/pages/doctor-dashboard-page.tsx',
  patient_dashboard: 'app/pages/patient-dashboard-page.tsx',
  admin_users: 'features/users/components/users-page.tsx',
  admin_user_detail: 'app/pages/admin-user-page.tsx',
  admin_fees: 'features/billing/components/fees-page.tsx',
  admin_billing: 'features/billing/components/billing-page.tsx',
  admin_closings: 'app/pages/admin-closings-page.tsx',
  admin_payment: 'features/payments/components/admin-payment-page.tsx',
  admin_payment_history: 'features/payments/components/payment-history-page.tsx',
  admin_backups: 'features/backups/components/backups-page.tsx',
  admin_reset: 'features/backups/components/reset-page.tsx',
  doctor_earnings: 'features/billing/components/earnings-page.tsx',
  doctor_payments: 'features/payments/components/my-payments-page.tsx',
  profile: 'features/profile/components/profile-page.tsx',
};

const BUDGET_KB = 170;
/** The chunk app/notices-provider loads once someone is signed in: the app-wide Socket.IO connection. */
const NOTICES_RUNTIME = 'app/notices-runtime.ts';
const dist = path.resolve('dist/web');

function gzKb(file: string): number {
  return gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length / 1024;
}

/** The chunk and everything it imports statically, each once. */
function closure(manifest: Manifest, key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const dep of manifest[key]?.imports ?? []) closure(manifest, dep, seen);
  return seen;
}

function firstLoad(manifest: Manifest, entryKey: string, pageKey: string): { js: number; css: number } {
  const keys = new Set([...closure(manifest, entryKey), ...closure(manifest, pageKey)]);
  let js = 0;
  let css = 0;
  const cssFiles = new Set<string>();
  for (const key of keys) {
    const chunk = manifest[key]!;
    js += gzKb(chunk.file);
    for (const c of chunk.css ?? []) cssFiles.add(c);
  }
  for (const c of cssFiles) css += gzKb(c);
  return { js, css };
}

function main(): void {
  if (!process.argv.includes('--no-build')) execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  const manifest = JSON.parse(fs.readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8')) as Manifest;
  const entryKey = Object.keys(manifest).find((k) => manifest[k]!.isEntry);
  if (!entryKey) throw new Error('no entry in the Vite manifest');
  const figures: Record<string, number> = {};
  const over: string[] = [];
  for (const [route, page] of Object.entries(ROUTES)) {
    if (!manifest[page]) throw new Error(`route ${route}: ${page} is not a chunk in the manifest (is it still lazy-loaded?)`);
    const { js, css } = firstLoad(manifest, entryKey, page);
    figures[`${route}_js_kb`] = Math.round(js * 10) / 10;
    figures[`${route}_css_kb`] = Math.round(css * 10) / 10;
    if (js > BUDGET_KB && (route === 'login' || route.endsWith('_dashboard') || route.startsWith('admin_') || route.startsWith('doctor_')))
      over.push(`${route} ${js.toFixed(1)} KB`);
  }
  // The tab's live connection (socket.io-client, the notice handlers) loads after sign-in, after
  // the first page has drawn: reported on its own, beyond what the entry already brought.
  const runtime = Object.keys(manifest).find((k) => k.endsWith(NOTICES_RUNTIME));
  if (!runtime) throw new Error(`${NOTICES_RUNTIME} is not a chunk in the manifest (is it still lazy-loaded?)`);
  const entryKeys = closure(manifest, entryKey);
  let runtimeKb = 0;
  for (const key of closure(manifest, runtime)) if (!entryKeys.has(key)) runtimeKb += gzKb(manifest[key]!.file);
  figures.after_sign_in_notices_js_kb = Math.round(runtimeKb * 10) / 10;
  console.info(
    `First-load gzipped JS per route (budget for login, dashboards, admin and doctor pages: ${BUDGET_KB} KB); after_sign_in_notices: the live connection, loaded after the first page`,
  );
  if (over.length) console.warn(`Over budget: ${over.join(', ')}`);
  console.info(JSON.stringify(figures));
  if (over.length) process.exitCode = 1;
}

main();
