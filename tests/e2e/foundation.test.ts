import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, expectAccessible, expectNoHorizontalOverflow, launchChromium, newContext, screenshot, watchErrors } from '../helpers/browser';
import { ADMIN, startLiveServer } from '../helpers/live-server';
import { chromiumAvailable } from '../helpers/requirements';

const run = chromiumAvailable();

/** A stand-in portrait (soft background, head and shoulders) so screenshots look like a real profile. */
const PORTRAIT_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="900">
  <defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#bfdbfe"/><stop offset="1" stop-color="#a5f3fc"/></linearGradient></defs>
  <rect width="900" height="900" fill="url(#bg)"/>
  <circle cx="450" cy="360" r="170" fill="#c68642"/>
  <path d="M260 300 Q450 120 640 300 Q620 200 450 170 Q280 200 260 300Z" fill="#3b2314"/>
  <path d="M150 900 Q170 600 450 590 Q730 600 750 900Z" fill="#f8fafc"/>
  <path d="M380 600 L450 720 L520 600Z" fill="#2563eb"/>
</svg>`;

/**
 * The foundation end to end in a real Chromium: admin creates a doctor and copies the invite;
 * the doctor sets a password, fills the profile with a PIX key and a photo, registers a patient;
 * the patient accepts the invite and sees their dashboard. Main screens are checked with axe at
 * phone and desktop widths and saved as screenshots.
 */
describe.runIf(run)('foundation in the browser', () => {
  let server: Awaited<ReturnType<typeof startLiveServer>>;
  let browser: Browser;
  const errors: string[] = [];

  beforeAll(async () => {
    server = await startLiveServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function page(viewport = DESKTOP): Promise<Page> {
    const context = await newContext(browser, server.url, viewport);
    const p = await context.newPage();
    const pageErrors = watchErrors(p);
    p.on('close', () => errors.push(...pageErrors));
    return p;
  }

  /** No sideways scroll, axe clean, and a screenshot, at both widths. */
  async function checkScreen(p: Page, name: string): Promise<void> {
    for (const [label, viewport] of [
      ['desktop', DESKTOP],
      ['phone', PHONE],
    ] as const) {
      await p.setViewportSize(viewport);
      await p.waitForTimeout(200);
      await expectNoHorizontalOverflow(p, `${name} ${label}`);
      await expectAccessible(p, `${name} ${label}`);
      await screenshot(p, `${name}-${label}`);
    }
  }

  let doctorInvite = '';
  let patientInvite = '';

  it('admin logs in, creates a doctor and copies the invite link', async () => {
    const p = await page();
    await p.goto('/');
    await p.waitForURL(/\/entrar/);
    await p.getByRole('button', { name: 'Entrar' }).waitFor();
    await checkScreen(p, 'login');
    await p.setViewportSize(DESKTOP);

    await p.getByLabel('E-mail', { exact: true }).fill(ADMIN.email);
    await p.getByLabel('Senha', { exact: true }).fill('senha-errada-123');
    await p.getByRole('button', { name: 'Entrar' }).click();
    await p.getByText('E-mail ou senha incorretos.').first().waitFor();

    await p.getByLabel('Senha', { exact: true }).fill(ADMIN.password);
    await p.getByRole('button', { name: 'Entrar' }).click();
    await p.waitForURL(/\/admin$/);
    await p.getByRole('heading', { level: 1 }).waitFor();

    await p.goto('/admin/usuarios/novo');
    await p.getByRole('radio', { name: 'Médico' }).check();
    await p.getByLabel('Nome completo').fill('Helena Duarte');
    await p.getByLabel('E-mail', { exact: true }).fill('helena@clinica.test');
    await p.getByLabel('Número do CRM').fill('12ab');
    await p.getByLabel('UF do CRM').selectOption('SP');
    await p.getByLabel('Especialidade').fill('Cardiologia');
    await p.getByRole('button', { name: 'Criar conta e gerar convite' }).click();
    // Client-side validation names the bad field and nothing is sent.
    await p
      .getByText(/CRM inválido/i)
      .first()
      .waitFor();
    expect(await server.db.selectFrom('users').select('id').where('email', '=', 'helena@clinica.test').execute()).toHaveLength(0);
    await p.getByLabel('Número do CRM').fill('123456');
    await p.getByRole('button', { name: 'Criar conta e gerar convite' }).click();

    const link = p.getByLabel('Link do convite');
    await link.waitFor();
    doctorInvite = await link.inputValue();
    expect(doctorInvite).toMatch(new RegExp(`^${server.url}/convite/[A-Za-z0-9_-]{43}$`));
    await p.getByRole('button', { name: 'Copiar link' }).click();
    await expect.poll(() => p.evaluate(() => navigator.clipboard.readText())).toBe(doctorInvite);
    const whatsapp = await p.getByRole('link', { name: 'Enviar pelo WhatsApp' }).getAttribute('href');
    expect(whatsapp).toContain(encodeURIComponent(doctorInvite));

    await p.goto('/admin/usuarios');
    await p.getByText('Helena Duarte').first().waitFor();
    await checkScreen(p, 'users');
    await p.goto('/admin');
    await p.getByText('Helena Duarte').first().waitFor();
    await checkScreen(p, 'admin-dashboard');
    await p.close();
  });

  it('the doctor sets a password, fills the profile with a PIX key and a photo, and registers a patient', async () => {
    const p = await page();
    await p.goto(doctorInvite);
    await p
      .getByText(/Helena/)
      .first()
      .waitFor();
    await p.getByLabel('Senha', { exact: true }).fill('helena-senha-forte');
    await p.getByLabel('Confirmar senha').fill('helena-senha-forte');
    await p.getByRole('button', { name: 'Definir senha e entrar' }).click();
    await p.waitForURL(/\/medico$/);

    await p.goto('/perfil');
    await p.getByLabel('Telefone', { exact: true }).fill('(11) 98765-4321');
    await p.getByLabel('Tipo de chave PIX').selectOption('cpf');
    await p.getByLabel('Chave PIX', { exact: true }).fill('529.982.247-26');
    await p.getByRole('button', { name: 'Salvar' }).first().click();
    await p
      .getByText(/CPF inválido/)
      .first()
      .waitFor();
    await p.getByLabel('Chave PIX', { exact: true }).fill('529.982.247-25');
    await p.getByRole('button', { name: 'Salvar' }).first().click();
    await expect
      .poll(async () => (await server.db.selectFrom('doctor_profiles').select('pix_key').where('crm_number', '=', '123456').executeTakeFirst())?.pix_key)
      .toBe('52998224725');

    const photo = await sharp(Buffer.from(PORTRAIT_SVG)).jpeg().toBuffer();
    await p.locator('input[type="file"]').setInputFiles({ name: 'foto.jpg', mimeType: 'image/jpeg', buffer: photo });
    await expect.poll(() => p.locator('img[src*="/photo?v="]').count()).toBeGreaterThan(0);
    await checkScreen(p, 'profile');
    await p.setViewportSize(DESKTOP);

    await p.goto('/medico/pacientes/novo');
    await p.getByLabel('Nome completo').fill('Maria Aparecida Souza');
    await p.getByLabel('E-mail', { exact: true }).fill('maria@paciente.test');
    await p.getByLabel('CPF', { exact: true }).fill('111.444.777-35');
    await p.getByLabel('Telefone', { exact: true }).fill('(11) 91234-5678');
    await p.getByRole('button', { name: 'Cadastrar e gerar convite' }).click();
    const link = p.getByLabel('Link do convite');
    await link.waitFor();
    patientInvite = await link.inputValue();
    expect(patientInvite).toContain('/convite/');

    await p.goto('/medico');
    await p.getByText('Maria Aparecida Souza').first().waitFor();
    await checkScreen(p, 'doctor-dashboard');
    await p.close();
  });

  it('the patient accepts the invite on a phone and sees their dashboard', async () => {
    const p = await page(PHONE);
    await p.goto(patientInvite);
    await p.getByLabel('Senha', { exact: true }).fill('maria-senha-forte');
    await p.getByLabel('Confirmar senha').fill('maria-senha-forte');
    await p.getByRole('button', { name: 'Definir senha e entrar' }).click();
    await p.waitForURL(/\/paciente$/);
    await p.getByText('Helena Duarte').first().waitFor();
    await expect.poll(() => p.locator('img[src*="/photo?v="]').count()).toBeGreaterThan(0);
    await checkScreen(p, 'patient-dashboard');

    // The invite works once.
    await p.goto(patientInvite);
    await p
      .getByText(/já foi usado/)
      .first()
      .waitFor();
    await p.close();
  });

  it('logged no page errors or CSP violations', () => {
    expect(errors).toEqual([]);
  });
});
