import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { billFinishedConsultation } from '#server/features/billing/billing.service.ts';
import { billedCall, midLastMonth } from '../helpers/billing';
import { addMonths, clinicMonthOf } from '#shared/domain/clinic-month.ts';
import { DESKTOP, launchChromium, newContext, watchErrors, checkScreenAtBothWidths } from '../helpers/browser';
import { createDoctor, createPatient } from '../helpers/factories';
import { ADMIN, startLiveServer } from '../helpers/live-server';
import { chromiumAvailable } from '../helpers/requirements';
import { clearOfMonthTurn, recentInClinicMonth } from '../helpers/clinic-clock';

const run = chromiumAvailable();

// "This month" is the app's at each request: the whole file must run inside one São Paulo month.
if (run) await clearOfMonthTurn(180);

/** Intl puts a non-breaking space after "R$"; compare what people read. */
const plain = (s: string) => s.replace(/\u00a0/g, ' ');

/**
 * "Faturamento" in a real Chromium, on records billed by the server's own code: the admin sees
 * the month's totals, approves a short call (totals go up) and voids a consultation with a reason
 * (struck through, totals go down).
 */
describe.runIf(run)('billing in the browser', () => {
  let server: Awaited<ReturnType<typeof startLiveServer>>;
  let browser: Browser;
  let p: Page;
  let errors: string[] = [];

  /** A finished video call, billed as the server bills one when it ends. */
  const finishedCall = (doctorId: string, patientId: string, endedAt: Date, minutes: number) => billedCall(server.db, doctorId, patientId, endedAt, minutes);

  beforeAll(async () => {
    server = await startLiveServer();
    // Default fees: R$ 150,00, 20 % to the clinic, calls under 2 minutes wait for the admin.
    const ana = await createDoctor(server.db, { name: 'Ana Ribeiro' });
    const bruno = await createDoctor(server.db, { name: 'Bruno Teixeira' });
    const carla = await createPatient(server.db, { name: 'Carla Mendes', doctors: [ana, bruno] });
    const davi = await createPatient(server.db, { name: 'Davi Rocha', doctors: [ana, bruno] });
    const elisa = await createPatient(server.db, { name: 'Elisa Prado', doctors: [ana, bruno] });
    const now = Date.now();
    // Seconds apart, keeping their order, and in this month (São Paulo) even in its first minute.
    const at = recentInClinicMonth(new Date(now), 60);
    await finishedCall(ana.id, carla.id, at(40), 30);
    await finishedCall(ana.id, davi.id, at(30), 25);
    await finishedCall(bruno.id, elisa.id, at(20), 20);
    await finishedCall(bruno.id, davi.id, at(10), 1); // short: "Em análise"
    // One last month, for the comparison under each figure: mid-month, so it is last month on any
    // day this test runs (40 days back was two months back on the 1st).
    await finishedCall(ana.id, elisa.id, midLastMonth(new Date(now)), 30);

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

  /** The figure on one stat card, once it has finished counting. */
  const figure = (label: string) => async () =>
    plain(
      await p
        .getByRole('article')
        .filter({ has: p.getByRole('heading', { name: label, exact: true }) })
        .locator('.stat-card-value')
        .innerText(),
    );

  async function expectTotals(consultations: string, gross: string, clinic: string, doctors: string): Promise<void> {
    await expect.poll(figure('Consultas faturadas')).toBe(consultations);
    await expect.poll(figure('Faturamento bruto')).toBe(gross);
    await expect.poll(figure('Comissão da clínica')).toBe(clinic);
    await expect.poll(figure('Repasse aos médicos')).toBe(doctors);
  }

  const row = (text: string) =>
    p
      .getByRole('table', { name: /^Consultas de/ })
      .getByRole('row')
      .filter({ hasText: text });

  const checkScreen = (name: string) => checkScreenAtBothWidths(p, name);

  it('the admin opens Faturamento from the menu and sees the month in reais', async () => {
    await p.getByRole('link', { name: 'Faturamento' }).first().click();
    await p.waitForURL(/\/admin\/faturamento$/);
    await p.getByRole('heading', { level: 1, name: 'Faturamento' }).waitFor();
    await expectTotals('3', 'R$ 450,00', 'R$ 90,00', 'R$ 360,00');
    await p.getByText('1 consulta curta espera sua decisão.').waitFor();
    // Last month under each figure.
    await p
      .getByRole('article')
      .filter({ hasText: 'Faturamento bruto' })
      .getByText(/R\$\s150,00/)
      .waitFor();
    const doctors = p.getByRole('table', { name: /^Faturamento por médico/ });
    expect(plain(await doctors.getByRole('row').filter({ hasText: 'Ana Ribeiro' }).innerText())).toContain('R$ 240,00');
    expect(plain(await row('Elisa Prado').innerText())).toContain('R$ 150,00');
    expect(await row('Davi Rocha').filter({ hasText: 'Em análise' }).count()).toBe(1);
    // The chart's text alternative has this month's gross.
    expect(plain((await p.getByRole('table', { name: 'Faturamento dos últimos 12 meses' }).textContent()) ?? '')).toContain('R$ 450,00');
    await checkScreen('billing');
  });

  it('approving the short call bills it: the totals go up', async () => {
    await p.getByRole('button', { name: 'Ver consultas em análise' }).click();
    await expect
      .poll(() =>
        p
          .getByRole('table', { name: /^Consultas de/ })
          .getByRole('row')
          .count(),
      )
      .toBe(2); // header + the one
    await row('Davi Rocha')
      .getByRole('button', { name: /^Aprovar/ })
      .click();
    await p.getByText('aprovada: agora entra no faturamento.').waitFor();
    await expectTotals('4', 'R$ 600,00', 'R$ 120,00', 'R$ 480,00');
    await p.getByText('1 consulta curta espera sua decisão.').waitFor({ state: 'detached' });
    await p.getByLabel('Situação').selectOption('');
  });

  it('voiding a consultation asks why, strikes it through and lowers the totals', async () => {
    await row('Carla Mendes')
      .getByRole('button', { name: /^Anular/ })
      .click();
    const dialog = p.getByRole('dialog', { name: 'Anular consulta' });
    await dialog.getByRole('button', { name: 'Anular consulta' }).click();
    await dialog.getByText('Diga o motivo (pelo menos 3 letras).').waitFor();
    await dialog.getByLabel('Motivo').fill('Consulta registrada em duplicidade.');
    await dialog.getByRole('button', { name: 'Anular consulta' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await p.getByText('Consulta anulada: saiu do faturamento.').waitFor();
    await row('Carla Mendes').getByText('Anulada', { exact: true }).waitFor();
    const decoration = await row('Carla Mendes')
      .locator('.billing-money')
      .first()
      .evaluate((el) => getComputedStyle(el).textDecorationLine);
    expect(decoration).toBe('line-through');
    await expectTotals('3', 'R$ 450,00', 'R$ 90,00', 'R$ 360,00');
    const voided = await server.db.selectFrom('billing_records').select(['status', 'note']).where('status', '=', 'voided').execute();
    expect(voided).toEqual([{ status: 'voided', note: 'Consulta registrada em duplicidade.' }]);
    await checkScreen('billing-decided');
  });

  it('narrows the list by period, kind and order, and downloads exactly that as CSV and Excel', async () => {
    // Two months ago: a phone consultation of Ana's at her own price, with a patient whose name looks like a formula.
    const ana = await server.db.selectFrom('users').select('id').where('name', '=', 'Ana Ribeiro').executeTakeFirstOrThrow();
    const fulano = await createPatient(server.db, { name: '=Fulano Teste', doctors: [{ id: ana.id } as never] });
    const thisMonth = clinicMonthOf(new Date());
    const from = addMonths(thisMonth, -2);
    const at = new Date(`${from}-15T15:00:00.000Z`);
    await server.db
      .insertInto('doctor_fees')
      .values({ doctor_id: ana.id, price_cents: 20_000, clinic_bps: null, updated_at: at.toISOString(), updated_by: null })
      .execute();
    const phone = {
      id: randomUUID(),
      room_id: null,
      doctor_id: ana.id,
      patient_id: fulano.id,
      started_at: at.toISOString(),
      ended_at: at.toISOString(),
      duration_seconds: null,
      finalized_by: 'doctor' as const,
      doctor_connected_at: null,
      patient_connected_at: null,
      kind: 'phone' as const,
      note: null,
    };
    await server.db.insertInto('consultations').values(phone).execute();
    await billFinishedConsultation(server.db, phone);
    await server.db.deleteFrom('doctor_fees').where('doctor_id', '=', ana.id).execute();

    await p.goto('/admin/faturamento');
    await p.getByRole('heading', { level: 1, name: 'Faturamento' }).waitFor();
    const records = p.getByRole('region', { name: /^Consultas de/ });
    await p.getByLabel('De', { exact: true }).selectOption(from);
    await records.getByRole('heading', { name: /^Consultas de .+ a / }).waitFor();
    await p.waitForURL(new RegExp(`de=${from}&ate=${thisMonth}`));
    // Four calls this month, one last month, the phone consultation.
    await expect
      .poll(() =>
        p
          .getByRole('table', { name: /^Consultas de/ })
          .getByRole('row')
          .count(),
      )
      .toBe(1 + 6);

    await p.getByLabel('Tipo', { exact: true }).selectOption('phone');
    await expect
      .poll(() =>
        p
          .getByRole('table', { name: /^Consultas de/ })
          .getByRole('row')
          .count(),
      )
      .toBe(1 + 1);
    expect(plain(await row('=Fulano Teste').innerText())).toContain('Telefone');
    await p.getByLabel('Tipo', { exact: true }).selectOption('');
    await p.getByLabel('Ordem', { exact: true }).selectOption('price_desc');
    await records.getByText('Do maior valor para o menor. Horários de Brasília.').waitFor();
    await p.waitForURL(/ordem=price_desc/);
    const firstRow = p
      .getByRole('table', { name: /^Consultas de/ })
      .getByRole('row')
      .nth(1);
    await expect.poll(async () => plain(await firstRow.innerText())).toContain('R$ 200,00');

    const csv = await download('Exportar CSV');
    expect(csv.name).toBe(`faturamento-${from}-a-${thisMonth}.csv`);
    const text = fs.readFileSync(csv.path, 'utf8');
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('\uFEFFData;Mês;Médico;Paciente;Tipo;Duração;Valor;Parte da clínica;Parte do médico;Situação;Observação');
    expect(lines).toHaveLength(1 + 6 + 1);
    // Highest price first: the phone consultation, the formula in the name defused.
    expect(lines[1]).toContain(`;${from.slice(5)}/${from.slice(0, 4)};Ana Ribeiro;'=Fulano Teste;Telefone;;200,00;40,00;160,00;Faturada;`);
    expect(lines.slice(2, -1).every((l) => l.includes(';150,00;30,00;120,00;'))).toBe(true);

    const xlsx = await download('Exportar Excel');
    expect(xlsx.name).toBe(`faturamento-${from}-a-${thisMonth}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx.path);
    const sheet = workbook.getWorksheet('Faturamento')!;
    expect(sheet.rowCount).toBe(1 + 6 + 1);
    expect(sheet.getRow(2).getCell(7).value).toBe(200);
    expect(sheet.getRow(2).getCell(7).numFmt).toBe('"R$" #,##0.00');
    expect(sheet.getRow(2).getCell(1).value).toBeInstanceOf(Date);
    expect(sheet.getRow(8).getCell(1).value).toBe('Total faturado');

    const exported = await server.db.selectFrom('audit_log').select('details').where('action', '=', 'billing.exported').orderBy('created_at').execute();
    expect(exported.map((e) => JSON.parse(e.details!))).toEqual([
      expect.objectContaining({ format: 'csv', sort: 'price_desc', rows: 6, filters: { from, to: thisMonth } }),
      expect.objectContaining({ format: 'xlsx', sort: 'price_desc', rows: 6 }),
    ]);
    await checkScreen('billing-report');
  });

  /** Clicks a download link and waits for the file: its suggested name and where Chromium saved it. */
  async function download(name: string): Promise<{ name: string; path: string }> {
    const [file] = await Promise.all([p.waitForEvent('download'), p.getByRole('link', { name }).click()]);
    return { name: file.suggestedFilename(), path: await file.path() };
  }

  it('logged no page errors or CSP violations', () => {
    expect(errors).toEqual([]);
  });
});
