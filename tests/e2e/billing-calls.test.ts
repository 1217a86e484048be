import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserRow } from '#server/db/types.ts';
import { DESKTOP, PHONE, expectAccessible, expectNoHorizontalOverflow, launchChromium, newContext, screenshot } from '../helpers/browser';
import { type CallPage, expectFramesGrowing, signedInCallPage } from '../helpers/call-pages';
import { createDoctor, createPatient } from '../helpers/factories';
import { ADMIN, startLiveServer } from '../helpers/live-server';
import { chromiumAvailable } from '../helpers/requirements';

const run = chromiumAvailable();

/** Intl puts a non-breaking space after "R$"; compare what people read. */
const plain = (s: string) => s.replace(/\u00a0/g, ' ');

/**
 * Billing from real calls, end to end: two doctors each finish a real WebRTC call (fake camera
 * devices); the admin gives one of them a new price on the doctor's page; that doctor's next call
 * bills at the new price while the first two keep the old one; a short call waits "Em análise"
 * and the admin approves it; the admin's Faturamento and the doctor's Meus ganhos show the totals.
 */
describe.runIf(run)('billing from real calls', () => {
  let server: Awaited<ReturnType<typeof startLiveServer>>;
  let browser: Browser;
  let admin: Page;
  let firstIds: string[] = [];
  const people: Record<'ana' | 'bruno', { doctor: UserRow; patient: UserRow; doctorPage: CallPage; patientPage: CallPage; consented: boolean }> = {} as never;

  beforeAll(async () => {
    server = await startLiveServer();
    browser = await launchChromium();
    for (const [key, doctorName, patientName] of [
      ['ana', 'Ana Ribeiro', 'Carla Mendes'],
      ['bruno', 'Bruno Lima', 'Davi Rocha'],
    ] as const) {
      const doctor = await createDoctor(server.db, { name: doctorName });
      const patient = await createPatient(server.db, { name: patientName, doctors: [doctor] });
      people[key] = {
        doctor,
        patient,
        doctorPage: await signedInCallPage(browser, server.url, doctor.email, DESKTOP),
        patientPage: await signedInCallPage(browser, server.url, patient.email, PHONE),
        consented: false,
      };
    }
    const context = await newContext(browser, server.url, DESKTOP);
    const login = await context.request.post('/api/auth/login', { data: ADMIN, headers: { origin: server.url } });
    expect(login.status()).toBe(200);
    admin = await context.newPage();
    // Every call in this test is seconds long: bill them, until the test turns the minimum back on.
    await setMinimumMinutes(0);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function setMinimumMinutes(minutes: number): Promise<void> {
    const res = await admin.request.put('/api/fees', {
      data: { price: 'R$ 150,00', share: '20', reviewBelowMinutes: minutes },
      headers: { origin: server.url },
    });
    expect(res.status(), await res.text()).toBe(200);
  }

  /** A real call between the doctor and their patient, finalized by the doctor; returns its billing record. */
  async function realCall(who: 'ana' | 'bruno') {
    const { doctor, patient, doctorPage, patientPage } = people[who];
    const res = await doctorPage.context.request.post('/api/rooms', { data: { patientId: patient.id }, headers: { origin: server.url } });
    expect(res.status()).toBe(201);
    const code = ((await res.json()) as { code: string }).code;

    const p = patientPage.page;
    await p.goto(`/sala/${code}`);
    if (!people[who].consented) {
      await p.getByLabel('Li e concordo com o termo').check();
      await p.getByRole('button', { name: 'Aceitar e continuar' }).click();
      people[who].consented = true;
    }
    await p.getByRole('button', { name: 'Entrar na consulta', exact: true }).click();
    await p
      .getByText(/Aguardando/)
      .first()
      .waitFor();

    const d = doctorPage.page;
    await d.goto(`/sala/${code}`);
    await d.getByRole('button', { name: 'Entrar na consulta', exact: true }).click();
    await d.getByRole('button', { name: 'Deixar entrar' }).click();
    await expectFramesGrowing(d, `${who}: doctor`);
    await expectFramesGrowing(p, `${who}: patient`);
    await d.getByRole('button', { name: 'Finalizar consulta' }).click();
    await d.getByRole('button', { name: 'Sim, finalizar' }).click();
    await p.getByText('A consulta foi encerrada.').first().waitFor();

    const record = await server.db
      .selectFrom('billing_records as b')
      .innerJoin('consultations as c', 'c.id', 'b.consultation_id')
      .innerJoin('rooms as r', 'r.id', 'c.room_id')
      .select(['b.id', 'b.price_cents', 'b.clinic_cents', 'b.doctor_cents', 'b.status', 'b.doctor_id', 'b.kind'])
      .where('r.code', '=', code)
      .execute();
    expect(record).toHaveLength(1);
    expect(record[0]!.doctor_id).toBe(doctor.id);
    return record[0]!;
  }

  const priceOf = async (id: string) =>
    await server.db.selectFrom('billing_records').select(['price_cents', 'status']).where('id', '=', id).executeTakeFirstOrThrow();

  it('two doctors each finish a real call, billed at the clinic price', async () => {
    const first = await realCall('ana');
    const second = await realCall('bruno');
    for (const r of [first, second])
      expect(r).toMatchObject({ kind: 'video', status: 'billed', price_cents: 15_000, clinic_cents: 3_000, doctor_cents: 12_000 });
    firstIds = [first.id, second.id];
  });

  it('the admin gives Ana a new price on her page; her next call bills at it, the first two keep theirs', async () => {
    await admin.goto(`/admin/usuarios/${people.ana.doctor.id}`);
    await admin.getByLabel('Valor da consulta').fill('R$ 200,00');
    await admin.getByRole('button', { name: 'Salvar valores do médico' }).click();
    await admin.getByText('Valores do médico salvos').first().waitFor();

    const third = await realCall('ana');
    expect(third).toMatchObject({ status: 'billed', price_cents: 20_000, clinic_cents: 4_000, doctor_cents: 16_000 });
    for (const id of firstIds) expect(await priceOf(id)).toEqual({ price_cents: 15_000, status: 'billed' });
  });

  it('a short call waits "Em análise"; the admin approves it on Faturamento and the totals add up', async () => {
    await setMinimumMinutes(2);
    const short = await realCall('bruno');
    expect(short).toMatchObject({ status: 'under_review', price_cents: 15_000 });

    await admin.goto('/admin/faturamento');
    await admin.getByRole('heading', { level: 1, name: 'Faturamento' }).waitFor();
    const figure = (label: string) => async () =>
      plain(
        await admin
          .getByRole('article')
          .filter({ has: admin.getByRole('heading', { name: label, exact: true }) })
          .locator('.stat-card-value')
          .innerText(),
      );
    await expect.poll(figure('Faturamento bruto')).toBe('R$ 500,00');
    await admin.getByText('1 consulta curta espera sua decisão.').waitFor();
    await admin.getByRole('button', { name: 'Ver consultas em análise' }).click();
    const row = admin
      .getByRole('table', { name: /^Consultas de/ })
      .getByRole('row')
      .filter({ hasText: 'Davi Rocha' });
    await row.getByRole('button', { name: /^Aprovar/ }).click();
    await admin.getByText('aprovada: agora entra no faturamento.').waitFor();
    expect(await priceOf(short.id)).toEqual({ price_cents: 15_000, status: 'billed' });

    await expect.poll(figure('Consultas faturadas')).toBe('4');
    await expect.poll(figure('Faturamento bruto')).toBe('R$ 650,00');
    await expect.poll(figure('Comissão da clínica')).toBe('R$ 130,00');
    await expect.poll(figure('Repasse aos médicos')).toBe('R$ 520,00');
    const byDoctor = admin.getByRole('table', { name: /^Faturamento por médico/ });
    expect(plain(await byDoctor.getByRole('row').filter({ hasText: 'Ana Ribeiro' }).innerText())).toContain('R$ 350,00');
    expect(plain(await byDoctor.getByRole('row').filter({ hasText: 'Bruno Lima' }).innerText())).toContain('R$ 300,00');

    for (const [label, viewport] of [
      ['desktop', DESKTOP],
      ['phone', PHONE],
    ] as const) {
      await admin.setViewportSize(viewport);
      await admin.evaluate(() => window.scrollTo(0, 0));
      await expectNoHorizontalOverflow(admin, `billing after calls ${label}`);
      await expectAccessible(admin, `billing-after-calls-${label}`);
      await screenshot(admin, `billing-after-calls-${label}`);
    }
  });

  it('Ana sees her own share of her two calls on Meus ganhos', async () => {
    const d = people.ana.doctorPage.page;
    await d.goto('/medico/ganhos');
    const figure = (label: string) => async () =>
      plain(
        await d
          .getByRole('article')
          .filter({ has: d.getByRole('heading', { name: label, exact: true }) })
          .locator('.stat-card-value')
          .innerText(),
      );
    await expect.poll(figure('Você recebe'), { timeout: 5_000 }).toBe('R$ 280,00');
    await expect.poll(figure('Consultas faturadas'), { timeout: 5_000 }).toBe('2');
    expect(await d.getByText('Davi Rocha').count()).toBe(0);
  });
});
