import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdmin, createDoctor, createPatient, login } from '#tests/helpers/factories.ts';
import { type TestApp, createTestApp } from '#tests/helpers/test-app.ts';
import { cpfCheckDigits, formatCpf } from '#shared/domain/cpf-cnpj.ts';
import type { Db } from '#server/db/database.ts';
import * as uniqueCpfMigration from '#server/db/migrations/2026-11-30T06-00-unique-cpf.ts';

let t: TestApp;
let adminCookie: string;

beforeAll(async () => {
  t = await createTestApp({ LOGIN_IP_LIMIT_PER_MINUTE: '10000' });
  adminCookie = await login(t, await createAdmin(t.db));
});
afterAll(async () => t.close());

let base = 100_000_000 + Math.floor(Math.random() * 800_000_000);
/** A valid CPF no other test in this file uses (digits only). */
function freshCpf(): string {
  base += 1;
  const nine = String(base).padStart(9, '0');
  return nine + cpfCheckDigits(nine);
}

async function patientWithCpf(cpf: string) {
  const patient = await createPatient(t.db);
  await t.db.updateTable('patient_profiles').set({ cpf }).where('user_id', '=', patient.id).execute();
  return patient;
}

async function counts(db: Db) {
  const out: Record<string, number> = {};
  for (const table of ['users', 'patient_profiles', 'doctor_patients', 'invites', 'audit_log']) {
    const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(db);
    out[table] = Number(rows[0]!.n);
  }
  return out;
}

function expectCpfTaken(res: { statusCode: number; json: () => { error: { code: string; message: string; fields?: Record<string, string> } } }) {
  expect(res.statusCode).toBe(409);
  const { error } = res.json();
  expect(error.code).toBe('cpf_taken');
  expect(error.message).toBe('Já existe um paciente com este CPF.');
  expect(error.fields?.['profile.cpf']).toMatch(/Já existe um paciente com este CPF/);
}

const newEmail = () => `cpf-${Math.random().toString(36).slice(2, 10)}@example.com`;

describe('one CPF, one patient', () => {
  it('admin: creating a patient with a CPF another patient holds (typed with punctuation) answers 409 cpf_taken and writes nothing', async () => {
    const cpf = freshCpf();
    await patientWithCpf(cpf);
    const before = await counts(t.db);
    const res = await t.request({
      method: 'POST',
      url: '/api/users',
      cookie: adminCookie,
      payload: { role: 'patient', email: newEmail(), profile: { name: 'Carlos Pereira', cpf: formatCpf(cpf) }, doctorIds: [] },
    });
    expectCpfTaken(res);
    expect(await counts(t.db)).toEqual(before);
  });

  it('admin: editing a patient to another patient’s CPF answers 409; keeping their own CPF is fine', async () => {
    const cpf = freshCpf();
    const holder = await patientWithCpf(cpf);
    const own = freshCpf();
    const other = await patientWithCpf(own);
    const put = (value: string) =>
      t.request({
        method: 'PUT',
        url: `/api/users/${other.id}`,
        cookie: adminCookie,
        payload: { role: 'patient', email: other.email, profile: { name: 'Outra Pessoa', cpf: value }, doctorIds: [] },
      });
    expectCpfTaken(await put(cpf));
    expect((await t.db.selectFrom('patient_profiles').select('cpf').where('user_id', '=', other.id).executeTakeFirstOrThrow()).cpf).toBe(own);
    expect((await t.db.selectFrom('users').select('name').where('id', '=', other.id).executeTakeFirstOrThrow()).name).not.toBe('Outra Pessoa');
    const keep = await put(formatCpf(own));
    expect(keep.statusCode, keep.body).toBe(200);
    expect(keep.json().patient.cpf).toBe(own);
    expect((await t.db.selectFrom('patient_profiles').select('cpf').where('user_id', '=', holder.id).executeTakeFirstOrThrow()).cpf).toBe(cpf);
  });

  it('doctor: registering or editing an own patient with a CPF already held answers 409 cpf_taken', async () => {
    const doctor = await createDoctor(t.db);
    const cookie = await login(t, doctor);
    const cpf = freshCpf();
    await patientWithCpf(cpf);
    const before = await counts(t.db);
    const create = await t.request({ method: 'POST', url: '/api/patients', cookie, payload: { email: newEmail(), profile: { name: 'Paulo Ribeiro', cpf } } });
    expectCpfTaken(create);
    expect(await counts(t.db)).toEqual(before);

    const mine = await createPatient(t.db, { doctors: [doctor] });
    const edit = await t.request({
      method: 'PUT',
      url: `/api/patients/${mine.id}`,
      cookie,
      payload: { profile: { name: 'Paulo Ribeiro', cpf: formatCpf(cpf) } },
    });
    expectCpfTaken(edit);
    expect((await t.db.selectFrom('patient_profiles').select('cpf').where('user_id', '=', mine.id).executeTakeFirstOrThrow()).cpf).toBeNull();
  });

  it('patient: typing another patient’s CPF in their own profile answers 409 cpf_taken and changes nothing', async () => {
    const cpf = freshCpf();
    await patientWithCpf(cpf);
    const me = await createPatient(t.db);
    const cookie = await login(t, me);
    const res = await t.request({ method: 'PATCH', url: '/api/me/profile', cookie, payload: { name: 'Márcia Antunes', cpf: formatCpf(cpf) } });
    expectCpfTaken(res);
    const row = await t.db.selectFrom('patient_profiles').select('cpf').where('user_id', '=', me.id).executeTakeFirstOrThrow();
    expect(row.cpf).toBeNull();
    const name = await t.db.selectFrom('users').select('name').where('id', '=', me.id).executeTakeFirstOrThrow();
    expect(name.name).toBe(me.name);
  });

  it('concurrent registrations with one CPF: exactly one is created, the others get 409 cpf_taken (never 500)', async () => {
    const cpf = freshCpf();
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        t.request({
          method: 'POST',
          url: '/api/users',
          cookie: adminCookie,
          payload: { role: 'patient', email: newEmail(), profile: { name: 'Carlos Pereira', cpf }, doctorIds: [] },
        }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    for (const r of results.filter((x) => x.statusCode === 409)) expectCpfTaken(r);
    const holders = await t.db.selectFrom('patient_profiles').select('user_id').where('cpf', '=', cpf).execute();
    expect(holders).toHaveLength(1);
  });

  it('the database itself refuses a second holder, and many patients may have no CPF', async () => {
    const cpf = freshCpf();
    const first = await createPatient(t.db);
    const second = await createPatient(t.db);
    await t.db.updateTable('patient_profiles').set({ cpf }).where('user_id', '=', first.id).execute();
    await expect(t.db.updateTable('patient_profiles').set({ cpf }).where('user_id', '=', second.id).execute()).rejects.toThrow();
    const nulls = await t.db.selectFrom('patient_profiles').select('user_id').where('cpf', 'is', null).execute();
    expect(nulls.length).toBeGreaterThan(1);
  });
});

describe('migration 2026-11-30T06-00-unique-cpf', () => {
  it('keeps the CPF on the oldest patient, clears it on later duplicates with one audit row each, normalises punctuation, then builds the index', async () => {
    // Back to the schema before this migration, with the duplicates a real database can hold.
    await uniqueCpfMigration.down(t.db);
    const cpf = freshCpf();
    const lonely = freshCpf();
    const oldest = await patientWithCpf(formatCpf(cpf));
    const later = await patientWithCpf(cpf);
    const latest = await patientWithCpf(`${cpf.slice(0, 9)}-${cpf.slice(9)}`);
    const alone = await patientWithCpf(formatCpf(lonely));
    // Make the registration order explicit rather than rely on the clock's resolution.
    for (const [user, at] of [
      [latest, '2022-01-01T00:00:00.000Z'],
      [oldest, '2020-01-01T00:00:00.000Z'],
      [later, '2021-01-01T00:00:00.000Z'],
    ] as const) {
      await t.db.updateTable('users').set({ created_at: at }).where('id', '=', user.id).execute();
    }

    await uniqueCpfMigration.up(t.db);

    const cpfOf = async (id: string) => (await t.db.selectFrom('patient_profiles').select('cpf').where('user_id', '=', id).executeTakeFirstOrThrow()).cpf;
    expect(await cpfOf(oldest.id)).toBe(cpf);
    expect(await cpfOf(later.id)).toBeNull();
    expect(await cpfOf(latest.id)).toBeNull();
    expect(await cpfOf(alone.id)).toBe(lonely);
    // The people themselves are all still there.
    expect(await t.db.selectFrom('users').select('id').where('id', 'in', [oldest.id, later.id, latest.id]).execute()).toHaveLength(3);

    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'patient.cpf_cleared')
      .where('entity_id', 'in', [oldest.id, later.id, latest.id, alone.id])
      .execute();
    expect(audit.map((a) => a.entity_id).sort()).toEqual([later.id, latest.id].sort());
    for (const a of audit) {
      expect(a).toMatchObject({ actor_id: null, entity_type: 'user' });
      expect(JSON.parse(a.details!)).toMatchObject({ reason: 'duplicate_cpf', keptBy: oldest.id });
    }
    // And the index is back: a second holder is refused.
    await expect(t.db.updateTable('patient_profiles').set({ cpf }).where('user_id', '=', later.id).execute()).rejects.toThrow();
  });
});
