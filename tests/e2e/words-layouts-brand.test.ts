import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { billedCall } from '../helpers/billing';
import {
  DESKTOP,
  PHONE,
  checkScreenAtBothWidths,
  expectAccessible,
  expectNoHorizontalOverflow,
  launchChromium,
  newContext,
  screenshot,
  watchErrors,
} from '../helpers/browser';
import { PASSWORD, createDoctor, createPatient } from '../helpers/factories';
import { ADMIN, startLiveServer } from '../helpers/live-server';
import { chromiumAvailable } from '../helpers/requirements';

const run = chromiumAvailable();

/** "30/11/2026 às 00:44": the one way the app writes a moment. */
const MOMENT = /\d{2}\/\d{2}\/\d{4} às \d{2}:\d{2}/;

/**
 * Issue 12, items 11, 12, 14 and 15 in a real Chromium: plain words (patients read "consulta",
 * empty fields say "Informe …", the admin's forms speak of the doctor), phone layouts (visit rows
 * stack below 480 px, the header avatar is not underlined, the users list has column headers),
 * a doctor linked by the admin shows in the patient's "Quem viu meus dados" and in the admin's
 * log, and the brand is on every page: the cold first load, full-page loaders and the call stage.
 */
describe.runIf(run)('words, phone layouts, record access and the brand', () => {
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
    expect(errors).toEqual([]);
  });

  /** A context signed in as `email` (camera and microphone allowed, for the call stage). */
  async function signedIn(email: string, password = PASSWORD, viewport = DESKTOP): Promise<{ page: Page; context: BrowserContext }> {
    const context = await newContext(browser, server.url, viewport);
    await context.grantPermissions(['camera', 'microphone'], { origin: server.url });
    const res = await context.request.post('/api/auth/login', { data: { email, password }, headers: { origin: server.url } });
    expect(res.status(), await res.text()).toBe(200);
    const page = await context.newPage();
    const pageErrors = watchErrors(page);
    page.on('close', () => errors.push(...pageErrors));
    return { page, context };
  }

  const longDoctor = 'Dra. Maria Eduarda Figueiredo de Albuquerque Cavalcanti';
  const longPatient = 'João Carlos Nascimento Pereira da Silva Albuquerque';

  it('shows the patient and the admin that the admin gave a doctor access to the record', async () => {
    const { page: admin, context } = await signedIn(ADMIN.email, ADMIN.password);
    // Nothing logged yet: the empty state says so, not "nothing matches these filters".
    await admin.goto('/admin/acessos');
    await admin.getByRole('heading', { name: 'Nenhum acesso registrado ainda' }).waitFor();
    expect(await admin.getByText('Nenhum acesso corresponde a esses filtros.').count()).toBe(0);
    // Short page: the footer waits below the fold, so content arriving cannot push it (CLS).
    for (const viewport of [DESKTOP, PHONE]) {
      await admin.setViewportSize(viewport);
      const footerTop = await admin.getByRole('contentinfo').evaluate((f) => f.getBoundingClientRect().top + window.scrollY);
      expect(footerTop, `footer below the fold at ${viewport.width} px`).toBeGreaterThanOrEqual(viewport.height - 1);
    }
    await admin.setViewportSize(DESKTOP);
    await admin.getByLabel('Tipo de acesso').selectOption({ label: 'Médico passou a ter acesso' });
    await admin.getByText('Nenhum acesso corresponde a esses filtros.').waitFor();

    await createDoctor(server.db, { name: 'Dra. Helena Duarte' });
    const maria = await createPatient(server.db, { name: 'Maria Aparecida Souza' });
    await admin.goto(`/admin/usuarios/${maria.id}`);
    await admin.getByRole('checkbox', { name: /Dra\. Helena Duarte/ }).check();
    await admin.getByRole('button', { name: 'Salvar' }).click();
    await admin.getByText('Alterações salvas').waitFor();

    await admin.goto('/admin/acessos');
    const row = admin.getByRole('row', { name: /Dra\. Helena Duarte passou a ter acesso ao prontuário/ });
    await row.waitFor();
    expect(await row.getByRole('cell').first().textContent()).toMatch(new RegExp(`^${MOMENT.source}$`));
    expect(await row.textContent()).toContain('Maria Aparecida Souza');
    await checkScreenAtBothWidths(admin, 'access-log-admin-grant');
    await context.close();

    const { page: patient, context: patientContext } = await signedIn(maria.email, PASSWORD, PHONE);
    await patient.goto('/paciente/acessos');
    const sentence = patient.getByText(/^Dra\. Helena Duarte passou a ter acesso ao seu prontuário \(por Administração, em /);
    await sentence.waitFor();
    expect(await sentence.textContent()).toMatch(new RegExp(`\\(por Administração, em ${MOMENT.source}\\)$`));
    await checkScreenAtBothWidths(patient, 'access-log-patient-grant');
    await patientContext.close();
  });

  it("admin forms ask for empty fields with 'Informe …' and speak of the doctor; the users list has column headers", async () => {
    const { page, context } = await signedIn(ADMIN.email, ADMIN.password);
    await page.goto('/admin/usuarios/novo');
    await page.getByRole('radio', { name: /Médico/ }).check();
    await page.getByText('Para onde a clínica envia o repasse mensal do médico.').waitFor();
    expect(await page.getByText(/seu repasse/).count()).toBe(0);
    await page.getByRole('button', { name: 'Criar conta e gerar convite' }).click();
    await page.getByText('Informe o e-mail.').first().waitFor();
    await page.getByText('Informe o número do CRM.').first().waitFor();
    expect(
      await page
        .locator('form')
        .getByText(/inválid/i)
        .count(),
    ).toBe(0);
    await checkScreenAtBothWidths(page, 'new-doctor-empty-fields');

    await page.goto('/admin/usuarios');
    const table = page.getByRole('table', { name: 'Usuários da clínica' });
    await table.getByRole('row', { name: /Dra\. Helena Duarte/ }).waitFor();
    expect(await table.getByRole('columnheader').allTextContents()).toEqual(['Nome', 'Perfil', 'Situação', 'Cadastrado em']);
    await checkScreenAtBothWidths(page, 'users-table');

    // The initials in the phone header are not underlined by the link around them.
    await page.setViewportSize(PHONE);
    const avatarLink = page.getByRole('banner').locator('a[href="/perfil"]').first();
    expect(await avatarLink.evaluate((a) => getComputedStyle(a).textDecorationLine)).toBe('none');
    await context.close();
  });

  /** Each finished visit row: name on at most two lines, the duration and badge below the date. */
  async function expectStackedVisitRows(page: Page, label: string): Promise<void> {
    const rows = await page.locator('.room-item-closed').evaluateAll((items) =>
      items.map((li) => {
        const name = li.querySelector('.room-item-name')?.getBoundingClientRect();
        const meta = li.querySelector('.room-item-meta')!.getBoundingClientRect();
        const end = li.querySelector('.room-item-end')!.getBoundingClientRect();
        const lineHeight = name ? parseFloat(getComputedStyle(li.querySelector('.room-item-name')!).lineHeight) : 0;
        return {
          nameLines: name ? Math.round(name.height / lineHeight) : 0,
          metaBottom: meta.bottom,
          endTop: end.top,
          date: li.querySelector('.room-item-meta')!.textContent ?? '',
        };
      }),
    );
    expect(rows.length, `${label}: visit rows`).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.nameLines, `${label}: name lines`).toBeLessThanOrEqual(2);
      expect(r.endTop, `${label}: duration and badge below the date`).toBeGreaterThanOrEqual(r.metaBottom - 1);
      expect(r.date).toMatch(MOMENT);
    }
  }

  it('stacks visit rows on a phone, for the patient and the doctor, and tells the patient to ask for a new consultation', async () => {
    const doctor = await createDoctor(server.db, { name: longDoctor });
    const patient = await createPatient(server.db, { name: longPatient, doctors: [doctor] });
    await billedCall(server.db, doctor.id, patient.id, new Date(Date.now() - 3 * 86_400_000), 25);
    await billedCall(server.db, doctor.id, patient.id, new Date(Date.now() - 86_400_000), 42);

    const { page: p, context: pc } = await signedIn(patient.email, PASSWORD, PHONE);
    await p.goto('/paciente');
    await p.getByRole('list', { name: 'Consultas anteriores' }).getByText(longDoctor).first().waitFor();
    await expectStackedVisitRows(p, 'patient home');
    await checkScreenAtBothWidths(p, 'patient-home-visits');
    await p.setViewportSize(PHONE);
    await expectStackedVisitRows(p, 'patient home');

    // A finished room, opened again from its link: plain words, no "sala".
    const room = await server.db.selectFrom('rooms').select('code').where('patient_id', '=', patient.id).executeTakeFirstOrThrow();
    await p.goto(`/sala/${room.code}`);
    await p.getByText('Se precisar falar com seu médico de novo, peça uma nova consulta.').waitFor();
    await checkScreenAtBothWidths(p, 'patient-call-ended');
    await pc.close();

    const { page: d, context: dc } = await signedIn(doctor.email, PASSWORD, PHONE);
    await d.goto('/medico/salas');
    await d.locator('.room-item-closed').getByText(longPatient).first().waitFor();
    await expectStackedVisitRows(d, 'doctor rooms');
    await checkScreenAtBothWidths(d, 'doctor-rooms-visits');
    await dc.close();
  });

  it('shows the brand on the cold first load, in full-page loaders, on every page and, quietly, on the call stage', async () => {
    // Before any JavaScript runs: the login page is in its HTML (ADR 014), styled by the CSS in <head>.
    const cold = await newContext(browser, server.url, PHONE);
    const coldPage = await cold.newPage();
    const held: Route[] = [];
    let released = false;
    await coldPage.route('**/assets/*.js', (route) => (released ? void route.continue() : void held.push(route)));
    await coldPage.goto('/entrar', { waitUntil: 'commit' });
    await coldPage.locator('.auth-brand .brand-name').waitFor();
    expect(await coldPage.getByRole('heading', { level: 1 }).textContent()).toBe('Entrar');
    expect(await coldPage.locator('.auth-brand-text').textContent()).toContain('Consultas no navegador');
    expect(await coldPage.getByRole('contentinfo').textContent()).toContain('Telemedicina simples e segura');
    // Its form waits for the app: nothing typed is lost, nothing is sent without it.
    expect(await coldPage.locator('form[inert]').count()).toBe(1);
    for (const [label, viewport] of [
      ['phone', PHONE],
      ['desktop', DESKTOP],
    ] as const) {
      await coldPage.setViewportSize(viewport);
      await expectNoHorizontalOverflow(coldPage, `cold first load ${label}`);
      await expectAccessible(coldPage, `cold first load ${label}`);
      await screenshot(coldPage, `cold-first-load-${label}`);
    }
    released = true;
    for (const route of held) await route.continue();
    await coldPage.locator('form:not([inert])').getByRole('button', { name: 'Entrar' }).waitFor();
    // A page without HTML of its own: the brand loader of index.html until the app draws it.
    held.length = 0;
    released = false;
    await coldPage.goto('/termos', { waitUntil: 'commit' });
    await coldPage.locator('.page-loader .brand-name').waitFor();
    expect(await coldPage.getByRole('status').textContent()).toContain('Carregando…');
    expect(await coldPage.getByRole('contentinfo').textContent()).toContain('Telemedicina simples e segura');
    await expectAccessible(coldPage, 'cold first load, brand loader');
    released = true;
    for (const route of held) await route.continue();
    await coldPage.getByRole('heading', { level: 1 }).waitFor();
    await cold.close();

    const doctor = await createDoctor(server.db, { name: 'Dr. Paulo Mendes' });
    const patient = await createPatient(server.db, { name: 'Ana Beatriz Lima', doctors: [doctor] });

    // A full-page loader while the session is checked: brand, message and footer. On a page whose
    // HTML does not carry the session already (the homes' does: ADR 027).
    const { page: p, context: pc } = await signedIn(patient.email);
    let releaseMe: () => void = () => undefined;
    const meHeld = new Promise<void>((resolve) => (releaseMe = resolve));
    await p.route('**/api/auth/me', async (route) => {
      await meHeld;
      await route.continue();
    });
    await p.goto('/paciente/historico');
    await p.locator('.page-loader .brand').waitFor();
    expect(await p.getByRole('contentinfo').textContent()).toContain('MedConnect');
    await expectAccessible(p, 'page loader');
    await screenshot(p, 'page-loader-desktop');
    releaseMe();
    await p.getByRole('heading', { level: 1 }).waitFor();

    for (const path of ['/paciente', '/paciente/historico', '/paciente/acessos', '/perfil', '/termos', '/privacidade']) {
      await p.goto(path);
      await p.getByRole('heading', { level: 1 }).first().waitFor();
      expect(await p.getByRole('contentinfo').filter({ hasText: 'MedConnect' }).count(), path).toBeGreaterThan(0);
    }
    await pc.close();

    // The call stage: one small line under the controls; its links open a new tab.
    const create = await (
      await signedIn(doctor.email)
    ).context.request.post('/api/rooms', { data: { patientId: patient.id }, headers: { origin: server.url } });
    expect(create.status(), await create.text()).toBe(201);
    const { code } = (await create.json()) as { code: string };
    const { page: d, context: dc } = await signedIn(doctor.email);
    await d.goto(`/sala/${code}`);
    await d.getByRole('button', { name: 'Entrar na consulta' }).click();
    const line = d.locator('.call-stage .brand-line');
    await line.waitFor();
    expect(await line.textContent()).toContain('MedConnect');
    expect(await line.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('target')))).toEqual(['_blank', '_blank']);
    await checkScreenAtBothWidths(d, 'call-stage-brand');
    // It stays out of the way: on a phone it is one short line.
    await d.setViewportSize(PHONE);
    expect(await line.evaluate((el) => el.getBoundingClientRect().height)).toBeLessThanOrEqual(28);
    await dc.close();
  });
});
