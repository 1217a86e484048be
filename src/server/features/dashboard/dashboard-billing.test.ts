import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths, clinicMonthOf } from '#shared/domain/clinic-month.ts';
import { billedCall, midLastMonth } from '#tests/helpers/billing.ts';
import { createAdmin, createDoctor, createPatient, login } from '#tests/helpers/factories.ts';
import { type TestApp, createTestApp } from '#tests/helpers/test-app.ts';

/**
 * The money on the dashboards, from records billed by the server's own code (default fees:
 * R$ 150,00 a consultation, 20 % to the clinic, calls under 2 minutes "Em análise").
 * A database of its own, so the clinic's totals are exact.
 */
describe('money on the dashboards', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ LOGIN_IP_LIMIT_PER_MINUTE: '10000' });
  });
  afterAll(async () => t.close());

  it("gives the admin the clinic's month and a doctor only their own, and a patient no money at all", async () => {
    const ana = await createDoctor(t.db);
    const bruno = await createDoctor(t.db);
    const carla = await createPatient(t.db, { doctors: [ana, bruno] });
    const now = new Date();
    const thisMonth = clinicMonthOf(now);
    const lastMonth = addMonths(thisMonth, -1);
    await billedCall(t.db, ana.id, carla.id, now, 30);
    await billedCall(t.db, ana.id, carla.id, now, 25);
    await billedCall(t.db, ana.id, carla.id, now, 1); // short: under review, not counted
    await billedCall(t.db, ana.id, carla.id, midLastMonth(now), 30);
    await billedCall(t.db, bruno.id, carla.id, now, 40);
    const voided = await billedCall(t.db, bruno.id, carla.id, now, 40);
    await t.db.updateTable('billing_records').set({ status: 'voided', note: 'Duplicada.' }).where('id', '=', voided).execute();
    // Two months ago: on neither card.
    await billedCall(t.db, bruno.id, carla.id, new Date(`${addMonths(thisMonth, -2)}-15T18:00:00.000Z`), 30);

    const zero = (month: string) => ({ month, consultations: 0, grossCents: 0, clinicCents: 0, doctorCents: 0, underReview: 0 });
    const anaCookie = await login(t, ana);
    const anas = await t.request({ method: 'GET', url: '/api/dashboard', cookie: anaCookie });
    expect(anas.statusCode).toBe(200);
    expect(anas.json().earnings).toEqual({
      current: { month: thisMonth, consultations: 2, grossCents: 30_000, clinicCents: 6_000, doctorCents: 24_000, underReview: 1 },
      previous: { month: lastMonth, consultations: 1, grossCents: 15_000, clinicCents: 3_000, doctorCents: 12_000, underReview: 0 },
    });
    expect(anas.json().billing).toBeUndefined();

    const brunos = (await t.request({ method: 'GET', url: '/api/dashboard', cookie: await login(t, bruno) })).json();
    expect(brunos.earnings).toEqual({
      current: { month: thisMonth, consultations: 1, grossCents: 15_000, clinicCents: 3_000, doctorCents: 12_000, underReview: 0 },
      previous: zero(lastMonth),
    });

    // A doctor with no records sees zeros, not someone else's figures.
    const newcomer = await createDoctor(t.db);
    const newcomers = (await t.request({ method: 'GET', url: '/api/dashboard', cookie: await login(t, newcomer) })).json();
    expect(newcomers.earnings).toEqual({ current: zero(thisMonth), previous: zero(lastMonth) });

    const adminCookie = await login(t, await createAdmin(t.db));
    const admins = (await t.request({ method: 'GET', url: '/api/dashboard', cookie: adminCookie })).json();
    expect(admins.billing).toEqual({
      current: { month: thisMonth, consultations: 3, grossCents: 45_000, clinicCents: 9_000, doctorCents: 36_000, underReview: 1 },
      previous: { month: lastMonth, consultations: 1, grossCents: 15_000, clinicCents: 3_000, doctorCents: 12_000, underReview: 0 },
    });
    expect(admins.earnings).toBeUndefined();

    const patientCookie = await login(t, carla);
    const patients = (await t.request({ method: 'GET', url: '/api/dashboard', cookie: patientCookie })).json();
    expect(patients.role).toBe('patient');
    expect(patients).not.toHaveProperty('earnings');
    expect(patients).not.toHaveProperty('billing');
    for (const url of ['/api/me/billing/summary', '/api/me/billing', '/api/billing/summary', '/api/billing']) {
      expect((await t.request({ method: 'GET', url, cookie: patientCookie })).statusCode, url).toBe(403);
    }
    expect((await t.request({ method: 'GET', url: '/api/billing/summary', cookie: anaCookie })).statusCode).toBe(403);
  });

  it("a doctor's own summary (Meus ganhos) holds only their records, whatever they ask", async () => {
    const ana = await createDoctor(t.db);
    const bruno = await createDoctor(t.db);
    const carla = await createPatient(t.db, { doctors: [ana, bruno] });
    const now = new Date();
    await billedCall(t.db, ana.id, carla.id, now, 30);
    await billedCall(t.db, bruno.id, carla.id, now, 30);
    await billedCall(t.db, bruno.id, carla.id, now, 30);
    const anaCookie = await login(t, ana);
    const summary = await t.request({ method: 'GET', url: `/api/me/billing/summary?month=${clinicMonthOf(now)}&doctorId=${bruno.id}`, cookie: anaCookie });
    expect(summary.statusCode).toBe(200);
    expect(summary.json().months.at(-1)).toMatchObject({ consultations: 1, grossCents: 15_000, doctorCents: 12_000 });
    expect(summary.json().byDoctor).toEqual([
      { doctor: { id: ana.id, name: ana.name }, consultations: 1, grossCents: 15_000, clinicCents: 3_000, doctorCents: 12_000 },
    ]);
    const res = await t.request({ method: 'GET', url: `/api/me/billing?doctorId=${bruno.id}`, cookie: anaCookie });
    expect(res.statusCode, res.body).toBe(200);
    const records = res.json();
    expect(records.items).toHaveLength(1);
    expect(records.items.every((r: { doctor: { id: string } }) => r.doctor.id === ana.id)).toBe(true);
  });
});
