import type { Browser, Locator, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserRow } from '#server/db/types.ts';
import { DESKTOP, PHONE, checkScreenAtBothWidths, launchChromium, newContext, watchErrors } from '../helpers/browser';
import { type CallPage, signedInCallPage, openRoomForCall } from '../helpers/call-pages';
import { PASSWORD, createDoctor, createPatient } from '../helpers/factories';
import { type LiveServer, startLiveServer } from '../helpers/live-server';
import { chromiumAvailable } from '../helpers/requirements';
import { pastVisit } from '../helpers/visits';

const run = chromiumAvailable();

/** Counts the oscillators the page starts: the chime is two of them. */
const COUNT_CHIMES = `(() => {
  window.__tones = 0;
  const original = AudioContext.prototype.createOscillator;
  AudioContext.prototype.createOscillator = function () { window.__tones++; return original.call(this); };
})();`;

const tones = (page: Page) => page.evaluate(() => (window as unknown as { __tones: number }).__tones);

/**
 * The doctor's day (issue 12, items 2–4): a home that runs it ("Nova consulta", today's
 * consultations with who is waiting, evolutions to sign, earnings, the profile as a quiet tip), a
 * titled name greeted by first name, and a patient in the waiting room reaching the doctor on
 * any page — banner, chime and tab title — from the server's list on load and from live notices.
 */
describe.runIf(run)('the doctor’s day', () => {
  let server: LiveServer;
  let browser: Browser;
  let doctorUser: UserRow;
  let jose: UserRow;
  let doctor: CallPage;
  let patient: CallPage;
  let code = '';
  let draftId = '';
  const extraErrors: string[][] = [];

  beforeAll(async () => {
    server = await startLiveServer();
    browser = await launchChromium();
    doctorUser = await createDoctor(server.db, { name: 'Dra. Helena Duarte' });
    jose = await createPatient(server.db, { name: 'José da Silva', doctors: [doctorUser] });
    await pastVisit(server.db, doctorUser.id, jose.id, new Date(Date.now() - 7 * 86_400_000));
    draftId = (await pastVisit(server.db, doctorUser.id, jose.id, new Date(Date.now() - 86_400_000), 25, { evolution: 'draft' })).evolutionId ?? '';

    doctor = await signedInCallPage(browser, server.url, doctorUser.email, DESKTOP);
    await doctor.context.addInitScript(COUNT_CHIMES);
    patient = await signedInCallPage(browser, server.url, jose.email, PHONE);
    code = await openRoomForCall(doctor, patient, server.url, jose.id, 'Retorno');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const banner = () => doctor.page.getByRole('status', { name: 'Pacientes na sala de espera' });

  async function patientEntersWaitingRoom(): Promise<void> {
    const p = patient.page;
    await p.goto(`/sala/${code}`);
    await p.getByRole('button', { name: 'Entrar na consulta', exact: true }).click();
    await p.getByRole('heading', { name: /Aguardando a Dra\. Helena Duarte/ }).waitFor();
  }

  it('the home runs her day: "Nova consulta", today’s consultations, evolutions to sign, earnings; the profile is a quiet tip', async () => {
    const d = doctor.page;
    const asked: string[] = [];
    const onRequest = (r: Request) => {
      const url = new URL(r.url());
      if (url.pathname.startsWith('/api/')) asked.push(url.pathname + url.search);
    };
    d.on('request', onRequest);
    await d.goto('/medico');
    // Her title is not her first name, nor her initials.
    await d.getByRole('heading', { level: 1, name: /^(Bom dia|Boa tarde|Boa noite), Helena$/ }).waitFor();
    expect(await d.locator('.shell-user-link .avatar').first().innerText()).toBe('HD');

    const today = d.getByRole('list', { name: 'Consultas de hoje' });
    await today.getByRole('link', { name: 'José da Silva', exact: true }).waitFor();
    await today.getByText('Ainda não entrou').waitFor();
    expect(await today.getByRole('link', { name: /Entrar na consulta com José da Silva/ }).getAttribute('href')).toBe(`/sala/${code}`);

    const drafts = d.getByRole('region', { name: /Evoluções para assinar/ });
    expect(await drafts.getByRole('heading').innerText()).toMatch(/Evoluções para assinar\s*:?\s*1/);
    const draftLink = drafts.getByRole('link', { name: /José da Silva.*Consulta de/ });
    expect(await draftLink.getAttribute('href')).toBe(`/medico/pacientes/${jose.id}/evolucoes/${draftId}`);

    await d.getByRole('heading', { name: 'Meus ganhos deste mês' }).waitFor();
    await d.getByText(/Dica: complete seu perfil \(chave PIX, telefone e foto\)/).waitFor();
    // The page came with its first answers in it (ADR 027): the home drew without asking for them.
    d.off('request', onRequest);
    for (const url of ['/api/auth/me', '/api/dashboard', '/api/me/payments', '/api/rooms?status=open', '/api/evolutions/drafts']) {
      expect(asked, url).not.toContain(url);
    }
    // The old loud warning box is gone; "Nova consulta" is the page's primary action.
    expect(await d.getByText('Complete seu perfil', { exact: true }).count()).toBe(0);
    const newRoom = d.getByRole('button', { name: 'Nova consulta' }).first();
    expect(await newRoom.getAttribute('class')).toMatch(/btn-primary/);
    await checkScreenAtBothWidths(d, 'doctor-home');

    // The draft's link opens it where it can be signed.
    await draftLink.click();
    await d.waitForURL(new RegExp(`/evolucoes/${draftId}$`));
  });

  it('a patient entering the waiting room reaches the doctor on another page: banner, chime, tab title; gone when she leaves', async () => {
    const d = doctor.page;
    await d.goto('/medico/pacientes');
    await d.getByRole('heading', { level: 1, name: 'Pacientes' }).waitFor();
    // Connected and nobody waiting: the live region is there, empty.
    await expect.poll(() => d.evaluate(() => document.documentElement.dataset.connection)).toBe('online');
    expect(await banner().innerText()).toBe('');
    const before = await tones(d);

    await patientEntersWaitingRoom();
    await banner()
      .getByText(/José\s+está na sala de espera/)
      .waitFor();
    const enter = banner().getByRole('link', { name: /Entrar agora/ });
    expect(await enter.getAttribute('href')).toBe(`/sala/${code}`);
    await expect.poll(() => tones(d)).toBeGreaterThan(before);
    await expect.poll(() => d.title()).toMatch(/^José na sala de espera · Pacientes · MedConnect$/);
    await checkScreenAtBothWidths(d, 'waiting-banner');

    // A page loaded now asks the server: the banner is there without any live notice.
    await d.reload();
    await banner()
      .getByText(/José\s+está na sala de espera/)
      .waitFor();
    // The home says it in its list of the day too.
    await d.getByRole('link', { name: 'Início' }).first().click();
    await d.getByRole('list', { name: 'Consultas de hoje' }).getByText('José está na sala de espera').waitFor();
    await d.getByRole('heading', { level: 1, name: /Helena$/ }).waitFor();
    await checkScreenAtBothWidths(d, 'doctor-home-waiting');

    await patient.page.getByRole('button', { name: 'Sair da sala de espera' }).click();
    await expect.poll(() => banner().innerText()).toBe('');
    await expect.poll(() => d.title()).not.toMatch(/sala de espera/);
    await d.getByRole('list', { name: 'Consultas de hoje' }).getByText('Ainda não entrou').waitFor();
    // The rooms list says where the patient is in the same words.
    await patientEntersWaitingRoom();
    await d.goto('/medico/salas');
    await d.getByRole('list', { name: 'Salas abertas' }).getByText('José está na sala de espera').waitFor();
  });

  it('"Entrar agora" takes her into the call: the banner is gone once José is let in', async () => {
    const d = doctor.page;
    await banner()
      .getByRole('link', { name: /Entrar agora/ })
      .click();
    await d.waitForURL(new RegExp(`/sala/${code}$`));
    await d.getByRole('button', { name: 'Entrar na consulta', exact: true }).click();
    await d.getByRole('button', { name: 'Deixar entrar' }).click();
    await d.locator('video[data-testid="remote-video"]').first().waitFor();
    const waiting = await d.context().request.get('/api/rooms/waiting');
    expect(await waiting.json()).toEqual({ items: [] });
  });

  it('from sign-in to a running call: the taps the doctor needs', async () => {
    // A fresh room and a fresh, signed-out tab, on a phone; every click or select is one tap.
    const d = await newContext(browser, server.url, PHONE);
    await d.grantPermissions(['camera', 'microphone'], { origin: server.url });
    const page = await d.newPage();
    extraErrors.push(watchErrors(page));
    let taps = 0;
    const tap = async (target: Locator) => {
      taps++;
      await target.click();
    };

    await page.goto('/entrar');
    await page.getByLabel('E-mail', { exact: true }).fill(doctorUser.email);
    await page.getByLabel('Senha', { exact: true }).fill(PASSWORD);
    await tap(page.getByRole('button', { name: 'Entrar', exact: true }));
    await tap(page.getByRole('button', { name: 'Nova consulta' }).first());
    const dialog = page.getByRole('dialog');
    taps++;
    await dialog.getByLabel('Paciente').selectOption(jose.id);
    await tap(dialog.getByRole('button', { name: 'Abrir sala' }));
    await tap(dialog.getByRole('link', { name: /Entrar na sala/ }));
    await page.waitForURL(/\/sala\/[A-Za-z0-9_-]{22}$/);
    const newCode = page.url().split('/').pop() ?? '';
    await tap(page.getByRole('button', { name: 'Entrar na consulta', exact: true }));

    // The patient follows the new link.
    await patient.page.goto(`/sala/${newCode}`);
    await patient.page.getByRole('button', { name: 'Entrar na consulta', exact: true }).click();
    await tap(page.getByRole('button', { name: 'Deixar entrar' }));
    await page.locator('video[data-testid="remote-video"]').first().waitFor();
    console.info(`doctor taps from sign-in to a running call: ${taps}`);
    expect(taps).toBeLessThanOrEqual(7);
    await d.close();
  });

  it('logged no page errors or CSP violations', () => {
    expect([...doctor.errors, ...patient.errors, ...extraErrors.flat()]).toEqual([]);
  });
});
