import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE, expectAccessible, expectNoHorizontalOverflow, launchChromium, newContext, screenshot, watchErrors } from '../helpers/browser';
import { PASSWORD, createDoctor } from '../helpers/factories';
import { startLiveServer } from '../helpers/live-server';
import { chromiumAvailable } from '../helpers/requirements';

const run = chromiumAvailable();

/**
 * The doctor's PIX key and city on "Meu perfil", on a phone: the DICT rules explained in plain
 * words as the doctor types (a landline, a % in an e-mail), and the canonical key and the city
 * stored once they are right.
 */
describe.runIf(run)('PIX key and city on the doctor\u2019s profile', () => {
  let server: Awaited<ReturnType<typeof startLiveServer>>;
  let browser: Browser;
  let p: Page;
  let errors: string[] = [];
  let doctorId = '';

  beforeAll(async () => {
    server = await startLiveServer();
    doctorId = (await createDoctor(server.db, { name: 'Lia Prado', email: 'lia@clinica.test' })).id;
    browser = await launchChromium();
    p = await (await newContext(browser, server.url, PHONE)).newPage();
    errors = watchErrors(p);
    await p.goto('/entrar');
    await p.getByLabel('E-mail', { exact: true }).fill('lia@clinica.test');
    await p.getByLabel('Senha', { exact: true }).fill(PASSWORD);
    await p.getByRole('button', { name: 'Entrar' }).click();
    await p.waitForURL(/\/medico$/);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const stored = () =>
    server.db.selectFrom('doctor_profiles').select(['pix_key_type', 'pix_key', 'city', 'city_uf']).where('user_id', '=', doctorId).executeTakeFirstOrThrow();

  it('explains a landline and a % e-mail, then stores the mobile as +55\u2026 and the city with its UF', async () => {
    await p.goto('/perfil');
    await p.getByLabel('Tipo de chave PIX').selectOption('phone');
    const key = p.getByLabel('Chave PIX', { exact: true });
    await key.fill('(11) 3333-4444');
    await key.blur();
    await p.getByText('Esse número é de telefone fixo. A chave PIX por telefone é sempre um celular: 9 dígitos começando com 9.').waitFor();
    await p.getByRole('button', { name: 'Salvar' }).first().click();
    await p
      .getByText(/telefone fixo/)
      .first()
      .waitFor();
    expect((await stored()).pix_key).toBeNull();

    await p.getByLabel('Tipo de chave PIX').selectOption('email');
    await key.fill('lia%prado@exemplo.com.br');
    await key.blur();
    await p.getByText('E-mail com "%": a chave PIX só aceita letras sem acento, números e . _ - + antes do @.').waitFor();

    const city = p.getByLabel('Cidade', { exact: true });
    await city.fill('Recife 2');
    await city.blur();
    await p.getByText('Cidade inválida: use só letras, espaços, hífen e apóstrofo.').waitFor();
    await screenshot(p, 'profile-pix-errors-390');

    await p.getByLabel('Tipo de chave PIX').selectOption('phone');
    await key.fill('(11) 9 8765-4321');
    await key.blur();
    await city.fill('São João del-Rei');
    await city.blur();
    await p.getByLabel('UF da cidade').selectOption('MG');
    await expect.poll(() => p.getByText(/telefone fixo|Cidade inválida/).count()).toBe(0);
    await p.getByRole('button', { name: 'Salvar' }).first().click();
    await expect.poll(stored).toEqual({ pix_key_type: 'phone', pix_key: '+5511987654321', city: 'São João del-Rei', city_uf: 'MG' });

    // Reopened, the form shows what was stored, formatted for people.
    await p.reload();
    await expect.poll(() => p.getByLabel('Chave PIX', { exact: true }).inputValue()).toBe('+55 (11) 98765-4321');
    expect(await p.getByLabel('Cidade', { exact: true }).inputValue()).toBe('São João del-Rei');
    expect(await p.getByLabel('UF da cidade').inputValue()).toBe('MG');
    await expectAccessible(p, 'profile with PIX key and city');
    await expectNoHorizontalOverflow(p, 'profile at 390 px');
    await screenshot(p, 'profile-pix-city-390');
    expect(errors).toEqual([]);
  });
});
