import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths, clinicDateOf, clinicMonthOf } from '#shared/domain/clinic-month.ts';
import { parsePixPayload } from '#shared/domain/pix-br-code.ts';
import { billedCall, midLastMonth } from '../helpers/billing';
import { DESKTOP, PHONE, launchChromium, newContext, screenshot, watchErrors, checkScreenAtBothWidths } from '../helpers/browser';
import { PASSWORD, createDoctor, createPatient } from '../helpers/factories';
import { ADMIN, startLiveServer } from '../helpers/live-server';
import { chromiumAvailable } from '../helpers/requirements';
import { clearOfMonthTurn } from '../helpers/clinic-clock';

const run = chromiumAvailable();

// The page opens on the app's last month at each request: the whole file must run inside one São Paulo month.
if (run) await clearOfMonthTurn(180);

/** Intl puts a non-breaking space after "R$"; compare what people read. */
const plain = (s: string) => s.replace(/\u00a0/g, ' ');

const MONTH_NAMES = ['janeiro', 'fevereiro', 'março', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro'];
const monthNameOf = (month: string) => MONTH_NAMES[Number(month.slice(5)) - 1]!;

/** Today in São Paulo as YYYY-MM-DD, as a date input holds it. */
const todaySp = () => clinicDateOf(new Date());

/** A date input's YYYY-MM-DD as dd/mm/aaaa, as the timeline writes a payment date. */
const asBr = (ymd: string) => ymd.split('-').reverse().join('/');

/**
 * Opens a confirm dialog and returns the date it proposes: today in São Paulo when it opened (either
 * side of midnight if the day turns meanwhile); the payment takes that date, so the timeline shows it.
 */
async function proposedDate(p: Page, button: string, dialogName: string): Promise<string> {
  const before = todaySp();
  await p.getByRole('button', { name: button }).click();
  const proposed = await p.getByRole('dialog', { name: dialogName }).getByLabel('Data do pagamento').inputValue();
  expect([before, todaySp()]).toContain(proposed);
  return proposed;
}

const E2E_ID = 'E12345678202612011530ABCDEFGHIJK';

/**
 * "Fechamentos" in a real Chromium, on records billed by the server's own code (default fees:
 * R$ 150,00, 20 % to the clinic, calls under 2 minutes "Em análise"). Last month: Ana (PIX key
 * on file) has two calls, Bruno (no key) one, plus a short one under review. The admin sees the
 * preview and the no-key warning, closes the month, pays Ana from her payment page's QR / copia e
 * cola with an end-to-end id, and is told plainly that Bruno can't be paid yet.
 */
describe.runIf(run)('monthly closing in the browser (admin)', () => {
  let server: Awaited<ReturnType<typeof startLiveServer>>;
  let browser: Browser;
  let p: Page;
  let errors: string[] = [];
  const lastMonth = addMonths(clinicMonthOf(new Date()), -1);
  const lastName = monthNameOf(lastMonth);

  beforeAll(async () => {
    server = await startLiveServer({ CLINIC_CITY: 'São Paulo' });
    const ana = await createDoctor(server.db, { name: 'Ana Ribeiro', email: 'ana@clinica.test' });
    const bruno = await createDoctor(server.db, { name: 'Bruno Teixeira' });
    await server.db
      .updateTable('doctor_profiles')
      .set({ pix_key_type: 'cpf', pix_key: '52998224725', city: 'Campinas', city_uf: 'SP' })
      .where('user_id', '=', ana.id)
      .execute();
    const carla = await createPatient(server.db, { name: 'Carla Mendes', doctors: [ana, bruno] });
    const davi = await createPatient(server.db, { name: 'Davi Rocha', doctors: [ana, bruno] });
    const mid = midLastMonth().getTime();
    await billedCall(server.db, ana.id, carla.id, new Date(mid), 30);
    await billedCall(server.db, ana.id, davi.id, new Date(mid + 3_600_000), 25);
    await billedCall(server.db, bruno.id, carla.id, new Date(mid + 7_200_000), 20);
    await billedCall(server.db, bruno.id, davi.id, new Date(mid + 10_800_000), 1); // short: "Em análise"

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

  const checkScreen = (name: string) => checkScreenAtBothWidths(p, name);

  const openTable = () => p.getByRole('table', { name: /^Em aberto em/ });
  const paymentsTable = () => p.getByRole('table', { name: /^Pagamentos de/ });

  it('the admin opens Fechamentos: last month per doctor, the no-key warning and the calls under review', async () => {
    await p.getByRole('link', { name: 'Fechamentos' }).first().click();
    await p.waitForURL(/\/admin\/fechamentos$/);
    await p.getByRole('heading', { level: 1, name: 'Fechamentos' }).waitFor();
    await p.getByRole('heading', { level: 2, name: `Em aberto em ${lastName}` }).waitFor();
    const ana = plain(await openTable().getByRole('row').filter({ hasText: 'Ana Ribeiro' }).innerText());
    expect(ana).toContain('R$ 300,00');
    expect(ana).toContain('R$ 60,00');
    expect(ana).toContain('R$ 240,00');
    expect(ana).toContain('CPF 529.982.247-25');
    expect(ana).toMatch(/CRM\/SP \d+/);
    const bruno = plain(await openTable().getByRole('row').filter({ hasText: 'Bruno Teixeira' }).innerText());
    expect(bruno).toContain('R$ 120,00');
    expect(bruno).toContain('Sem chave PIX');
    expect(plain(await openTable().getByRole('row').filter({ hasText: 'Total' }).innerText())).toContain('R$ 360,00');
    await p.getByText('1 médico está sem chave PIX').waitFor();
    await p.getByText('1 consulta deste mês ainda está “Em análise”.').waitFor();
    expect(await p.getByRole('link', { name: 'Ver em Faturamento' }).getAttribute('href')).toBe(`/admin/faturamento?mes=${lastMonth}&situacao=under_review`);
    await p.getByRole('heading', { name: 'Nenhum pagamento neste mês ainda' }).waitFor();
    await checkScreen('closing-month');
  });

  it('a month that has not ended can\u2019t be closed, and says why', async () => {
    await p.getByLabel('Mês').selectOption(clinicMonthOf(new Date()));
    const button = p.getByRole('button', { name: 'Fechar mês' });
    await p.getByText('ainda não terminou. Só dá para fechar um mês depois do último dia').waitFor();
    expect(await button.isDisabled()).toBe(true);
    await p.getByLabel('Mês').selectOption(lastMonth);
    await expect.poll(() => button.isDisabled()).toBe(false);
  });

  it('"Fechar mês" says what happens, then creates one payment per doctor', async () => {
    await p.getByRole('button', { name: 'Fechar mês' }).click();
    const dialog = p.getByRole('dialog', { name: /^Fechar / });
    await dialog.getByText('Cria um pagamento para cada médico da lista: 2 médicos, R$').waitFor();
    await dialog.getByText('ficam travadas').waitFor();
    await dialog.getByRole('button', { name: 'Fechar mês' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await p.getByText('Mês fechado: 2 pagamentos criados.').waitFor();
    await p.getByRole('heading', { name: 'Tudo deste mês já está fechado' }).waitFor();
    await p
      .getByRole('list', { name: `Fechamentos de ${lastName}` })
      .getByText('1º fechamento')
      .waitFor();
    await expect.poll(() => paymentsTable().getByRole('row').count()).toBe(3); // header + 2
    const bruno = plain(await paymentsTable().getByRole('row').filter({ hasText: 'Bruno Teixeira' }).innerText());
    expect(bruno).toContain('A pagar');
    expect(bruno).toContain('Sem chave PIX');
    expect(plain(await paymentsTable().getByRole('row').filter({ hasText: 'Ana Ribeiro' }).innerText())).toContain('R$ 240,00');
    const payments = await server.db.selectFrom('payments').select(['doctor_name', 'status', 'net_cents']).orderBy('doctor_name').execute();
    expect(payments).toEqual([
      { doctor_name: 'Ana Ribeiro', status: 'pending', net_cents: 24_000 },
      { doctor_name: 'Bruno Teixeira', status: 'pending', net_cents: 12_000 },
    ]);
    await checkScreen('closing-closed');
  });

  it('Ana\u2019s payment shows the QR and a copia e cola that pays her key R$ 240,00', async () => {
    await paymentsTable().getByRole('link', { name: 'Ana Ribeiro' }).click();
    await p.waitForURL(/\/admin\/fechamentos\/pagamentos\/[0-9a-f-]+$/);
    await p.getByRole('heading', { level: 1, name: 'Pagamento de Ana Ribeiro' }).waitFor();
    const qr = p.getByRole('img', { name: /^QR Code PIX de R\$\s240,00 para Ana Ribeiro$/ });
    await qr.locator('svg').waitFor();
    const payload = await p.getByLabel('PIX copia e cola').inputValue();
    const parsed = parsePixPayload(payload);
    expect(parsed.ok, JSON.stringify(parsed)).toBe(true);
    if (parsed.ok) expect(parsed.payload).toMatchObject({ key: '52998224725', keyType: 'cpf', amountCents: 24_000, name: 'ANA RIBEIRO', city: 'CAMPINAS' });
    await p.getByText('CPF 529.982.247-25').first().waitFor();
    await checkScreen('closing-payment');
  });

  it('confirming it with an end-to-end id: refused when mistyped, then paid, and the timeline says so', async () => {
    const paidOn = await proposedDate(p, 'Confirmar pagamento', 'Confirmar pagamento');
    const dialog = p.getByRole('dialog', { name: 'Confirmar pagamento' });
    await dialog.getByLabel('Identificador do PIX (E2E)').fill('E123');
    await dialog.getByRole('button', { name: 'Confirmar pagamento' }).click();
    await dialog.getByText('O identificador começa com E e tem 32 letras e números').waitFor();
    await dialog.getByLabel('Identificador do PIX (E2E)').fill(E2E_ID.toLowerCase().replace(/^e/, 'E'));
    await dialog.getByLabel('Observação').fill('Pago pelo app do banco');
    await dialog.getByRole('button', { name: 'Confirmar pagamento' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await p.getByText('Pagamento confirmado. Agora o médico confirma quando receber.').waitFor();
    await p.getByText('Pago — aguardando o médico').first().waitFor();
    const timeline = p.getByRole('region', { name: 'Histórico' });
    await timeline.getByText(`marcou como pago em ${asBr(paidOn)}.`).waitFor();
    await timeline.getByText(`Identificador do PIX: ${E2E_ID}.`).waitFor();
    expect(await timeline.getByText('fechou o mês: R$').count()).toBe(1);
    // Paid: no code to pay twice.
    expect(await p.getByLabel('PIX copia e cola').count()).toBe(0);
    const row = await server.db
      .selectFrom('payments')
      .select(['status', 'pix_e2e_id', 'paid_note'])
      .where('doctor_name', '=', 'Ana Ribeiro')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'paid', pix_e2e_id: E2E_ID, paid_note: 'Pago pelo app do banco' });
    await checkScreen('closing-payment-paid');
  });

  it('Bruno has no PIX key: confirming his payment shows the plain 409 message and nothing changes', async () => {
    await p.getByRole('link', { name: /^Fechamentos de / }).click();
    await paymentsTable().getByRole('link', { name: 'Bruno Teixeira' }).click();
    await p.getByRole('heading', { level: 1, name: 'Pagamento de Bruno Teixeira' }).waitFor();
    await p.getByRole('region', { name: 'Pagar por PIX' }).getByText('Sem chave PIX').waitFor();
    await p.getByRole('button', { name: 'Confirmar pagamento' }).click();
    const dialog = p.getByRole('dialog', { name: 'Confirmar pagamento' });
    await dialog.getByRole('button', { name: 'Confirmar pagamento' }).click();
    await dialog.getByRole('alert').getByText('Este médico ainda não tem chave PIX. Peça que ele cadastre a chave no perfil').waitFor();
    await dialog.getByRole('button', { name: 'Voltar' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = await server.db.selectFrom('payments').select('status').where('doctor_name', '=', 'Bruno Teixeira').executeTakeFirstOrThrow();
    expect(row.status).toBe('pending');
  });

  /** Ana, through the API as her own page would: "Não recebi", with a message. */
  async function anaSaysNotReceived(message: string): Promise<void> {
    const headers = { origin: server.url, 'content-type': 'application/json' };
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ email: 'ana@clinica.test', password: PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = /mc_session=[^;]+/.exec(login.headers.get('set-cookie') ?? '')![0];
    const { id } = await server.db.selectFrom('payments').select('id').where('doctor_name', '=', 'Ana Ribeiro').executeTakeFirstOrThrow();
    const res = await fetch(`${server.url}/api/me/payments/${id}/dispute`, {
      method: 'POST',
      headers: { ...headers, cookie },
      body: JSON.stringify({ message }),
    });
    expect(res.status, await res.clone().text()).toBe(200);
  }

  it('when Ana says it did not arrive, her message is shown prominently and the admin can confirm again', async () => {
    await anaSaysNotReceived('O PIX não caiu na minha conta até agora.');
    await p.getByRole('link', { name: /^Fechamentos de / }).click();
    await paymentsTable().getByRole('link', { name: 'Ana Ribeiro' }).click();
    await p.getByRole('heading', { level: 1, name: 'Pagamento de Ana Ribeiro' }).waitFor();
    await p.getByText('Dr(a). Ana Ribeiro disse que não recebeu', { exact: true }).waitFor();
    await p.locator('.closing-dispute blockquote').getByText('O PIX não caiu na minha conta até agora.').waitFor();
    await p.getByText('Médico não recebeu').first().waitFor();
    // Unpaid again: the code to pay is back.
    await p
      .getByRole('img', { name: /^QR Code PIX de/ })
      .locator('svg')
      .waitFor();
    const timeline = p.getByRole('region', { name: 'Histórico' });
    await timeline.getByText('Dr(a). Ana Ribeiro disse que não recebeu.').waitFor();
    await checkScreen('closing-payment-disputed');

    const paidAgainOn = await proposedDate(p, 'Confirmar pagamento de novo', 'Confirmar o pagamento de novo');
    const dialog = p.getByRole('dialog', { name: 'Confirmar o pagamento de novo' });
    await dialog.getByLabel('Observação').fill('Reenviado pelo app do banco');
    await p.setViewportSize(PHONE);
    await screenshot(p, 'closing-confirm-dialog-phone');
    await p.setViewportSize(DESKTOP);
    await dialog.getByRole('button', { name: 'Confirmar pagamento' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await timeline.getByText(`marcou como pago de novo em ${asBr(paidAgainOn)}.`).waitFor();
    await p.getByText('Pago — aguardando o médico').first().waitFor();
    expect(await p.locator('.closing-dispute').count()).toBe(0);
  });

  it('Histórico de pagamentos lists every step, filtered by what happened', async () => {
    await p.goto('/admin/fechamentos');
    await p.getByRole('link', { name: 'Histórico de pagamentos' }).click();
    await p.getByRole('heading', { level: 1, name: 'Histórico de pagamentos' }).waitFor();
    const list = p.locator('.closing-history > li');
    await expect.poll(() => list.count()).toBe(5); // two created, paid, disputed, paid again
    await p.getByLabel('O que aconteceu').selectOption('paid');
    await expect.poll(() => list.count()).toBe(2);
    expect(plain(await list.first().innerText())).toContain(`Ana Ribeiro · ${lastName.charAt(0).toUpperCase()}${lastName.slice(1)}`);
    await p.getByLabel('O que aconteceu').selectOption('');
    await expect.poll(() => list.count()).toBe(5);
    await checkScreen('closing-history');
  });

  it('logged no page errors or CSP violations', () => {
    expect(errors).toEqual([]);
  });
});
