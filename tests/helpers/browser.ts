import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { expect } from 'vitest';
import { CHROMIUM_PATH } from './requirements';

/** Flags measured on this machine (shared/MACHINE-NOTES.md); the network ones stop Chromium from calling home. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-fake-device-for-media-stream',
  '--allow-loopback-in-peer-connection',
];

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1440, height: 900 };

/** Collects page errors and console errors (CSP violations included, see newContext) so a test can fail on them. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // A 4xx the test provokes on purpose is logged by Chromium as a failed resource; that is not a page bug.
    if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) errors.push(`console: ${m.text()}`);
  });
  return errors;
}

export async function newContext(browser: Browser, baseURL: string, viewport = DESKTOP): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, viewport, locale: 'pt-BR', timezoneId: 'America/Sao_Paulo' });
  // Chromium blocks what the CSP forbids without always saying so in the console (Firefox does):
  // the violation event makes each one a console error, which watchErrors turns into a failure.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`));
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  return context;
}

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core on the page and fails on serious or critical violations, naming each. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  // Colours measured mid-transition (a sheet sliding in, a fade) are not what people read.
  await page.evaluate(async () => {
    const finite = document.getAnimations().filter((a) => a.effect?.getComputedTiming().endTime !== Infinity);
    await Promise.race([Promise.allSettled(finite.map((a) => a.finished)), new Promise((resolve) => setTimeout(resolve, 2000))]);
  });
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.impact} ${v.id}: ${v.help} at ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(', ')}`,
      );
  });
  // Joined into one string so a failure prints what axe found, not "Array(1)".
  expect(violations.join('\n'), `axe on ${label}`).toBe('');
}

/** No sideways scrolling: the page fits its viewport width. */
export async function expectNoHorizontalOverflow(page: Page, label: string): Promise<void> {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(scroll, `${label} overflows horizontally`).toBeLessThanOrEqual(client + 1);
}

export const SHOTS_DIR = path.resolve('tests/artifacts/screens');

/** Saves a screenshot for people to look at (tests/artifacts is not committed). */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS_DIR, `${name}.png`), fullPage: true });
}

/**
 * A screen at both widths: toasts closed (they would sit on the content), from the top, no
 * sideways scroll, axe clean, and a screenshot named `<name>-desktop` / `<name>-phone`.
 */
export async function checkScreenAtBothWidths(page: Page, name: string): Promise<void> {
  await page.evaluate(() => {
    for (const b of document.querySelectorAll('button')) if (b.textContent?.trim() === 'Fechar aviso') b.click();
  });
  await expect.poll(() => page.getByRole('button', { name: 'Fechar aviso' }).count()).toBe(0);
  for (const [label, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    await page.setViewportSize(viewport);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(300);
    await expectNoHorizontalOverflow(page, `${name} ${label}`);
    await expectAccessible(page, `${name} ${label}`);
    await screenshot(page, `${name}-${label}`);
  }
  await page.setViewportSize(DESKTOP);
}
