import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VALID_CPFS, createAdmin, createDoctor, createPatient, login } from '#tests/helpers/factories.ts';
import { type TestApp, createTestApp } from '#tests/helpers/test-app.ts';
import type { Db } from '#server/db/database.ts';
import type { UserRow } from '#server/db/types.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ LOGIN_IP_LIMIT_PER_MINUTE: '10000' });
});
afterAll(async () => t.close());

const INVITE_URL = /^http:\/\/localhost:80\/convite\/[A-Za-z0-9_-]{43}$/;
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

async function snapshot(db: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of ['users', 'patient_profiles', 'doctor_patients', 'invites', 'audit_log']) {
    const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(db);
    out[table] = Number(rows[0]!.n);
  }
  return out;
}

/** A doctor with a session, ready to call the routes. */
async function signedInDoctor(): Promise<{ doctor: UserRow; cookie: string }> {
  const doctor = await createDoctor(t.db);
  return { doctor, cookie: await login(t, doctor) };
}

const ids = (body: { items: { id: string }[] }) => body.items.map((i) => i.id).sort();

describe('GET /api/patients', () => {
  it('lists only the doctor\u2019s own patients, with search and pagination', async () => {
    const { doctor, cookie } = await signedInDoctor();
    const other = await createDoctor(t.db);
    const mine = [
      await createPatient(t.db, { doctors: [doctor], name: 'Sebastião Moreira' }),
      await createPatient(t.db, { doctors: [doctor, other], name: 'Luíza Prado' }),
      await createPatient(t.db, { doctors: [doctor], name: 'Renata Alves', status: 'inactive' }),
    ];
    await createPatient(t.db, { doctors: [other], name: 'Sebastião Outro' });
    await createPatient(t.db, { name: 'Sebastião Sem Médico' });

    const all = await t.request({ method: 'GET', url: '/api/patients', cookie });
    expect(all.statusCode).toBe(200);
    expect(all.json().total).toBe(3);
    expect(ids(all.json())).toEqual(mine.map((p) => p.id).sort());
    expect(all.json().items[0]).toMatchObject({ role: 'patient', phone: null, birthDate: null });

    const search = await t.request({ method: 'GET', url: '/api/patients', cookie, query: { q: 'SEBASTIAO' } });
    expect(ids(search.json())).toEqual([mine[0]!.id]);
    const page = await t.request({ method: 'GET', url: '/api/patients', cookie, query: { page: '2', pageSize: '2' } });
    expect(page.json()).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page.json().items).toHaveLength(1);
    const bad = await t.request({ method: 'GET', url: '/api/patients', cookie, query: { pageSize: '0' } });
    expect(bad.statusCode).toBe(400);
  });

  it('finds a patient by CPF', async () => {
    const { doctor, cookie } = await signedInDoctor();
    const patient = await createPatient(t.db, { doctors: [doctor] });
    await createPatient(t.db, { doctors: [doctor] });
    await t.db.updateTable('patient_profiles').set({ cpf: VALID_CPFS[0]! }).where('user_id', '=', patient.id).execute();
    const res = await t.request({ method: 'GET', url: '/api/patients', cookie, query: { q: '529.982' } });
    expect(ids(res.json())).toEqual([patient.id]);
  });
});

describe('POST /api/patients', () => {
  it('registers a patient linked to the doctor and returns an invite', async () => {
    const { doctor, cookie } = await signedInDoctor();
    const email = `novo.paciente.${Date.now()}@example.com`;
    const res = await t.request({
      method: 'POST',
      url: '/api/patients',
      cookie,
      payload: { email, profile: { name: 'Paulo Ribeiro', cpf: '111.444.777-35', birthDate: '1990-01-31', phone: '(11) 3456-7890' } },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().invite.url).toMatch(INVITE_URL);
    expect(res.json().user).toMatchObject({ email, role: 'patient', activated: false });
    const id = res.json().user.id;
    const links = await t.db.selectFrom('doctor_patients').select('doctor_id').where('patient_id', '=', id).execute();
    expect(links).toEqual([{ doctor_id: doctor.id }]);
    const profile = await t.db.selectFrom('patient_profiles').selectAll().where('user_id', '=', id).executeTakeFirstOrThrow();
    expect(profile).toMatchObject({ cpf: '11144477735', birth_date: '1990-01-31', phone: '1134567890' });
    const detail = await t.request({ method: 'GET', url: `/api/patients/${id}`, cookie });
    expect(detail.json()).toMatchObject({ pendingInvite: true, patient: { cpf: '11144477735' } });
  });

  it('refuses a taken e-mail and invalid values without writing anything', async () => {
    const { cookie } = await signedInDoctor();
    const taken = await createDoctor(t.db);
    const before = await snapshot(t.db);
    const cases: [Record<string, unknown>, number, string][] = [
      [{ email: taken.email, profile: { name: 'Paulo Ribeiro' } }, 409, 'email'],
      [{ email: 'a@example.com', profile: { name: 'Paulo Ribeiro', cpf: '111.444.777-36' } }, 400, 'profile.cpf'],
      [{ email: 'a@example.com', profile: { name: 'Paulo Ribeiro', birthDate: '1899-12-31' } }, 400, 'profile.birthDate'],
      [{ email: 'a@example.com', profile: { name: 'P' } }, 400, 'profile.name'],
      [{ email: 'a@example.com', profile: { name: 'Paulo Ribeiro', phone: '0000' } }, 400, 'profile.phone'],
      [{ email: 'sem-arroba', profile: { name: 'Paulo Ribeiro' } }, 400, 'email'],
    ];
    for (const [payload, status, field] of cases) {
      const res = await t.request({ method: 'POST', url: '/api/patients', cookie, payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(status);
      expect(res.json().error.fields[field], res.body).toEqual(expect.any(String));
    }
    expect(await snapshot(t.db)).toEqual(before);
  });

  it('an e-mail already registered gets one neutral 409 patient_exists, the same for a patient, a doctor and an admin', async () => {
    const { cookie } = await signedInDoctor();
    const otherDoctorsPatient = await createPatient(t.db, { doctors: [await createDoctor(t.db)] });
    const unlinkedPatient = await createPatient(t.db);
    const staffDoctor = await createDoctor(t.db);
    const staffAdmin = await createAdmin(t.db);
    const before = await snapshot(t.db);
    const answers: { status: number; body: unknown }[] = [];
    for (const holder of [otherDoctorsPatient, unlinkedPatient, staffDoctor, staffAdmin]) {
      // Typed in another case, as a person would: still the same account.
      const res = await t.request({
        method: 'POST',
        url: '/api/patients',
        cookie,
        payload: { email: holder.email.toUpperCase(), profile: { name: 'Paulo Ribeiro' } },
      });
      answers.push({ status: res.statusCode, body: res.json() });
    }
    const expected = {
      status: 409,
      body: {
        error: {
          code: 'patient_exists',
          message: 'Já existe um cadastro com este e-mail. Peça à administração para vincular.',
          fields: { email: 'Já existe um cadastro com este e-mail. Peça à administração para vincular.' },
        },
      },
    };
    // Byte for byte the same: nothing tells staff apart from patients.
    expect(answers).toEqual([expected, expected, expected, expected]);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it('the admin still gets 409 email_taken for a used e-mail', async () => {
    const adminCookie = await login(t, await createAdmin(t.db));
    const taken = await createDoctor(t.db);
    const res = await t.request({
      method: 'POST',
      url: '/api/users',
      cookie: adminCookie,
      payload: { role: 'patient', email: taken.email, profile: { name: 'Paulo Ribeiro' }, doctorIds: [] },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('email_taken');
  });
});

describe('GET/PUT /api/patients/:id and POST /api/patients/:id/invite', () => {
  it('reads and edits the doctor\u2019s own patient', async () => {
    const { doctor, cookie } = await signedInDoctor();
    const patient = await createPatient(t.db, { doctors: [doctor] });
    const read = await t.request({ method: 'GET', url: `/api/patients/${patient.id}`, cookie });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ user: { id: patient.id, email: patient.email }, patient: { cpf: null }, pendingInvite: false });

    const edit = await t.request({
      method: 'PUT',
      url: `/api/patients/${patient.id}`,
      cookie,
      payload: { profile: { name: 'Maria Editada', cpf: VALID_CPFS[2]!, birthDate: '2000-02-29', phone: '+55 21 99876-5432' } },
    });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(edit.json()).toMatchObject({ user: { name: 'Maria Editada' }, patient: { cpf: VALID_CPFS[2], birthDate: '2000-02-29', phone: '21998765432' } });
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('entity_id', '=', patient.id)
      .where('action', '=', 'patient.updated')
      .execute();
    expect(audit).toEqual([{ action: 'patient.updated', actor_id: doctor.id }]);
    // The doctor cannot change the e-mail: extra fields are ignored.
    await t.request({ method: 'PUT', url: `/api/patients/${patient.id}`, cookie, payload: { email: 'outro@example.com', profile: { name: 'Maria Editada' } } });
    expect((await t.db.selectFrom('users').select('email').where('id', '=', patient.id).executeTakeFirstOrThrow()).email).toBe(patient.email);
  });

  it('renews the invite of an own patient who has not set a password, and refuses once they have', async () => {
    const { doctor, cookie } = await signedInDoctor();
    const pending = await createPatient(t.db, { doctors: [doctor], activated: false });
    const res = await t.request({ method: 'POST', url: `/api/patients/${pending.id}/invite`, cookie });
    expect(res.statusCode).toBe(200);
    expect(res.json().url).toMatch(INVITE_URL);
    const active = await createPatient(t.db, { doctors: [doctor] });
    const done = await t.request({ method: 'POST', url: `/api/patients/${active.id}/invite`, cookie });
    expect(done.statusCode).toBe(409);
    expect(done.json().error.code).toBe('already_activated');
  });

  it('refuses bad edits with 400 and changes nothing', async () => {
    const { doctor, cookie } = await signedInDoctor();
    const patient = await createPatient(t.db, { doctors: [doctor] });
    const before = await t.db.selectFrom('patient_profiles').selectAll().where('user_id', '=', patient.id).execute();
    for (const profile of [{ name: 'Maria', cpf: '123' }, { name: 'Maria', birthDate: '31/12/1990' }, { name: '' }]) {
      const res = await t.request({ method: 'PUT', url: `/api/patients/${patient.id}`, cookie, payload: { profile } });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('validation_error');
    }
    expect(await t.db.selectFrom('patient_profiles').selectAll().where('user_id', '=', patient.id).execute()).toEqual(before);
  });

  it('answers another doctor\u2019s patient exactly like a missing one (404 not_found), and changes nothing', async () => {
    const { cookie } = await signedInDoctor();
    const other = await createDoctor(t.db);
    const theirs = await createPatient(t.db, { doctors: [other], activated: false });
    const before = { counts: await snapshot(t.db), user: await t.db.selectFrom('users').selectAll().where('id', '=', theirs.id).execute() };
    for (const id of [theirs.id, other.id, UNKNOWN_ID]) {
      const calls = [
        { method: 'GET' as const, url: `/api/patients/${id}` },
        { method: 'PUT' as const, url: `/api/patients/${id}`, payload: { profile: { name: 'Nome Trocado' } } },
        { method: 'POST' as const, url: `/api/patients/${id}/invite` },
      ];
      for (const call of calls) {
        const res = await t.request({ ...call, cookie });
        expect(res.statusCode, `${call.method} ${call.url}`).toBe(404);
        expect(res.json()).toEqual({ error: { code: 'not_found', message: 'Paciente não encontrado.' } });
      }
    }
    expect({ counts: await snapshot(t.db), user: await t.db.selectFrom('users').selectAll().where('id', '=', theirs.id).execute() }).toEqual(before);
  });

  it('refuses a non-uuid id with 400', async () => {
    const { cookie } = await signedInDoctor();
    for (const method of ['GET', 'PUT'] as const) {
      const res = await t.request({ method, url: '/api/patients/abc', cookie, payload: { profile: { name: 'Nome Qualquer' } } });
      expect(res.statusCode).toBe(400);
    }
    expect((await t.request({ method: 'POST', url: '/api/patients/abc/invite', cookie })).statusCode).toBe(400);
  });
});

describe('access control on doctor routes', () => {
  it('refuses admins and patients with 403, anonymous callers with 401, foreign origins with 403', async () => {
    const doctor = await createDoctor(t.db);
    const patient = await createPatient(t.db, { doctors: [doctor], activated: false });
    const routes = [
      { method: 'GET' as const, url: '/api/patients' },
      { method: 'POST' as const, url: '/api/patients', payload: { email: 'x@example.com', profile: { name: 'Paulo Ribeiro' } } },
      { method: 'GET' as const, url: `/api/patients/${patient.id}` },
      { method: 'PUT' as const, url: `/api/patients/${patient.id}`, payload: { profile: { name: 'Nome Trocado' } } },
      { method: 'POST' as const, url: `/api/patients/${patient.id}/invite` },
    ];
    const adminCookie = await login(t, await createAdmin(t.db));
    const patientCookie = await login(t, await createPatient(t.db, { doctors: [doctor] }));
    const doctorCookie = await login(t, doctor);
    const before = await snapshot(t.db);
    for (const route of routes) {
      for (const cookie of [adminCookie, patientCookie]) {
        const res = await t.request({ ...route, cookie });
        expect(res.statusCode, `${route.method} ${route.url}`).toBe(403);
        expect(res.json().error.code).toBe('forbidden');
      }
      expect((await t.request(route)).statusCode).toBe(401);
      if (route.method !== 'GET') {
        const evil = await t.request({ ...route, cookie: doctorCookie, headers: { origin: 'https://evil.example' } });
        expect(evil.statusCode).toBe(403);
        expect(evil.json().error.code).toBe('bad_origin');
      }
    }
    expect(await snapshot(t.db)).toEqual(before);
  });
});

describe('GET /api/my-doctors', () => {
  it('lists only the patient\u2019s active doctors', async () => {
    const [a, b] = [await createDoctor(t.db, { name: 'Dra. Beatriz Lima' }), await createDoctor(t.db, { name: 'Dr. André Costa' })];
    const gone = await createDoctor(t.db, { status: 'inactive' });
    await createDoctor(t.db);
    const patient = await createPatient(t.db, { doctors: [a, b, gone] });
    const res = await t.request({ method: 'GET', url: '/api/my-doctors', cookie: await login(t, patient) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([
      { id: b.id, name: 'Dr. André Costa', specialty: 'Clínica médica', crm: expect.stringMatching(/^CRM\/SP \d+$/), photoUrl: null },
      { id: a.id, name: 'Dra. Beatriz Lima', specialty: 'Clínica médica', crm: expect.stringMatching(/^CRM\/SP \d+$/), photoUrl: null },
    ]);
    const alone = await createPatient(t.db);
    expect((await t.request({ method: 'GET', url: '/api/my-doctors', cookie: await login(t, alone) })).json()).toEqual([]);
  });

  it('is for patients only', async () => {
    const doctor = await createDoctor(t.db);
    for (const user of [doctor, await createAdmin(t.db)]) {
      const res = await t.request({ method: 'GET', url: '/api/my-doctors', cookie: await login(t, user) });
      expect(res.statusCode).toBe(403);
    }
    expect((await t.request({ method: 'GET', url: '/api/my-doctors' })).statusCode).toBe(401);
  });
});
