import { CLINIC_TIME_ZONE } from '#shared/domain/clinic-month.ts';
import { yieldToBrowser } from './yield-to-browser';

/*
 * The first Intl object and the first locale-aware case change load ICU's data for Portuguese
 * and for São Paulo's time zone: ~20 ms on a desktop, ~80 ms on the phone Lighthouse simulates.
 * Each step here runs in a task of its own while the page's code and data are on their way, so
 * that cost does not land inside the first render, one long task that keeps a tap waiting
 * (docs/decisions/026-less-before-the-first-screen.md). The formatters the app keeps are built
 * lazily (shared/domain/lazy-intl.ts) and find the data loaded.
 */
const STEPS: readonly (() => unknown)[] = [
  () => new Intl.NumberFormat('pt-BR', { style: 'currency', currency: 'BRL' }).format(1234.5),
  () => new Intl.DateTimeFormat('pt-BR', { timeZone: CLINIC_TIME_ZONE, dateStyle: 'short', timeStyle: 'short' }).format(Date.now()),
  () => 'Dra. Érica'.toLocaleLowerCase('pt-BR').toLocaleUpperCase('pt-BR'),
];

/** Loads ICU's Portuguese data one step per task; resolves when all steps have run. */
export async function warmUpIntl(): Promise<void> {
  for (const step of STEPS) {
    await yieldToBrowser();
    step();
  }
}
