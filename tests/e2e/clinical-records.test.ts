import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, expectAccessible, launchChromium, newContext, screenshot, watchErrors } from '../helpers/browser';
import { type CallPage, expectFramesGrowing, signedInCallPage, openRoomForCall, waitSaved } from '../helpers/call-pages';
import { PASSWORD, createAdmin, createDoctor, createPatient } from '../helpers/factories';
import { type LiveServer, startLiveServer } from '../helpers/live-server';
import { chromiumAvailable } from '../helpers/requirements';

const run = chromiumAvailable();

// Clinical text is shown as text: this must appear literally and never run.
const SCRIPT_NOTE = '<img src=x onerror="window.__xss=1">';

/**
 * The medical record written where the doctor works: during a real video call the doctor writes
 * an evolution with a diagnosis and a prescription, reloads the page and finds the draft, signs
 * it; the patient reads it in their history; the doctor adds an addendum; the printable
 * prescription carries the CRM/UF; the access log shows who opened what.
 */
describe.runIf(run)('clinical records', () => {
  let server: LiveServer;
  let browser: Browser;
  let doctor: CallPage;
  let patient: CallPage;
  let code = '';
  let crm = '';
  let doctorName = '';
  let evolutionPath = '';
  const extraErrors: string[] = [];

  beforeAll(async () => {
    server = await startLiveServer();
    browser = await launchChromium();
    const d = await createDoctor(server.db, { name: 'Helena Duarte' });
    const p = await createPatient(server.db, { name: 'Maria Souza', doctors: [d] });
    doctorName = d.name;
    const profile = await server.db.selectFrom('doctor_profiles').select(['crm_number', 'crm_uf']).where('user_id', '=', d.id).executeTakeFirstOrThrow();
    crm = `CRM/${profile.crm_uf} ${profile.crm_number}`;
    doctor = await signedInCallPage(browser, server.url, d.email, DESKTOP);
    patient = await signedInCallPage(browser, server.url, p.email, PHONE);
    code = await openRoomForCall(doctor, patient, server.url, p.id, 'Febre e tosse');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function shot(page: Page, name: string): Promise<void> {
    await expectAccessible(page, name);
    await screenshot(page, name);
  }

  /** The doctor (re)enters the room; a patient already admitted is back in the call at once. */
  async function doctorEnters(): Promise<void> {
    const d = doctor.page;
    await d.goto(`/sala/${code}`);
    await d.getByRole('button', { name: 'Entrar na consulta', exact: true }).click();
  }

  async function openPanel(): Promise<void> {
    const tab = doctor.page.getByRole('tab', { name: 'Anotações' });
    if (!(await tab.isVisible())) await doctor.page.getByRole('button', { name: 'Conversa' }).click();
  }

  async function notesTab(): Promise<void> {
    const tab = doctor.page.getByRole('tab', { name: 'Anotações' });
    await tab.waitFor();
    if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
    await doctor.page.getByLabel('Anotações livres').waitFor();
  }

  it('during the call the doctor writes a draft with a diagnosis and a prescription; it survives a reload', async () => {
    await patient.page.goto(`/sala/${code}`);
    await patient.page.getByRole('button', { name: 'Entrar na consulta', exact: true }).click();
    await patient.page
      .getByText(/Aguardando/)
      .first()
      .waitFor();
    await doctorEnters();
    await doctor.page.getByRole('button', { name: 'Deixar entrar' }).click();
    await expectFramesGrowing(doctor.page, 'doctor');

    const d = doctor.page;
    await notesTab();
    await d.getByLabel('Anotações livres').fill(`Paciente relata febre há 2 dias e tosse seca. ${SCRIPT_NOTE}`);
    await d.getByRole('button', { name: 'Adicionar diagnóstico' }).click();
    await d.getByLabel('CID-10 do diagnóstico 1').fill('j069');
    await d.getByLabel('Descrição do diagnóstico 1').fill('Resfriado comum');
    await d.getByRole('button', { name: 'Adicionar medicamento' }).click();
    await d.getByLabel('Medicamento do item 1').fill('Dipirona 500 mg');
    await d.getByLabel('Dose do item 1').fill('1 comprimido');
    await d.getByLabel('Via do item 1').fill('Oral');
    await d.getByLabel('Frequência do item 1').fill('De 6 em 6 horas');
    await d.getByLabel('Duração do item 1').fill('3 dias');
    await d.getByLabel('Instruções do item 1').fill('Se febre acima de 38 °C.');
    await waitSaved(d);
    await shot(d, 'call-doctor-notes-desktop');

    await d.reload();
    await doctor.page.getByRole('button', { name: 'Entrar na consulta', exact: true }).click();
    await expectFramesGrowing(d, 'doctor after reload');
    await notesTab();
    await expect.poll(() => d.getByLabel('Anotações livres').inputValue()).toContain('febre há 2 dias');
    expect(await d.getByLabel('CID-10 do diagnóstico 1').inputValue()).toBe('J06.9');
    expect(await d.getByLabel('Medicamento do item 1').inputValue()).toBe('Dipirona 500 mg');
    expect(await d.getByLabel('Frequência do item 1').inputValue()).toBe('De 6 em 6 horas');

    // On a phone the notes live in the bottom sheet, behind the "Conversa" button.
    await d.setViewportSize(PHONE);
    await openPanel();
    await notesTab();
    await shot(d, 'call-doctor-notes-phone');
    await d.setViewportSize(DESKTOP);
    await openPanel();
    await notesTab();
  });

  it('the doctor signs the evolution in the call; it is final and linked to the consultation', async () => {
    const d = doctor.page;
    await d.getByRole('button', { name: 'Assinar evolução' }).click();
    await d.getByRole('button', { name: 'Sim, assinar' }).click();
    const link = d.getByRole('link', { name: 'Ver evolução' });
    await link.waitFor();
    evolutionPath = new URL((await link.getAttribute('href'))!, server.url).pathname;

    const rows = await server.db
      .selectFrom('evolutions')
      .innerJoin('rooms', 'rooms.id', 'evolutions.room_id')
      .select(['evolutions.status', 'evolutions.content_hash', 'evolutions.notes'])
      .where('rooms.code', '=', code)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.status).toBe('final');
    expect(rows[0]!.content_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]!.notes).toContain(SCRIPT_NOTE);
  });

  it('the patient reads it in their history, with the note shown as text', async () => {
    const p = patient.page;
    await p.goto('/paciente/historico');
    await p.getByText('Resfriado comum').first().waitFor();
    await p.getByText('Dipirona 500 mg').first().waitFor();
    await p.getByText(SCRIPT_NOTE, { exact: false }).first().waitFor();
    expect(await p.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await p.locator('img[src="x"]').count()).toBe(0);
    await shot(p, 'patient-history-phone');
  });

  it('the doctor adds an addendum, and the printable prescription carries the CRM/UF', async () => {
    const d = await doctor.context.newPage();
    const errors = watchErrors(d);
    await d.goto(evolutionPath);
    await d.getByRole('button', { name: 'Adicionar adendo' }).click();
    await d.getByLabel('Anotações livres').fill('Corrigindo: a febre começou há 3 dias.');
    await waitSaved(d);
    await d.getByRole('button', { name: 'Assinar adendo' }).click();
    await d.getByRole('button', { name: 'Sim, assinar' }).click();
    await d.goto(evolutionPath);
    await d.getByText('Corrigindo: a febre começou há 3 dias.').first().waitFor();
    await d
      .getByText(/Adendo de/)
      .first()
      .waitFor();
    await shot(d, 'evolution-final-desktop');

    await d.getByRole('link', { name: 'Imprimir receita' }).first().click();
    await d.waitForURL(/\/documentos\//);
    await d.getByText(crm).first().waitFor();
    await d.getByText('Maria Souza').first().waitFor();
    await d.getByText('Dipirona 500 mg').first().waitFor();
    // The correction travels with the printed prescription.
    await d.getByText('Corrigindo: a febre começou há 3 dias.').first().waitFor();
    await d.getByRole('button', { name: 'Imprimir' }).waitFor();
    await shot(d, 'prescription-desktop');
    extraErrors.push(...errors);
    await d.close();

    const finals = await server.db.selectFrom('evolutions').select(['kind', 'amends_id']).where('status', '=', 'final').execute();
    expect(finals.filter((e) => e.kind === 'addendum')).toHaveLength(1);
    expect(finals.find((e) => e.kind === 'addendum')!.amends_id).toBeTruthy();
  });

  it('a draft started from the patient page can be discarded; its row is kept as discarded', async () => {
    const d = await doctor.context.newPage();
    const errors = watchErrors(d);
    await d.goto(evolutionPath.replace(/\/evolucoes\/.*$/, ''));
    await d.getByRole('button', { name: 'Nova evolução' }).click();
    await d.waitForURL(/\/evolucoes\//);
    const id = new URL(d.url()).pathname.split('/').pop()!;
    await d.getByLabel('Anotações livres').fill('Rascunho que não vale.');
    await waitSaved(d);
    await d.getByRole('button', { name: 'Descartar rascunho' }).click();
    await d.getByRole('button', { name: 'Sim, descartar' }).click();
    await expect
      .poll(async () => (await server.db.selectFrom('evolutions').select('status').where('id', '=', id).executeTakeFirst())?.status, { timeout: 10_000 })
      .toBe('discarded');
    extraErrors.push(...errors);
    await d.close();
  });

  it('the patient sees who opened their record; the admin filters the access log', async () => {
    const p = patient.page;
    await p.goto('/paciente/acessos');
    await p.getByText(new RegExp(doctorName)).first().waitFor();
    await shot(p, 'patient-access-log-phone');

    const admin = await createAdmin(server.db);
    const context = await newContext(browser, server.url, DESKTOP);
    const res = await context.request.post('/api/auth/login', { data: { email: admin.email, password: PASSWORD }, headers: { origin: server.url } });
    expect(res.status()).toBe(200);
    const a = await context.newPage();
    const errors = watchErrors(a);
    await a.goto('/admin/acessos');
    const table = a.getByRole('table');
    await table.getByText('Abriu o próprio histórico').first().waitFor();
    await table.getByText('Maria Souza').first().waitFor();
    await a.getByLabel('Tipo de acesso').selectOption({ value: 'document.view' });
    await expect.poll(() => table.getByText('Abriu o próprio histórico').count()).toBe(0);
    await table.getByText('Abriu um documento para imprimir').first().waitFor();
    // A name search narrows the people lists (they hold 100 at most) and keeps the choice.
    await a.getByLabel('Buscar pelo nome').fill('Maria');
    await expect.poll(() => a.getByLabel('Paciente', { exact: true }).locator('option').allTextContents()).toEqual(['Todos', 'Maria Souza']);
    await a.getByLabel('Paciente', { exact: true }).selectOption({ label: 'Maria Souza' });
    await a.getByLabel('Buscar pelo nome').fill('zzz');
    await expect.poll(() => a.getByLabel('Paciente', { exact: true }).inputValue()).not.toBe('');
    await table.getByText('Maria Souza').first().waitFor();
    await shot(a, 'admin-access-log-desktop');
    extraErrors.push(...errors);
    await context.close();
  });

  it('logged no page errors or CSP violations', () => {
    expect([...doctor.errors, ...patient.errors, ...extraErrors]).toEqual([]);
  });
});
