import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths, clinicMonthOf } from '#shared/domain/clinic-month.ts';
import { billedCall, midLastMonth } from '#tests/helpers/billing.ts';
import { createAdmin, createDoctor, createPatient, login } from '#tests/helpers/factories.ts';
import { type TestApp, createTestApp } from '#tests/helpers/test-app.ts';
import * as totalsMigration from '#server/db/migrations/2026-12-01T17-00-billing-totals.ts';
import * as monthTotalsMigration from '#server/db/migrations/2026-12-01T21-00-billing-month-totals.ts';
import { billFinishedConsultation } from './billing.service';

/**
 * billing_totals and billing_month_totals (ADR 009) against a direct SUM over billing_records, after every kind of write:
 * billing a finished call, a retried bill, the admin's approve / reject / void over HTTP, a record
 * moved to another month, many calls and decisions at once, and the migration's backfill.
 * A database of its own, so the whole table is compared.
 */
let t: TestApp;
let adminCookie: string;
beforeAll(async () => {
  t = await createTestApp({ LOGIN_IP_LIMIT_PER_MINUTE: '10000' });
  adminCookie = await login(t, await createAdmin(t.db));
});
afterAll(async () => t.close());

type Line = { month: string; doctor_id: string; status: string; n: unknown; price: unknown; clinic: unknown; doctor: unknown };
const line = (r: Line) => [r.month, r.doctor_id, r.status, Number(r.n), Number(r.price), Number(r.clinic), Number(r.doctor)].join('|');

/** Every (month, doctor, status) and (month, status) total equals the sum of its records; emptied totals are all zero. */
async function expectInStep(): Promise<void> {
  const direct = await t.db
    .selectFrom('billing_records')
    .select((eb) => [
      'month',
      'doctor_id',
      'status',
      eb.fn.countAll().as('n'),
      eb.fn.sum('price_cents').as('price'),
      eb.fn.sum('clinic_cents').as('clinic'),
      eb.fn.sum('doctor_cents').as('doctor'),
    ])
    .groupBy(['month', 'doctor_id', 'status'])
    .execute();
  const totals = await t.db
    .selectFrom('billing_totals')
    .select(['month', 'doctor_id', 'status', 'consultations as n', 'price_cents as price', 'clinic_cents as clinic', 'doctor_cents as doctor'])
    .execute();
  const clinic = await t.db
    .selectFrom('billing_month_totals')
    .select(['month', 'status', 'consultations as n', 'price_cents as price', 'clinic_cents as clinic', 'doctor_cents as doctor'])
    .execute();
  const directClinic = new Map<string, Line>();
  for (const r of direct) {
    const key = `${r.month}|${r.status}`;
    const sum = directClinic.get(key) ?? { month: r.month, doctor_id: '*', status: r.status, n: 0, price: 0, clinic: 0, doctor: 0 };
    for (const k of ['n', 'price', 'clinic', 'doctor'] as const) sum[k] = Number(sum[k]) + Number(r[k]);
    directClinic.set(key, sum);
  }
  const kept = [...totals, ...clinic.map((r) => ({ ...r, doctor_id: '*' }))];
  for (const r of kept.filter((x) => Number(x.n) === 0)) expect(line(r)).toBe([r.month, r.doctor_id, r.status, 0, 0, 0, 0].join('|'));
  expect(
    kept
      .filter((r) => Number(r.n) !== 0)
      .map(line)
      .sort(),
  ).toEqual([...direct, ...directClinic.values()].map(line).sort());
}

const decide = (id: string, action: 'approve' | 'reject' | 'void', payload: Record<string, unknown> = { reason: 'Motivo do teste' }) =>
  t.request({ method: 'POST', url: `/api/billing/${id}/${action}`, cookie: adminCookie, payload });

describe('billing totals', () => {
  it('stay equal to a direct sum through billing, a retried bill, approve, reject, void and a record moved to another month', async () => {
    const ana = await createDoctor(t.db);
    const bruno = await createDoctor(t.db);
    const carla = await createPatient(t.db, { doctors: [ana, bruno] });
    const now = new Date();
    const lastMonth = midLastMonth(now);
    const a1 = await billedCall(t.db, ana.id, carla.id, now, 30);
    await billedCall(t.db, ana.id, carla.id, now, 25);
    const shortA = await billedCall(t.db, ana.id, carla.id, now, 1);
    const shortB = await billedCall(t.db, ana.id, carla.id, now, 1);
    const shortC = await billedCall(t.db, bruno.id, carla.id, lastMonth, 1);
    const b1 = await billedCall(t.db, bruno.id, carla.id, lastMonth, 40);
    await billedCall(t.db, bruno.id, carla.id, lastMonth, 45);
    await expectInStep();

    // Finishing the same consultation again (a retry, a race) bills nothing more.
    const record = await t.db.selectFrom('billing_records').select('consultation_id').where('id', '=', a1).executeTakeFirstOrThrow();
    const consultation = await t.db.selectFrom('consultations').selectAll().where('id', '=', record.consultation_id).executeTakeFirstOrThrow();
    await billFinishedConsultation(t.db, consultation);
    await expectInStep();

    expect((await decide(shortA, 'approve', {})).statusCode).toBe(200);
    await expectInStep();
    expect((await decide(shortA, 'approve', {})).statusCode).toBe(409);
    expect((await decide(shortB, 'reject')).statusCode).toBe(200);
    await expectInStep();
    expect((await decide(b1, 'void')).statusCode).toBe(200);
    expect((await decide(shortC, 'void')).statusCode).toBe(200);
    await expectInStep();

    // A record moved to another month (as an edit of finished_at would) leaves one total for the other.
    const twoMonthsAgo = addMonths(clinicMonthOf(now), -2);
    await t.db
      .updateTable('billing_records')
      .set({ month: twoMonthsAgo, finished_at: `${twoMonthsAgo}-10T15:00:00.000Z` })
      .where('id', '=', a1)
      .execute();
    await expectInStep();

    // The dashboards read the totals: Bruno's month holds only the call left billed.
    const summary = await t.request({ method: 'GET', url: `/api/billing/summary?month=${clinicMonthOf(lastMonth)}`, cookie: adminCookie });
    expect(summary.statusCode).toBe(200);
    const brunosMonth = summary.json().byDoctor.find((d: { doctor: { id: string } }) => d.doctor.id === bruno.id);
    expect(brunosMonth).toMatchObject({ consultations: 1, grossCents: 15_000, clinicCents: 3_000, doctorCents: 12_000 });
    // Every billed record of the doctor voided: the doctor leaves the month's table instead of showing zeros.
    const left = await t.db.selectFrom('billing_records').select('id').where('doctor_id', '=', bruno.id).where('status', '=', 'billed').execute();
    for (const r of left) expect((await decide(r.id, 'void')).statusCode).toBe(200);
    const after = await t.request({ method: 'GET', url: `/api/billing/summary?month=${clinicMonthOf(lastMonth)}`, cookie: adminCookie });
    expect(after.json().byDoctor.map((d: { doctor: { id: string } }) => d.doctor.id)).not.toContain(bruno.id);
    await expectInStep();
  });

  it('stay in step when many calls of one doctor finish, and are decided, at the same time', async () => {
    const doctor = await createDoctor(t.db);
    const patient = await createPatient(t.db, { doctors: [doctor] });
    const now = new Date();
    const ids = await Promise.all(Array.from({ length: 12 }, (_, i) => billedCall(t.db, doctor.id, patient.id, now, i % 3 === 0 ? 1 : 20 + i)));
    await expectInStep();
    const rows = await t.db.selectFrom('billing_records').select(['id', 'status']).where('id', 'in', ids).execute();
    const answers = await Promise.all(
      rows.map((r, i) =>
        r.status === 'under_review' ? decide(r.id, i % 2 ? 'approve' : 'reject', i % 2 ? {} : { reason: 'Sem atendimento' }) : decide(r.id, 'void'),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(rows.map(() => 200));
    await expectInStep();
  });

  it('are backfilled by their migrations from the records already there, and kept from then on', async () => {
    const isPg = t.config.database.kind === 'postgres';
    // PostgreSQL runs a migration inside the migrator's transaction; SQLite's open their own.
    const run = (step: typeof totalsMigration.up) => (isPg ? t.db.transaction().execute(async (trx) => step(trx)) : step(t.db));
    await run(monthTotalsMigration.down);
    await run(totalsMigration.down);
    const doctor = await createDoctor(t.db);
    const patient = await createPatient(t.db, { doctors: [doctor] });
    await billedCall(t.db, doctor.id, patient.id, new Date(), 30);
    await billedCall(t.db, doctor.id, patient.id, midLastMonth(), 1);
    await run(totalsMigration.up);
    await run(monthTotalsMigration.up);
    for (const table of ['billing_totals', 'billing_month_totals'] as const) {
      expect(
        Number(
          (
            await t.db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ),
      ).toBeGreaterThan(0);
    }
    await expectInStep();
    await billedCall(t.db, doctor.id, patient.id, new Date(), 50);
    await expectInStep();
  });
});
