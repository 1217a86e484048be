import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths, clinicMonthOf } from '#shared/domain/clinic-month.ts';
import { billedCall, midLastMonth } from '../helpers/billing';
import { clearOfMonthTurn, recentInClinicMonth } from '../helpers/clinic-clock';
import { DESKTOP, PHONE, expectAccessible, expectNoHorizontalOverflow, launchChromium, newContext, screenshot, watchErrors } from '../helpers/browser';
import { PASSWORD, createDoctor, createPatient } from '../helpers/factories';
import { ADMIN, startLiveServer } from '../helpers/live-server';
import { chromiumAvailable } from '../helpers/requirements';

const run = chromiumAvailable();

/** Intl puts a non-breaking space after "R$"; compare what people read. */
const plain = (s: string) => s.replace(/\u00a0/g, ' ');

/** Figures count up (~1 s) after their data arrive. */
const SETTLE = { timeout: 5_000 };

const MONTH_NAMES = ['janeiro', 'fevereiro', 'março', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro'];
const monthNameOf = (month: string) => MONTH_NAMES[Number(month.slice(5)) - 1]!;

// "This month" is the app's at each request: the whole file must run inside one São Paulo month.
if (run) await clearOfMonthTurn(180);

/**
 * "Meus ganhos", the doctor's earnings card and the admin's money cards in a real Chromium, on
 * records billed by the server's own code (default fees: R$ 150,00, 20 % to the clinic, calls
 * under 2 minutes "Em análise"). Two doctors: Ana signs in and must never see Bruno's figures
 * or patients.
 */
describe.runIf(run)('earnings in the browser', () => {
  let server: Awaited<ReturnType<typeof startLiveServer>>;
  let browser: Browser;
  let ana: Page;
  let admin: Page;
  let adminContext: BrowserContext;
  let errors: string[] = [];
  let adminErrors: string[] = [];
  const now = new Date();
  const thisMonth = clinicMonthOf(now);
  const twoMonthsAgo = addMonths(thisMonth, -2);

  beforeAll(async () => {
    server = await startLiveServer();
    const anaUser = await createDoctor(server.db, { name: 'Ana Ribeiro', email: 'ana@clinica.test' });
    const bruno = await createDoctor(server.db, { name: 'Bruno Teixeira' });
    const carla = await createPatient(server.db, { name: 'Carla Mendes', doctors: [anaUser] });
    const davi = await createPatient(server.db, { name: 'Davi Rocha', doctors: [anaUser] });
    const fabio = await createPatient(server.db, { name: 'Fábio Nunes', doctors: [bruno] });
    // Seconds ago, but this month even in its first minute (then squeezed into what has passed of it).
    const at = recentInClinicMonth(now, 60);

    // Ana, this month: a video call, a short one (under review), one the admin voids; and an
    // in-person consultation she registers herself (below). Last month: one call.
    await billedCall(server.db, anaUser.id, carla.id, at(50), 30);
    await billedCall(server.db, anaUser.id, davi.id, at(40), 1);
    const voided = await billedCall(server.db, anaUser.id, carla.id, at(30), 35);
    await billedCall(server.db, anaUser.id, davi.id, midLastMonth(now), 30);
    // Two months ago, more than a page of them (20 a page): R$ 3.300,00 in all.
    const base = new Date(`${twoMonthsAgo}-10T15:00:00.000Z`).getTime();
    for (let i = 0; i < 22; i += 1) await billedCall(server.db, anaUser.id, i % 2 ? carla.id : davi.id, new Date(base + i * 3_600_000), 30);
    // Bruno: this month and last, with his own patient.
    await billedCall(server.db, bruno.id, fabio.id, at(20), 40);
    await billedCall(server.db, bruno.id, fabio.id, at(10), 20);
    await billedCall(server.db, bruno.id, fabio.id, midLastMonth(now), 30);

    browser = await launchChromium();
    adminContext = await newContext(browser, server.url, DESKTOP);
    expect(
      (
        await adminContext.request.post('/api/auth/login', { data: { email: ADMIN.email, password: ADMIN.password }, headers: { origin: server.url } })
      ).status(),
    ).toBe(200);
    const void_ = await adminContext.request.post(`/api/billing/${voided}/void`, {
      data: { reason: 'Consulta registrada em duplicidade.' },
      headers: { origin: server.url },
    });
    expect(void_.status(), await void_.text()).toBe(200);
    admin = await adminContext.newPage();

    const context = await newContext(browser, server.url, DESKTOP);
    ana = await context.newPage();
    errors = watchErrors(ana);
    adminErrors = watchErrors(admin);
    await ana.goto('/entrar');
    await ana.getByLabel('E-mail', { exact: true }).fill('ana@clinica.test');
    await ana.getByLabel('Senha', { exact: true }).fill(PASSWORD);
    await ana.getByRole('button', { name: 'Entrar' }).click();
    await ana.waitForURL(/\/medico$/);
    // Held in person a few minutes ago, registered by Ana: billed in full like a video call; this
    // month's even in its first minutes (it is billed in the month it ended, 2 minutes later).
    const heldAt = recentInClinicMonth(new Date(), 180)(180).toISOString();
    const registered = await context.request.post(`/api/patients/${davi.id}/consultations`, {
      data: { id: randomUUID(), kind: 'in_person', heldAt, durationMinutes: 2 },
      headers: { origin: server.url },
    });
    expect(registered.status(), await registered.text()).toBeLessThan(300);
    await ana.reload();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** The page's readable text, for "never shows" checks. */
  const text = async (p: Page) => plain(await p.locator('body').innerText());

  async function expectNothingOfBruno(p: Page): Promise<void> {
    const body = await text(p);
    expect(body).not.toContain('Bruno');
    expect(body).not.toContain('Fábio');
  }

  /** The figure on one stat card, once it has finished counting. */
  const figure = (p: Page, label: string) => async () =>
    plain(
      await p
        .getByRole('article')
        .filter({ has: p.getByRole('heading', { name: label, exact: true }) })
        .locator('.stat-card-value')
        .innerText(),
    );

  async function checkScreen(p: Page, name: string, shots: { phone: string; desktop: string }): Promise<void> {
    for (const [label, viewport] of [
      ['desktop', DESKTOP],
      ['phone', PHONE],
    ] as const) {
      await p.setViewportSize(viewport);
      await p.evaluate(() => window.scrollTo(0, 0));
      await p.waitForTimeout(300);
      await expectNoHorizontalOverflow(p, `${name} ${label}`);
      await expectAccessible(p, `${name} ${label}`);
      await screenshot(p, shots[label]);
    }
    await p.setViewportSize(DESKTOP);
  }

  it("the doctor's dashboard card shows this month's share in reais next to last month's", async () => {
    const card = ana.getByRole('region', { name: 'Meus ganhos deste mês' });
    await card.waitFor();
    await expect.poll(async () => plain(await card.locator('.stat-card-value').innerText()), SETTLE).toBe('R$ 240,00');
    const body = plain(await card.innerText());
    expect(body).toContain('2 consultas faturadas');
    expect(body).toContain('R$ 120,00 a mais que no mês passado');
    expect(body).toContain('No mês passado: R$ 120,00 em 1 consulta.');
    expect(body).toContain('1 consulta curta em análise');
    await expectNothingOfBruno(ana);
    await checkScreen(ana, 'doctor dashboard', { phone: 'doctor-dashboard-phone', desktop: 'doctor-dashboard-desktop' });
  });

  it('Meus ganhos: the month at a glance, open for payout, 12 months, and the records with kind and status', async () => {
    await ana.getByRole('link', { name: 'Ver meus ganhos' }).click();
    await ana.waitForURL(/\/medico\/ganhos$/);
    await ana.getByRole('heading', { level: 1, name: 'Meus ganhos' }).waitFor();
    await expect.poll(figure(ana, 'Consultas faturadas'), SETTLE).toBe('2');
    await expect.poll(figure(ana, 'Valor das consultas'), SETTLE).toBe('R$ 300,00');
    await expect.poll(figure(ana, 'Comissão da clínica'), SETTLE).toBe('R$ 60,00');
    await expect.poll(figure(ana, 'Você recebe'), SETTLE).toBe('R$ 240,00');
    const lastMonth = monthNameOf(addMonths(thisMonth, -1));
    await ana
      .getByRole('article')
      .filter({ hasText: 'Você recebe' })
      .getByText(new RegExp(`Em ${lastMonth}: R\\$\\s120,00`))
      .waitFor();
    // The month's payout state, and what "Em análise" means.
    const month = ana.getByRole('region', { name: new RegExp(`^${monthNameOf(thisMonth)} de`, 'i') });
    await month.getByText('Em aberto', { exact: true }).waitFor();
    await month.getByText('A clínica ainda não fechou este mês').waitFor();
    await ana.getByText(`1 consulta de ${monthNameOf(thisMonth)} está em análise.`).waitFor();
    await ana.getByText('a clínica confere antes de contar nos seus ganhos').waitFor();

    // The chart's text alternative and the month-by-month list.
    const chartTable = plain((await ana.getByRole('table', { name: 'Seus ganhos nos últimos 12 meses' }).textContent()) ?? '');
    expect(chartTable).toContain('R$ 240,00');
    expect(chartTable).toContain('R$ 120,00');
    expect(chartTable).toContain('R$ 2.640,00');
    // Month by month, newest first: only months with consultations.
    const months = ana.getByRole('region', { name: 'Mês a mês' }).getByRole('listitem');
    await expect.poll(() => months.count()).toBe(3);
    expect(plain(await months.nth(0).innerText())).toMatch(/R\$ 240,00[\s\S]*Em aberto/);
    expect(plain(await months.nth(1).innerText())).toMatch(/1 consulta faturada[\s\S]*R\$ 120,00[\s\S]*Em aberto/);
    expect(plain(await months.nth(2).innerText())).toMatch(/22 consultas faturadas[\s\S]*R\$ 2\.640,00[\s\S]*Em aberto/);

    // The records: patient, kind, price, own share, status; the voided one struck through.
    const records = ana.getByRole('table', { name: /^Minhas consultas de/ });
    const row = (patient: string, status: string) => records.getByRole('row').filter({ hasText: patient }).filter({ hasText: status });
    await expect.poll(() => records.getByRole('row').count()).toBe(5); // header + 4
    expect(plain(await row('Davi Rocha', 'Faturada').innerText())).toMatch(/Presencial[\s\S]*R\$ 150,00[\s\S]*R\$ 120,00/);
    expect(plain(await row('Carla Mendes', 'Faturada').innerText())).toContain('Vídeo');
    expect(await row('Davi Rocha', 'Em análise').count()).toBe(1);
    const voided = row('Carla Mendes', 'Anulada');
    expect(plain(await voided.innerText())).toContain('Consulta registrada em duplicidade.');
    expect(
      await voided
        .locator('.billing-money')
        .first()
        .evaluate((el) => getComputedStyle(el).textDecorationLine),
    ).toBe('line-through');
    await expectNothingOfBruno(ana);
    await checkScreen(ana, 'earnings', { phone: 'earnings-390', desktop: 'earnings-1440' });

    // Her own history in another order, and exported whole: only her records, in that order.
    await ana.getByLabel('Ordem').selectOption('price_desc');
    await ana.getByText('Do maior valor para o menor.').waitFor();
    const csvLink = ana.getByRole('link', { name: 'Exportar CSV' });
    const href = (await csvLink.getAttribute('href'))!;
    expect(href).toMatch(/^\/api\/me\/billing\/export\?/);
    expect(href).toContain('sort=price_desc');
    const csv = await ana.request.get(href);
    expect(csv.status()).toBe(200);
    const text = (await csv.body()).toString('utf8');
    expect(text).toContain('Davi Rocha');
    expect(text).not.toContain('Bruno');
    await ana.getByLabel('Ordem').selectOption('newest');
  });

  it('another month from the picker, a page at a time with Carregar mais', async () => {
    await ana.getByLabel('Mês', { exact: true }).selectOption(twoMonthsAgo);
    await ana.waitForURL(new RegExp(`mes=${twoMonthsAgo}`));
    await expect.poll(figure(ana, 'Valor das consultas'), SETTLE).toBe('R$ 3.300,00');
    await expect.poll(figure(ana, 'Você recebe'), SETTLE).toBe('R$ 2.640,00');
    const records = ana.getByRole('table', { name: /^Minhas consultas de/ });
    await expect.poll(() => records.getByRole('row').count()).toBeGreaterThanOrEqual(21);
    // The end of the list coming into view loads the rest (the button does the same for keyboards).
    await ana.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(() => records.getByRole('row').count()).toBe(23);
    await expect.poll(() => ana.getByRole('button', { name: 'Carregar mais consultas' }).count()).toBe(0);
    await expectNothingOfBruno(ana);
    // Status filter: nothing under review that month.
    await ana.getByLabel('Situação').selectOption('under_review');
    await ana.getByText('Nenhuma consulta deste mês está nessa situação.').waitFor();
  });

  it("the admin's dashboard has the clinic's money this month, what waits for review, and the way to Faturamento", async () => {
    await admin.goto('/admin');
    await admin.getByRole('heading', { name: 'Faturamento deste mês' }).waitFor();
    await expect.poll(figure(admin, 'Faturamento bruto'), SETTLE).toBe('R$ 600,00');
    await expect.poll(figure(admin, 'Comissão da clínica'), SETTLE).toBe('R$ 120,00');
    await expect.poll(figure(admin, 'Repasse aos médicos'), SETTLE).toBe('R$ 480,00');
    await expect.poll(figure(admin, 'Consultas em análise'), SETTLE).toBe('1');
    await admin
      .getByRole('article')
      .filter({ hasText: 'Faturamento bruto' })
      .getByText(/No mês passado: R\$\s300,00/)
      .waitFor();
    await checkScreen(admin, 'admin dashboard', { phone: 'admin-dashboard-phone', desktop: 'admin-dashboard-desktop' });
    await admin.getByRole('link', { name: 'Ver consultas em análise' }).click();
    await admin.waitForURL(/\/admin\/faturamento\?situacao=under_review$/);
    const records = admin.getByRole('table', { name: /^Consultas de/ });
    await expect.poll(() => records.getByRole('row').count()).toBe(2); // header + the short call
    await records.getByRole('row').filter({ hasText: 'Davi Rocha' }).filter({ hasText: 'Em análise' }).waitFor();
    await admin.goto('/admin');
    await admin.getByRole('link', { name: 'Ver faturamento' }).click();
    await admin.waitForURL(/\/admin\/faturamento$/);
  });

  it('logged no page errors or CSP violations', () => {
    expect([...errors, ...adminErrors]).toEqual([]);
  });
});
