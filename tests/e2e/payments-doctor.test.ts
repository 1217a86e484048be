import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths, clinicMonthOf } from '#shared/domain/clinic-month.ts';
import type { ClosingResult, PaymentDetail } from '#shared/schemas/payments.ts';
import { billedCall } from '../helpers/billing';
import { DESKTOP, PHONE, expectAccessible, expectNoHorizontalOverflow, launchChromium, newContext, screenshot, watchErrors } from '../helpers/browser';
import { PASSWORD, createDoctor, createPatient } from '../helpers/factories';
import { ADMIN, startLiveServer } from '../helpers/live-server';
import { chromiumAvailable } from '../helpers/requirements';
import { clearOfMonthTurn } from '../helpers/clinic-clock';

const run = chromiumAvailable();

// "This month" is the app's at each request: the whole file must run inside one São Paulo month.
if (run) await clearOfMonthTurn(180);

/** Intl puts a non-breaking space after "R$"; compare what people read. */
const plain = (s: string) => s.replace(/\u00a0/g, ' ');

const MONTH_NAMES = ['janeiro', 'fevereiro', 'março', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro'];
const monthNameOf = (month: string) => MONTH_NAMES[Number(month.slice(5)) - 1]!;
const E2E_ID = 'E12345678202612051200ABCDEFGHIJK';

/**
 * "Meus pagamentos" and the live notices in a real Chromium. Ana (with a PIX key) has billed
 * calls last month and the month before; the admin closes both months and marks the payments
 * paid over HTTP while Ana's home is open: the toast, the menu badge and the prompt arrive over
 * the app-wide connection without a reload. Ana confirms one payment (the admin's open page
 * hears it) and says she did not receive the other. Bruno has no PIX key: his page says so.
 */
describe.runIf(run)("the doctor's payments in the browser", () => {
  let server: Awaited<ReturnType<typeof startLiveServer>>;
  let browser: Browser;
  let ana: Page;
  let admin: Page;
  let adminContext: BrowserContext;
  let errors: string[] = [];
  let adminErrors: string[] = [];
  const thisMonth = clinicMonthOf(new Date());
  const lastMonth = addMonths(thisMonth, -1);
  const twoMonthsAgo = addMonths(thisMonth, -2);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Sao_Paulo' }).format(new Date());
  const todayBr = today.split('-').reverse().join('/');
  const payments: Record<string, string> = {};

  const menu = () => ana.getByRole('navigation', { name: 'Principal' });

  async function api<T>(method: 'post' | 'get', url: string, data?: unknown): Promise<T> {
    const res = await adminContext.request[method](url, { data, headers: { origin: server.url } });
    expect(res.status(), await res.text()).toBeLessThan(300);
    return (await res.json()) as T;
  }

  async function signIn(context: BrowserContext, email: string, password: string, home: RegExp): Promise<Page> {
    const page = await context.newPage();
    await page.goto('/entrar');
    await page.getByLabel('E-mail', { exact: true }).fill(email);
    await page.getByLabel('Senha', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Entrar' }).click();
    await page.waitForURL(home);
    return page;
  }

  /** The app-wide connection is up (a notice sent before would be missed). */
  async function connected(page: Page): Promise<void> {
    await page.locator('html[data-connection="online"]').waitFor({ state: 'attached', timeout: 10_000 });
  }

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

  beforeAll(async () => {
    server = await startLiveServer();
    const anaUser = await createDoctor(server.db, { name: 'Dra. Ana Ribeiro', email: 'ana@clinica.test' });
    await server.db
      .updateTable('doctor_profiles')
      .set({ pix_key_type: 'email', pix_key: 'ana.ribeiro@banco.test' })
      .where('user_id', '=', anaUser.id)
      .execute();
    const bruno = await createDoctor(server.db, { name: 'Dr. Bruno Teixeira', email: 'bruno@clinica.test' });
    const carla = await createPatient(server.db, { name: 'Carla Mendes', doctors: [anaUser] });
    const davi = await createPatient(server.db, { name: 'Davi Rocha', doctors: [anaUser, bruno] });
    // Default fees: R$ 150,00 a call, 20 % to the clinic: R$ 120,00 for the doctor.
    await billedCall(server.db, anaUser.id, carla.id, new Date(`${lastMonth}-10T15:00:00.000Z`), 30);
    await billedCall(server.db, anaUser.id, davi.id, new Date(`${lastMonth}-12T15:00:00.000Z`), 30);
    await billedCall(server.db, anaUser.id, carla.id, new Date(`${twoMonthsAgo}-10T15:00:00.000Z`), 30);
    await billedCall(server.db, bruno.id, davi.id, new Date(`${twoMonthsAgo}-11T15:00:00.000Z`), 30);

    browser = await launchChromium();
    adminContext = await newContext(browser, server.url, DESKTOP);
    admin = await signIn(adminContext, ADMIN.email, ADMIN.password, /\/admin$/);
    adminErrors = watchErrors(admin);
    const anaContext = await newContext(browser, server.url, DESKTOP);
    ana = await signIn(anaContext, 'ana@clinica.test', PASSWORD, /\/medico$/);
    errors = watchErrors(ana);
    await connected(ana);
    await connected(admin);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the clinic closes two months and pays one while Ana is on her home: toast, badge and prompt arrive live', async () => {
    for (const month of [lastMonth, twoMonthsAgo]) {
      const closing = await api<ClosingResult>('post', '/api/closings', { month });
      const own = closing.payments.find((p) => p.doctor.name === 'Dra. Ana Ribeiro')!;
      payments[month] = own.id;
    }
    const marker = await ana.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
      return true;
    });
    expect(marker).toBe(true);
    await api('post', `/api/payments/${payments[lastMonth]}/confirm`, { paidOn: today, pixEndToEndId: E2E_ID });

    const toast = ana.getByRole('status').getByText(`Pagamento de ${monthNameOf(lastMonth)} marcado como pago`);
    await toast.waitFor({ timeout: 10_000 });
    expect(plain(await toast.innerText())).toBe(`Pagamento de ${monthNameOf(lastMonth)} marcado como pago: R$ 240,00. Confirme quando receber.`);
    await ana.getByRole('link', { name: /^Meus pagamentos\s*1\s*aviso novo$/ }).waitFor();
    // The home's prompt, first thing on the page.
    const prompt = ana.getByRole('region', { name: new RegExp(`^Pagamento de ${monthNameOf(lastMonth)}: R\\$\\s240,00 — Confirmar recebimento$`) });
    await prompt.waitFor();
    expect(await ana.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    await checkScreen(ana, 'doctor home with a payment to confirm', { phone: 'my-payments-home-390', desktop: 'my-payments-home-1440' });
    // On a phone the menu button carries the count too.
    await ana.setViewportSize(PHONE);
    await ana.getByRole('button', { name: /^Menu,\s*1 aviso novo$/ }).waitFor();
    await ana.setViewportSize(DESKTOP);
  });

  it('Meus pagamentos: each month with its amount and state; the badge goes once the page is open', async () => {
    await ana.getByRole('link', { name: /^Meus pagamentos\s*1\s*aviso novo$/ }).click();
    await ana.waitForURL(/\/medico\/pagamentos$/);
    await ana.getByRole('heading', { level: 1, name: 'Meus pagamentos' }).waitFor();
    await menu().getByRole('link', { name: 'Meus pagamentos', exact: true }).waitFor();
    const items = ana.getByRole('list', { name: 'Pagamentos, do mais recente ao mais antigo' }).getByRole('listitem');
    await expect.poll(() => items.count()).toBe(2);
    const first = plain(await items.nth(0).innerText());
    expect(first).toContain(`Pagamento de ${monthNameOf(lastMonth)}`);
    expect(first).toContain('2 consultas');
    expect(first).toContain('Você recebe');
    expect(first).toContain('R$ 240,00');
    expect(first).toContain('Pago — confirme o recebimento');
    expect(first).toContain(`Pago em ${todayBr}.`);
    const second = plain(await items.nth(1).innerText());
    expect(second).toContain(`Pagamento de ${monthNameOf(twoMonthsAgo)}`);
    expect(second).toContain('R$ 120,00');
    expect(second).toContain('Aguardando pagamento');
    await checkScreen(ana, 'my payments', { phone: 'my-payments-390', desktop: 'my-payments-1440' });
  });

  it('the detail: figures, the PIX key and E2E id; "Confirmar recebimento" reaches the admin live; the timeline has both steps', async () => {
    await ana.getByRole('link', { name: `Ver detalhes do pagamento de ${monthNameOf(lastMonth)}` }).click();
    await ana.waitForURL(new RegExp(`/medico/pagamentos/${payments[lastMonth]}$`));
    await ana.getByRole('heading', { level: 1, name: `Pagamento de ${monthNameOf(lastMonth)}` }).waitFor();
    const figures = plain(await ana.getByRole('region', { name: 'Valores' }).innerText());
    expect(figures).toMatch(/Consultas\s+2/);
    expect(figures).toMatch(/Valor das consultas\s+R\$ 300,00/);
    expect(figures).toMatch(/Comissão da clínica\s+R\$ 60,00/);
    expect(figures).toMatch(/Você recebe\s+R\$ 240,00/);
    const pix = plain(await ana.getByRole('region', { name: 'Pagamento por PIX' }).innerText());
    expect(pix).toContain('E-mail ana.ribeiro@banco.test');
    expect(pix).toContain(todayBr);
    expect(pix).toContain(E2E_ID);
    await checkScreen(ana, 'my payment detail', { phone: 'my-payment-detail-390', desktop: 'my-payment-detail-1440' });

    await ana.getByRole('button', { name: `Confirmar recebimento do pagamento de ${monthNameOf(lastMonth)}` }).click();
    const dialog = ana.getByRole('dialog', { name: 'Confirmar recebimento' });
    await dialog.waitFor();
    expect(plain(await dialog.innerText())).toContain('Você recebeu R$ 240,00 do pagamento de');
    await expectAccessible(ana, 'confirm receipt dialog');
    await dialog.getByRole('button', { name: 'Sim, recebi' }).click();
    await ana.getByRole('status').getByText('Recebimento confirmado. Obrigado!').waitFor();
    await ana.getByRole('region', { name: 'Situação' }).getByText('Recebido', { exact: true }).waitFor();

    // The admin's page, open on another browser, hears it.
    const heard = admin.getByRole('status').getByText(/Dra\. Ana Ribeiro confirmou o recebimento do pagamento de/);
    await heard.waitFor({ timeout: 10_000 });
    expect(plain(await heard.innerText())).toBe(`Dra. Ana Ribeiro confirmou o recebimento do pagamento de ${monthNameOf(lastMonth)} (R$ 240,00).`);
    // …and the admin's menu counts it on Fechamentos until that page is opened.
    await admin
      .getByRole('navigation', { name: 'Principal' })
      .getByRole('link', { name: /^Fechamentos\s*1\s*aviso novo$/ })
      .waitFor();

    const timeline = ana.getByRole('region', { name: 'Histórico' }).getByRole('listitem');
    await expect.poll(() => timeline.count()).toBe(3);
    expect(plain(await timeline.nth(0).innerText())).toContain('A clínica fechou o mês: R$ 240,00 por 2 consultas.');
    expect(plain(await timeline.nth(1).innerText())).toContain(`A clínica pagou por PIX em ${todayBr}.`);
    expect(plain(await timeline.nth(1).innerText())).toContain(`Identificador do PIX: ${E2E_ID}.`);
    expect(plain(await timeline.nth(2).innerText())).toContain('Você confirmou o recebimento.');
    // The README's picture: the whole story of one payment, without the toasts over it.
    for (const close of await ana.getByRole('button', { name: 'Fechar aviso' }).all()) await close.click();
    await ana.evaluate(() => window.scrollTo(0, 0));
    await screenshot(ana, 'my-payment-received-1440');
  });

  it('"Não recebi" on the second payment: asks what happened (3 letters at least), the admin hears it, the timeline keeps the words', async () => {
    await api('post', `/api/payments/${payments[twoMonthsAgo]}/confirm`, { paidOn: today });
    await ana
      .getByRole('status')
      .getByText(`Pagamento de ${monthNameOf(twoMonthsAgo)} marcado como pago`)
      .waitFor({ timeout: 10_000 });
    await menu().getByRole('link', { name: 'Meus pagamentos', exact: true }).click();
    await ana.waitForURL(/\/medico\/pagamentos$/);
    const item = ana.getByRole('listitem').filter({ hasText: `Pagamento de ${monthNameOf(twoMonthsAgo)}` });
    await item.getByText('Pago — confirme o recebimento').waitFor();
    await item.getByRole('button', { name: `Não recebi o pagamento de ${monthNameOf(twoMonthsAgo)}` }).click();
    const dialog = ana.getByRole('dialog', { name: 'O pagamento não chegou?' });
    await dialog.waitFor();
    await dialog.getByLabel('O que aconteceu?').fill('ok');
    await dialog.getByRole('button', { name: 'Avisar a clínica' }).click();
    await dialog.getByText('Diga o que aconteceu (pelo menos 3 letras).').waitFor();
    await expectAccessible(ana, 'dispute dialog with an error');
    await screenshot(ana, 'my-payment-dispute-1440');
    await dialog.getByLabel('O que aconteceu?').fill('O PIX não apareceu no meu extrato.');
    await dialog.getByRole('button', { name: 'Avisar a clínica' }).click();
    await ana.getByRole('status').getByText('Avisamos a clínica.', { exact: false }).waitFor();
    await item.getByText('Você avisou que não recebeu').waitFor();

    const heard = admin.getByRole('alert').getByText(/Dra\. Ana Ribeiro disse que não recebeu o pagamento de/);
    await heard.waitFor({ timeout: 10_000 });
    await admin
      .getByRole('navigation', { name: 'Principal' })
      .getByRole('link', { name: /^Fechamentos\s*2\s*avisos novos$/ })
      .click();
    await admin.waitForURL(/\/admin\/fechamentos/);
    await admin.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Fechamentos', exact: true }).waitFor();

    await item.getByRole('link', { name: `Ver detalhes do pagamento de ${monthNameOf(twoMonthsAgo)}` }).click();
    const timeline = ana.getByRole('region', { name: 'Histórico' }).getByRole('listitem');
    await expect.poll(() => timeline.count()).toBe(3);
    expect(plain(await timeline.nth(2).innerText())).toContain('Você avisou que não recebeu.');
    expect(plain(await timeline.nth(2).innerText())).toContain('“O PIX não apareceu no meu extrato.”');
    await ana.getByText('Você escreveu: “O PIX não apareceu no meu extrato.”').waitFor();
    const detail = await api<PaymentDetail>('get', `/api/payments/${payments[twoMonthsAgo]}`);
    expect(detail.status).toBe('disputed');
  });

  it('Meus ganhos: a received month is "Pago", a disputed one still "Fechado", this month "Em aberto"', async () => {
    await menu().getByRole('link', { name: 'Meus ganhos' }).click();
    await ana.waitForURL(/\/medico\/ganhos$/);
    const months = ana.getByRole('region', { name: 'Mês a mês' }).getByRole('listitem');
    await expect.poll(() => months.count()).toBeGreaterThanOrEqual(2);
    const row = (month: string) => months.filter({ hasText: new RegExp(monthNameOf(month), 'i') });
    await row(lastMonth).getByText('Pago', { exact: true }).waitFor();
    await row(twoMonthsAgo).getByText('Fechado', { exact: true }).waitFor();
    await ana
      .getByRole('region', { name: new RegExp(`^${monthNameOf(thisMonth)} de`, 'i') })
      .getByText('Em aberto', { exact: true })
      .waitFor();
  });

  it('Bruno has no PIX key: his payment says so plainly, with the way to his profile', async () => {
    const context = await newContext(browser, server.url, PHONE);
    const bruno = await signIn(context, 'bruno@clinica.test', PASSWORD, /\/medico$/);
    const brunoErrors = watchErrors(bruno);
    await bruno.getByText('Cadastre sua chave PIX para receber').waitFor();
    await bruno.goto('/medico/pagamentos');
    const notice = bruno.getByText(/você ainda não tem chave PIX no seu perfil/);
    await notice.waitFor();
    expect(plain(await notice.innerText())).toContain(`A clínica fechou o pagamento de ${monthNameOf(twoMonthsAgo)} (R$ 120,00)`);
    await bruno.getByRole('listitem').getByText('Falta sua chave PIX para a clínica pagar.').waitFor();
    await checkScreen(bruno, 'no PIX key', { phone: 'my-payments-no-pix-390', desktop: 'my-payments-no-pix-1440' });
    await bruno.getByRole('link', { name: 'Cadastrar minha chave PIX no perfil' }).click();
    await bruno.waitForURL(/\/perfil$/);
    expect(brunoErrors).toEqual([]);
    await context.close();
  });

  it("signing out in one tab ends the other tab's connection for good: it goes to sign-in; the tab that signed out just says so", async () => {
    const context = await newContext(browser, server.url, DESKTOP);
    const first = await signIn(context, 'bruno@clinica.test', PASSWORD, /\/medico$/);
    const second = await context.newPage();
    const pageErrors = [...watchErrors(first), ...watchErrors(second)];
    await second.goto('/medico/pagamentos');
    await connected(first);
    await connected(second);
    await first.getByRole('button', { name: 'Sair' }).click();
    await first.waitForURL(/\/entrar/);
    await first.getByRole('status').getByText('Você saiu da sua conta.').waitFor();
    expect(await first.getByText('Sua sessão terminou').count()).toBe(0);
    // The other tab hears the server end the session, checks it over HTTP, and goes to sign-in.
    await second.waitForURL(/\/entrar/, { timeout: 10_000 });
    await second.getByRole('status').getByText('Sua sessão terminou. Entre de novo para continuar.').waitFor();
    // Closed (signed out), and no reconnection attempts after that.
    await second.locator('html[data-connection="idle"]').waitFor({ state: 'attached' });
    const sockets: string[] = [];
    second.on('websocket', (ws) => sockets.push(ws.url()));
    await second.waitForTimeout(3_000);
    expect(sockets).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('logged no page errors or CSP violations', () => {
    expect([...errors, ...adminErrors]).toEqual([]);
  });
});
