import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, expectAccessible, launchChromium, screenshot } from '../helpers/browser';
import { type CallPage, expectFramesGrowing, framesDecoded, signedInCallPage } from '../helpers/call-pages';
import { createDoctor, createPatient } from '../helpers/factories';
import { type LiveServer, startLiveServer } from '../helpers/live-server';
import { chromiumAvailable } from '../helpers/requirements';

const run = chromiumAvailable();

/**
 * A whole consultation between two Chromium contexts with fake camera and microphone: the patient
 * consents, checks devices and waits; the doctor admits; both decode video; mute and chat reach
 * the other side; the server restarts mid-call and the call goes on; the doctor finalizes; the
 * patient sees the end and cannot re-enter; exactly one consultation is recorded.
 */
describe.runIf(run)('video consultation', () => {
  let server: LiveServer;
  let browser: Browser;
  let doctor: CallPage;
  let patient: CallPage;
  let code = '';

  beforeAll(async () => {
    server = await startLiveServer();
    browser = await launchChromium();
    const d = await createDoctor(server.db, { name: 'Helena Duarte' });
    const p = await createPatient(server.db, { name: 'Maria Souza', doctors: [d] });
    doctor = await signedInCallPage(browser, server.url, d.email, DESKTOP);
    patient = await signedInCallPage(browser, server.url, p.email, PHONE);
    const res = await doctor.context.request.post('/api/rooms', { data: { patientId: p.id, reason: 'Retorno' }, headers: { origin: server.url } });
    expect(res.status()).toBe(201);
    code = ((await res.json()) as { code: string }).code;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** The chat shows beside the video on a desktop and behind the "Conversa" button on a phone. */
  async function openChat(page: Page): Promise<void> {
    const input = page.getByLabel('Mensagem', { exact: true });
    if (!(await input.isVisible())) await page.getByRole('button', { name: 'Conversa' }).click();
    await input.waitFor();
  }

  async function shot(page: Page, name: string): Promise<void> {
    await expectAccessible(page, name);
    await screenshot(page, name);
  }

  it('the patient consents, checks the devices and waits', async () => {
    const p = patient.page;
    await p.goto('/paciente');
    await p
      .getByRole('link', { name: /Entrar na consulta/ })
      .or(p.getByRole('button', { name: /Entrar na consulta/ }))
      .first()
      .click();
    await p.waitForURL(new RegExp(`/sala/${code}$`));
    await p.getByLabel('Li e concordo com o termo').check();
    await p.getByRole('button', { name: 'Aceitar e continuar' }).click();
    await p.locator('video[data-testid="local-video"]').first().waitFor();
    await shot(p, 'call-precheck-phone');
    await p.getByRole('button', { name: 'Entrar na consulta', exact: true }).click();
    await p
      .getByText(/Aguardando/)
      .first()
      .waitFor();
    await shot(p, 'call-waiting-phone');
  });

  it('the doctor is told the patient is waiting, admits her, and both see each other', async () => {
    const d = doctor.page;
    await d.goto(`/sala/${code}`);
    await d.getByRole('button', { name: 'Entrar na consulta', exact: true }).click();
    await d
      .getByText(/Maria.*sala de espera/)
      .first()
      .waitFor();
    await d.getByRole('button', { name: 'Deixar entrar' }).click();
    await expectFramesGrowing(d, 'doctor');
    await expectFramesGrowing(patient.page, 'patient');
    await shot(d, 'call-doctor-desktop');
    await shot(patient.page, 'call-patient-phone');
  });

  it('mute is seen by the other side and chat messages arrive', async () => {
    const mic = patient.page.getByRole('button', { name: 'Microfone' });
    await expect.poll(() => mic.getAttribute('aria-pressed')).toBe('true');
    await mic.click();
    await expect.poll(() => mic.getAttribute('aria-pressed')).toBe('false');
    await doctor.page.getByText('Microfone desligado').first().waitFor();

    await openChat(doctor.page);
    await doctor.page.getByLabel('Mensagem', { exact: true }).fill('Olá, Maria! Está me ouvindo bem?');
    await doctor.page.getByRole('button', { name: 'Enviar' }).click();
    await openChat(patient.page);
    await patient.page.getByText('Olá, Maria! Está me ouvindo bem?').first().waitFor();
  });

  it('survives a server restart: media keeps flowing and signaling comes back', async () => {
    const before = await framesDecoded(patient.page);
    await server.restart();
    await expectFramesGrowing(patient.page, 'patient after restart');
    await expectFramesGrowing(doctor.page, 'doctor after restart');
    expect(await framesDecoded(patient.page)).toBeGreaterThan(before);
    // Signaling is back: a chat message goes through the new server.
    await openChat(patient.page);
    await patient.page.getByLabel('Mensagem', { exact: true }).fill('Voltou, doutora!');
    await patient.page.getByRole('button', { name: 'Enviar' }).click();
    await doctor.page.getByText('Voltou, doutora!').first().waitFor({ timeout: 20_000 });
  });

  it('the doctor finalizes; the patient sees the end and cannot re-enter; one consultation is recorded', async () => {
    await doctor.page.getByRole('button', { name: 'Finalizar consulta' }).click();
    await doctor.page.getByRole('button', { name: 'Sim, finalizar' }).click();
    await patient.page.getByText('A consulta foi encerrada.').first().waitFor();
    await shot(patient.page, 'call-ended-phone');

    await patient.page.goto(`/sala/${code}`);
    await patient.page.getByText('A consulta foi encerrada.').first().waitFor();
    await expect.poll(() => patient.page.getByRole('button', { name: 'Entrar na consulta', exact: true }).count()).toBe(0);

    const rows = await server.db
      .selectFrom('consultations')
      .innerJoin('rooms', 'rooms.id', 'consultations.room_id')
      .select(['consultations.started_at', 'consultations.ended_at', 'consultations.duration_seconds', 'rooms.status'])
      .where('rooms.code', '=', code)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.status).toBe('finished');
    expect(rows[0]!.ended_at).toBeTruthy();
    expect(rows[0]!.duration_seconds).toBeGreaterThanOrEqual(1);
  });

  it('logged no page errors or CSP violations', () => {
    // While the server restarts, Chromium logs the refused reconnection attempts; those are expected.
    const refused = /ERR_CONNECTION_REFUSED/;
    expect([...doctor.errors, ...patient.errors].filter((e) => !refused.test(e))).toEqual([]);
  });
});
