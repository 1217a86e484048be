import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, expectAccessible, expectNoHorizontalOverflow, launchChromium, newContext, screenshot, watchErrors } from '../helpers/browser';
import { createDoctor } from '../helpers/factories';
import { ADMIN, startLiveServer } from '../helpers/live-server';
import { chromiumAvailable } from '../helpers/requirements';

const run = chromiumAvailable();

/** Intl puts a non-breaking space after "R$"; compare what people read. */
const plain = (s: string) => s.replace(/\u00a0/g, ' ');

/**
 * "Valores e repasse" in a real Chromium: the admin sees the default fees, gets an inline error
 * for a badly typed price, saves new clinic fees and sees them in the history; then gives one
 * doctor their own price on the doctor's page and puts them back on the clinic's values.
 */
describe.runIf(run)('fees in the browser', () => {
  let server: Awaited<ReturnType<typeof startLiveServer>>;
  let browser: Browser;
  let p: Page;
  let errors: string[] = [];

  beforeAll(async () => {
    server = await startLiveServer();
    browser = await launchChromium();
    const context = await newContext(browser, server.url, DESKTOP);
    p = await context.newPage();
    errors = watchErrors(p);
    await p.goto('/entrar');
    await p.getByLabel('E-mail', { exact: true }).fill(ADMIN.email);
    await p.getByLabel('Senha', { exact: true }).fill(ADMIN.password);
    await p.getByRole('button', { name: 'Entrar' }).click();
    await p.waitForURL(/\/admin$/);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** No sideways scroll, axe clean, and a screenshot, at both widths. */
  async function checkScreen(name: string): Promise<void> {
    // A "saved" toast would sit on top of the form in the screenshots.
    for (const close of await p.getByRole('button', { name: 'Fechar aviso' }).all()) await close.click();
    for (const [label, viewport] of [
      ['desktop', DESKTOP],
      ['phone', PHONE],
    ] as const) {
      await p.setViewportSize(viewport);
      // Full-page shots taken while scrolled draw the fixed sidebar and top bar mid-page.
      await p.evaluate(() => window.scrollTo(0, 0));
      await p.waitForTimeout(200);
      await expectNoHorizontalOverflow(p, `${name} ${label}`);
      await expectAccessible(p, `${name} ${label}`);
      await screenshot(p, `${name}-${label}`);
    }
    await p.setViewportSize(DESKTOP);
  }

  it('the admin opens Valores e repasse from the menu and sees the defaults', async () => {
    await p.getByRole('link', { name: 'Valores e repasse' }).first().click();
    await p.waitForURL(/\/admin\/valores$/);
    await p.getByRole('heading', { level: 1, name: 'Valores e repasse' }).waitFor();
    expect(plain(await p.getByLabel('Valor da consulta').inputValue())).toBe('R$ 150,00');
    expect(await p.getByLabel('Comissão da clínica').inputValue()).toBe('20');
    expect(await p.getByLabel('Tempo mínimo de consulta, em minutos').inputValue()).toBe('2');
    await p.getByText('Numa consulta de R$ 150,00, a clínica fica com R$ 30,00 e o médico recebe R$ 120,00.').waitFor();
    await p.getByText('Nenhuma mudança ainda').waitFor();
  });

  it('a badly typed price shows an inline error on that field and saves nothing', async () => {
    const price = p.getByLabel('Valor da consulta');
    await price.fill('R$ 1.50');
    await p.getByRole('button', { name: 'Salvar valores' }).click();
    await p.getByText('Escreva o valor como R$ 150,00.').waitFor();
    expect(await price.getAttribute('aria-invalid')).toBe('true');
    // Focus goes to the field, so a screen reader reads its label and the error with it.
    await expect.poll(() => p.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).toBe('true');
    expect(await server.db.selectFrom('fee_changes').select('id').execute()).toHaveLength(0);
  });

  it('saves R$ 180,00 and 12,5 %, with the example and history in words', async () => {
    await p.getByLabel('Valor da consulta').fill('R$ 180,00');
    await p.getByLabel('Comissão da clínica').fill('12,5');
    await p.getByText('Numa consulta de R$ 180,00, a clínica fica com R$ 22,50 e o médico recebe R$ 157,50.').waitFor();
    await p.getByLabel('Comissão da clínica').press('Enter');
    await p.getByText('Valor da consulta: R$ 150,00 → R$ 180,00').waitFor();
    await p.getByText('Comissão da clínica: 20 % → 12,5 %').waitFor();
    const settings = await server.db.selectFrom('fee_settings').select(['price_cents', 'clinic_bps']).executeTakeFirstOrThrow();
    expect(settings).toEqual({ price_cents: 18000, clinic_bps: 1250 });
    expect(plain(await p.getByLabel('Valor da consulta').inputValue())).toBe('R$ 180,00');
    await checkScreen('fees');
  });

  it("sets a doctor's own price on their page, then goes back to the clinic's values", async () => {
    const doctor = await createDoctor(server.db, { name: 'Rafael Moreira' });
    await p.goto(`/admin/usuarios/${doctor.id}`);
    const card = p.getByRole('region', { name: 'Valor e repasse deste médico' });
    await card.getByText('Segue a clínica', { exact: true }).waitFor();
    await card.getByText('Numa consulta de R$ 180,00, a clínica fica com R$ 22,50 e o médico recebe R$ 157,50.').waitFor();

    await card.getByLabel('Valor da consulta').fill('R$ 200,00');
    await card.getByRole('button', { name: 'Salvar valores do médico' }).click();
    await card.getByText('Valores próprios', { exact: true }).waitFor();
    await card.getByText('Valor da consulta: valor da clínica → R$ 200,00').waitFor();
    await card.getByText('Numa consulta de R$ 200,00, a clínica fica com R$ 25,00 e o médico recebe R$ 175,00.').waitFor();
    expect(await server.db.selectFrom('doctor_fees').select(['price_cents', 'clinic_bps']).where('doctor_id', '=', doctor.id).executeTakeFirst()).toEqual({
      price_cents: 20000,
      clinic_bps: null,
    });
    await checkScreen('doctor-fees');

    await card.getByRole('button', { name: 'Usar os valores da clínica' }).click();
    await card.getByText('Segue a clínica', { exact: true }).waitFor();
    await card.getByText('Valor da consulta: R$ 200,00 → valor da clínica').waitFor();
    expect(await card.getByLabel('Valor da consulta').inputValue()).toBe('');
    const own = await server.db.selectFrom('doctor_fees').select(['price_cents', 'clinic_bps']).where('doctor_id', '=', doctor.id).executeTakeFirst();
    expect(own?.price_cents ?? null).toBeNull();
    expect(own?.clinic_bps ?? null).toBeNull();
  });

  it('logged no page errors or CSP violations', () => {
    expect(errors).toEqual([]);
  });
});
