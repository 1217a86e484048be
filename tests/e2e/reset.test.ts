import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { billedCall, midLastMonth } from '../helpers/billing';
import { DESKTOP, launchChromium, newContext, watchErrors, checkScreenAtBothWidths } from '../helpers/browser';
import { PASSWORD, createDoctor, createPatient } from '../helpers/factories';
import { ADMIN, startLiveServer } from '../helpers/live-server';
import { chromiumAvailable } from '../helpers/requirements';

const run = chromiumAvailable();

/**
 * The database reset in a real Chromium, on a clinic with a doctor, a patient and a billed call:
 * the admin makes a backup on "Backups", opens the reset from the dashboard's "Zona de perigo",
 * reads the counts, is held back by a wrong phrase and a wrong password, then resets. The doctor,
 * signed in on another browser, is sent to /entrar; only the admin is left; the reset log shows.
 */
describe.runIf(run)('database reset in the browser (admin)', () => {
  let server: Awaited<ReturnType<typeof startLiveServer>>;
  let browser: Browser;
  let p: Page;
  let doctorContext: BrowserContext;
  let doctorPage: Page;
  let backupDir: string;
  let errors: string[] = [];

  beforeAll(async () => {
    backupDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mc-reset-e2e-'));
    server = await startLiveServer({ BACKUP_DIR: backupDir });
    const doctor = await createDoctor(server.db, { name: 'Ana Ribeiro', email: 'ana@clinica.test' });
    const patient = await createPatient(server.db, { name: 'Carla Mendes', doctors: [doctor] });
    await billedCall(server.db, doctor.id, patient.id, midLastMonth(), 30);

    browser = await launchChromium();
    doctorContext = await newContext(browser, server.url, DESKTOP);
    doctorPage = await doctorContext.newPage();
    await doctorPage.goto('/entrar');
    await doctorPage.getByLabel('E-mail', { exact: true }).fill('ana@clinica.test');
    await doctorPage.getByLabel('Senha', { exact: true }).fill(PASSWORD);
    await doctorPage.getByRole('button', { name: 'Entrar' }).click();
    await doctorPage.waitForURL(/\/medico$/);

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
    if (backupDir) fs.rmSync(backupDir, { recursive: true, force: true });
  });

  const checkScreen = (name: string) => checkScreenAtBothWidths(p, name);

  it('the admin makes a backup on "Backups" and sees it listed', async () => {
    await p.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Backups' }).click();
    await p.waitForURL(/\/admin\/backups$/);
    await p.getByRole('heading', { level: 1, name: 'Backups' }).waitFor();
    await p.getByRole('heading', { name: 'Nenhum backup ainda' }).waitFor();
    await p.getByText('Desligado.').waitFor();
    await p.getByRole('button', { name: 'Fazer backup agora' }).click();
    await p.getByText(/^Backup feito e conferido: \d+,\d MB\.$/).waitFor();
    const item = p.locator('.backup-list > li');
    await expect.poll(() => item.count()).toBe(1);
    await item.getByText('Manual').waitFor();
    await item.getByText('Administração').or(item.getByText(/Admin/)).first().waitFor();
    const files = fs.readdirSync(backupDir).filter((f) => f.endsWith('.sqlite'));
    expect(files).toHaveLength(1);
    await item.getByText(files[0]!).waitFor();
    expect(await item.getByRole('link', { name: /^Baixar/ }).getAttribute('href')).toBe(`/api/backups/${files[0]}/download`);
    await item.getByText('Ver quantos registros ele guarda').click();
    await item.getByText('Registros de faturamento').waitFor();
    await p.getByText('O banco de dados nunca foi redefinido.').waitFor();
    await checkScreen('backups');
  });

  it('the dashboard\u2019s "Zona de perigo" leads to the reset, which says what goes and what stays', async () => {
    await p.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Início' }).click();
    const zone = p.getByRole('region', { name: 'Zona de perigo' });
    await zone.waitFor();
    await checkScreen('dashboard-danger-zone');
    await zone.getByRole('link', { name: 'Redefinir banco de dados' }).click();
    await p.waitForURL(/\/admin\/redefinir$/);
    await p.getByRole('heading', { level: 1, name: 'Redefinir banco de dados' }).waitFor();
    const erase = p.getByRole('region', { name: 'O que será apagado' });
    for (const line of ['1 médico', '1 paciente', '2 contas de acesso (médicos e pacientes)', '1 consulta', '1 registro de faturamento', '0 pagamentos']) {
      await erase.getByText(line, { exact: true }).waitFor();
    }
    await p
      .getByRole('region', { name: 'O que fica' })
      .getByText(/^1 conta de administração/)
      .waitFor();
    await p.getByText('nada é apagado').waitFor();
    await checkScreen('reset');
  });

  it('a wrong phrase keeps the button off; a wrong password is said beside the field', async () => {
    const button = p.getByRole('button', { name: 'Redefinir banco de dados' });
    await p.getByLabel('Sua senha').fill(ADMIN.password);
    await p.getByLabel('Digite REDEFINIR para confirmar').fill('redefinir');
    expect(await button.isDisabled()).toBe(true);
    await p.getByLabel('Digite REDEFINIR para confirmar').fill('REDEFINI');
    expect(await button.isDisabled()).toBe(true);
    await p.getByLabel('Digite REDEFINIR para confirmar').fill('REDEFINIR');
    await p.getByLabel('Sua senha').fill('senha-errada-123');
    await expect.poll(() => button.isDisabled()).toBe(false);
    await button.click();
    const password = p.getByLabel('Sua senha');
    await expect.poll(() => password.getAttribute('aria-invalid')).toBe('true');
    const described = (await password.getAttribute('aria-describedby')) ?? '';
    const message = await p.evaluate(
      (ids) =>
        ids
          .split(' ')
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' '),
      described,
    );
    expect(message).toMatch(/senha/i);
    expect(await server.db.selectFrom('users').select('id').execute()).toHaveLength(3);
    expect(fs.readdirSync(backupDir).filter((f) => f.endsWith('.sqlite'))).toHaveLength(1);
  });

  it('REDEFINIR and the right password: the result names the backup, only the admin is left, the doctor is signed out', async () => {
    await p.getByLabel('Sua senha').fill(ADMIN.password);
    await p.getByRole('button', { name: 'Redefinir banco de dados' }).click();
    const result = p.getByRole('region', { name: 'Banco de dados redefinido' });
    await result.waitFor({ timeout: 30_000 });
    const made = fs.readdirSync(backupDir).filter((f) => f.endsWith('.sqlite'));
    expect(made).toHaveLength(2);
    const log = await server.db.selectFrom('reset_log').selectAll().executeTakeFirstOrThrow();
    expect(log.status).toBe('done');
    await result.getByText(log.backup_name!).waitFor();
    await result.getByText(log.backup_sha256!).waitFor();
    await result.getByText(backupDir).waitFor();
    const users = await server.db.selectFrom('users').select(['email', 'role']).execute();
    expect(users).toEqual([{ email: ADMIN.email, role: 'admin' }]);
    expect(await server.db.selectFrom('billing_records').select('id').execute()).toHaveLength(0);
    expect(await server.db.selectFrom('consultations').select('id').execute()).toHaveLength(0);

    // The doctor's open page: her socket is ended with the session; her next request finds it gone.
    expect(await doctorPage.evaluate(() => document.documentElement.dataset.connection)).not.toBe('online');
    // Either the page already heard (the socket's end sends it to the login page) or its next request finds out;
    // the page can leave for /entrar between any check and the click, so a click that finds no link is fine.
    await doctorPage
      .getByRole('navigation', { name: 'Principal' })
      .getByRole('link', { name: 'Pacientes' })
      .click({ timeout: 3_000 })
      .catch(() => undefined);
    await doctorPage.waitForURL(/\/entrar/, { timeout: 15_000 });
    await doctorPage.getByRole('button', { name: 'Entrar' }).waitFor();

    // The admin stays signed in and the app forgot the old figures.
    await p.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Início' }).waitFor();
    await checkScreen('reset-done');
  });

  it('the reset log shows on "Backups": who, what was erased, which backup', async () => {
    await p.getByRole('link', { name: 'Ver backups' }).click();
    await p.waitForURL(/\/admin\/backups$/);
    const log = p.getByRole('region', { name: 'Redefinições do banco' });
    await log.getByText('Concluída').waitFor();
    await log
      .getByText(/^Por Administra|^Por /)
      .first()
      .waitFor();
    const row = await server.db.selectFrom('reset_log').select(['backup_name']).executeTakeFirstOrThrow();
    await log.getByText(row.backup_name!).waitFor();
    await log.getByText(/^Apagados: \d+ registros$/).click();
    await log.getByText('Registros de faturamento').waitFor();
    await expect.poll(() => p.locator('.backup-list > li').count()).toBe(2);
    await p.locator('.backup-list > li').first().getByText('Antes da redefinição').waitFor();
    await checkScreen('backups-after-reset');
  });

  it('deleting a backup asks first, then removes the file', async () => {
    const manual = p.locator('.backup-list > li').filter({ hasText: 'Manual' });
    const name = (await manual.locator('.backup-file code').innerText()).trim();
    await manual.getByRole('button', { name: /^Apagar/ }).click();
    const dialog = p.getByRole('dialog', { name: 'Apagar este backup?' });
    await dialog.getByText('não pode ser recuperado').waitFor();
    await dialog.getByRole('button', { name: 'Manter' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(fs.existsSync(path.join(backupDir, name))).toBe(true);
    await manual.getByRole('button', { name: /^Apagar/ }).click();
    await dialog.getByRole('button', { name: 'Apagar backup' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await p.getByText(/^Backup de .* apagado\.$/).waitFor();
    await expect.poll(() => p.locator('.backup-list > li').count()).toBe(1);
    expect(fs.existsSync(path.join(backupDir, name))).toBe(false);
    expect(errors).toEqual([]);
  });
});
