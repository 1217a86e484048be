import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, VALID_CPFS, createAdmin, createDoctor, createPatient, login } from '#tests/helpers/factories.ts';
import { type TestApp, createTestApp } from '#tests/helpers/test-app.ts';
import type { Db } from '#server/db/database.ts';
import type { UserRow } from '#server/db/types.ts';

let t: TestApp;
let admin: UserRow;
let adminCookie: string;

beforeAll(async () => {
  t = await createTestApp({ LOGIN_IP_LIMIT_PER_MINUTE: '10000' });
  admin = await createAdmin(t.db);
  adminCookie = await login(t, admin);
});
afterAll(async () => t.close());

const INVITE_URL = /^http:\/\/localhost:80\/convite\/([A-Za-z0-9_-]{43})$/;

/** Row counts of every table a user route can write to, to prove a refused request wrote nothing. */
async function snapshot(db: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of ['users', 'doctor_profiles', 'patient_profiles', 'doctor_patients', 'invites', 'audit_log', 'sessions']) {
    const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(db);
    out[table] = Number(rows[0]!.n);
  }
  return out;
}

/** Letters only (names refuse digits), unique enough to isolate a test's rows in a shared database. */
function tag(): string {
  return Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
}

function doctorInput(o: { email?: string; name?: string; crmNumber?: string; crmUf?: string; pixKeyType?: string; pixKey?: string; phone?: string } = {}) {
  const { email, ...profile } = o;
  return {
    role: 'doctor',
    email: email ?? `medica-${tag()}@example.com`,
    profile: {
      name: 'Dra. Júlia Souza',
      crmNumber: String(1_000_000 + Math.floor(Math.random() * 8_999_999)),
      crmUf: 'SP',
      specialty: 'Cardiologia',
      ...profile,
    },
  };
}

function patientInput(o: { email?: string; name?: string; cpf?: string; birthDate?: string; doctorIds?: string[] } = {}) {
  const { email, doctorIds, ...profile } = o;
  return { role: 'patient', email: email ?? `paciente-${tag()}@example.com`, profile: { name: 'Carlos Pereira', ...profile }, doctorIds: doctorIds ?? [] };
}

async function createUser(payload: unknown, cookie = adminCookie) {
  return t.request({ method: 'POST', url: '/api/users', cookie, payload: payload as Record<string, unknown> });
}

/** What the admin did to a person, oldest first (their own sign-ins are audited too, but not by the admin). */
async function auditActions(entityId: string): Promise<string[]> {
  const rows = await t.db
    .selectFrom('audit_log')
    .select('action')
    .where('entity_id', '=', entityId)
    .where('actor_id', '=', admin.id)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => r.action);
}

describe('GET /api/users', () => {
  it('searches name and email, ignoring case and accents', async () => {
    const k = tag();
    const joao = await createDoctor(t.db, { name: `João ${k} Araújo` });
    const erica = await createPatient(t.db, { name: `ÉRICA ${k} GONÇALVES`, email: `erica.${k}@clinica.com.br` });
    await createPatient(t.db, { name: 'Outra Pessoa' });

    const search = async (q: string) => {
      const res = await t.request({ method: 'GET', url: '/api/users', cookie: adminCookie, query: { q } });
      expect(res.statusCode).toBe(200);
      return (res.json().items as { id: string }[]).map((u) => u.id).sort();
    };
    expect(await search(k)).toEqual([joao.id, erica.id].sort());
    expect(await search(`JOÃO ${k.toUpperCase()}`)).toEqual([joao.id]);
    expect(await search(`joao ${k}`)).toEqual([joao.id]);
    expect(await search(`érica ${k}`)).toEqual([erica.id]);
    expect(await search(`${k} goncalves`)).toEqual([erica.id]);
    expect(await search(`ERICA.${k.toUpperCase()}@CLINICA`)).toEqual([erica.id]);
    expect(await search(`${k}-nada`)).toEqual([]);
    // LIKE wildcards typed in the box never act as patterns.
    expect(await search(`João%Araújo`)).toEqual([]);
    expect(await search(`${k.slice(0, 3)}_${k.slice(4)}`)).toEqual([]);
  });

  it('finds a patient by CPF digits and a doctor by CRM number', async () => {
    const patient = await createPatient(t.db);
    await t.db.updateTable('patient_profiles').set({ cpf: VALID_CPFS[2]! }).where('user_id', '=', patient.id).execute();
    const doctor = await createDoctor(t.db);
    await t.db.updateTable('doctor_profiles').set({ crm_number: '7654321' }).where('user_id', '=', doctor.id).execute();
    const byCpf = await t.request({ method: 'GET', url: '/api/users', cookie: adminCookie, query: { q: '390.533.447-05' } });
    expect(byCpf.json().items.map((u: { id: string }) => u.id)).toEqual([patient.id]);
    const byCrm = await t.request({ method: 'GET', url: '/api/users', cookie: adminCookie, query: { q: '7654321' } });
    expect(byCrm.json().items.map((u: { id: string }) => u.id)).toEqual([doctor.id]);
  });

  it('filters by role and status', async () => {
    const k = tag();
    const active = await createDoctor(t.db, { name: `Ana ${k}` });
    const inactive = await createDoctor(t.db, { name: `Bia ${k}`, status: 'inactive' });
    const patient = await createPatient(t.db, { name: `Caio ${k}` });
    const list = async (query: Record<string, string>) => {
      const res = await t.request({ method: 'GET', url: '/api/users', cookie: adminCookie, query: { q: k, ...query } });
      expect(res.statusCode).toBe(200);
      return res.json().items.map((u: { id: string }) => u.id);
    };
    expect(await list({ role: 'doctor' })).toEqual([active.id, inactive.id]);
    expect(await list({ role: 'doctor', status: 'inactive' })).toEqual([inactive.id]);
    expect(await list({ role: 'patient' })).toEqual([patient.id]);
    expect(await list({ status: 'active' })).toEqual([active.id, patient.id]);
    const doctorRow = (await t.request({ method: 'GET', url: '/api/users', cookie: adminCookie, query: { q: k, role: 'doctor' } })).json().items[0];
    expect(doctorRow).toMatchObject({
      role: 'doctor',
      status: 'active',
      activated: true,
      photoUrl: null,
      subtitle: expect.stringMatching(/^CRM\/SP \d+ · Clínica médica$/),
    });
  });

  it('paginates with the total of all matches', async () => {
    const k = tag();
    for (const n of ['Alfa', 'Bravo', 'Charlie', 'Delta', 'Echo']) await createPatient(t.db, { name: `${n} ${k}` });
    const page = async (p: number) =>
      (await t.request({ method: 'GET', url: '/api/users', cookie: adminCookie, query: { q: k, page: String(p), pageSize: '2' } })).json();
    const [one, two, three, four] = [await page(1), await page(2), await page(3), await page(4)];
    expect(one).toMatchObject({ total: 5, page: 1, pageSize: 2 });
    expect(one.items.map((u: { name: string }) => u.name)).toEqual([`Alfa ${k}`, `Bravo ${k}`]);
    expect(two.items.map((u: { name: string }) => u.name)).toEqual([`Charlie ${k}`, `Delta ${k}`]);
    expect(three.items.map((u: { name: string }) => u.name)).toEqual([`Echo ${k}`]);
    expect(four).toMatchObject({ total: 5, items: [] });
  });

  it('refuses bad query values with 400', async () => {
    const queries: Record<string, string>[] = [
      { page: '0' },
      { pageSize: '1000' },
      { role: 'root' },
      { status: 'deleted' },
      { q: 'x'.repeat(101) },
      { page: 'abc' },
    ];
    for (const query of queries) {
      const res = await t.request({ method: 'GET', url: '/api/users', cookie: adminCookie, query });
      expect(res.statusCode, JSON.stringify(query)).toBe(400);
      expect(res.json().error.code).toBe('validation_error');
    }
  });
});

describe('POST /api/users', () => {
  it('creates a doctor with canonical PIX key and phone, and returns an invite link', async () => {
    const input = doctorInput({
      email: `  Nova.Medica.${tag()}@Example.com `,
      crmNumber: '123.456',
      crmUf: 'RJ',
      pixKeyType: 'cpf',
      pixKey: '529.982.247-25',
      phone: '+55 (21) 98765-4321',
    });
    const res = await createUser(input);
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.invite.url).toMatch(INVITE_URL);
    expect(Date.parse(body.invite.expiresAt)).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    expect(body.user).toMatchObject({
      role: 'doctor',
      status: 'active',
      activated: false,
      email: input.email.trim().toLowerCase(),
      subtitle: 'CRM/RJ 123456 · Cardiologia',
    });

    const profile = await t.db.selectFrom('doctor_profiles').selectAll().where('user_id', '=', body.user.id).executeTakeFirstOrThrow();
    expect(profile).toMatchObject({ crm_number: '123456', crm_uf: 'RJ', pix_key_type: 'cpf', pix_key: '52998224725', phone: '21987654321' });
    const user = await t.db.selectFrom('users').selectAll().where('id', '=', body.user.id).executeTakeFirstOrThrow();
    expect(user.password_hash).toBeNull();
    expect(await auditActions(body.user.id)).toEqual(['user.created']);
    // The invite works.
    const token = INVITE_URL.exec(body.invite.url)![1]!;
    expect((await t.request({ method: 'GET', url: `/api/invites/${token}` })).json()).toMatchObject({ email: user.email, role: 'doctor' });
  });

  it.each([
    ['cnpj', '11.222.333/0001-81', '11222333000181'],
    ['cnpj', '12.ABC.345/01DE-35', '12ABC34501DE35'],
    ['cnpj', '12.abc.345/01de-35', '12ABC34501DE35'],
    ['email', 'Pix.Medica@Banco.COM.br', 'pix.medica@banco.com.br'],
    ['phone', '+55 11 91234-5678', '+5511912345678'],
    ['phone', '(11) 91234-5678', '+5511912345678'],
    ['evp', '123E4567-E89B-12D3-A456-426614174000', '123e4567-e89b-12d3-a456-426614174000'],
  ])('accepts a %s PIX key %s and stores %s', async (pixKeyType, pixKey, stored) => {
    const res = await createUser(doctorInput({ pixKeyType, pixKey }));
    expect(res.statusCode, res.body).toBe(201);
    const row = await t.db
      .selectFrom('doctor_profiles')
      .select(['pix_key_type', 'pix_key'])
      .where('user_id', '=', res.json().user.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ pix_key_type: pixKeyType, pix_key: stored });
  });

  it('creates a patient linked to the chosen doctors, with the CPF stored as digits', async () => {
    const [d1, d2] = [await createDoctor(t.db), await createDoctor(t.db)];
    const res = await createUser(patientInput({ cpf: '529.982.247-25', birthDate: '1980-05-17', doctorIds: [d1.id, d2.id, d1.id] }));
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().user.id;
    expect(res.json().invite.url).toMatch(INVITE_URL);
    const links = await t.db.selectFrom('doctor_patients').select('doctor_id').where('patient_id', '=', id).execute();
    expect(links.map((l) => l.doctor_id).sort()).toEqual([d1.id, d2.id].sort());
    const profile = await t.db.selectFrom('patient_profiles').selectAll().where('user_id', '=', id).executeTakeFirstOrThrow();
    expect(profile).toMatchObject({ cpf: '52998224725', birth_date: '1980-05-17' });
    const detail = await t.request({ method: 'GET', url: `/api/users/${id}`, cookie: adminCookie });
    expect(
      detail
        .json()
        .doctors.map((d: { id: string }) => d.id)
        .sort(),
    ).toEqual([d1.id, d2.id].sort());
    expect(detail.json().pendingInvite).toBe(true);
  });

  it('refuses a taken email (any case) with 409 email_taken and fields.email', async () => {
    const existing = await createPatient(t.db);
    const before = await snapshot(t.db);
    const res = await createUser(doctorInput({ email: existing.email.toUpperCase() }));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('email_taken');
    expect(res.json().error.fields.email).toMatch(/e-mail/i);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it('refuses a CRM already registered in the same UF with 409, but accepts it in another UF', async () => {
    const first = await createUser(doctorInput({ crmNumber: '4242', crmUf: 'MG' }));
    expect(first.statusCode).toBe(201);
    const before = await snapshot(t.db);
    const dup = await createUser(doctorInput({ crmNumber: '004242', crmUf: 'MG' }));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'crm_taken', fields: { 'profile.crmNumber': expect.any(String) } });
    expect(await snapshot(t.db)).toEqual(before);
    expect((await createUser(doctorInput({ crmNumber: '4242', crmUf: 'BA' }))).statusCode).toBe(201);
  });

  const badDoctors: [string, ReturnType<typeof doctorInput>, string, RegExp][] = [
    ['CRM with letters', doctorInput({ crmNumber: '12A456' }), 'profile.crmNumber', /CRM/],
    ['CRM with 8 digits', doctorInput({ crmNumber: '12345678' }), 'profile.crmNumber', /CRM/],
    ['UF XX', doctorInput({ crmUf: 'XX' }), 'profile.crmUf', /UF/],
    ['invalid CPF key', doctorInput({ pixKeyType: 'cpf', pixKey: '529.982.247-26' }), 'profile.pixKey', /CPF inválido/],
    ['repeated-digit CPF key', doctorInput({ pixKeyType: 'cpf', pixKey: '111.111.111-11' }), 'profile.pixKey', /CPF inválido/],
    ['numeric CNPJ with a wrong check digit', doctorInput({ pixKeyType: 'cnpj', pixKey: '11.222.333/0001-82' }), 'profile.pixKey', /CNPJ inválido/],
    ['alphanumeric CNPJ with a wrong check digit', doctorInput({ pixKeyType: 'cnpj', pixKey: '12.ABC.345/01DE-36' }), 'profile.pixKey', /CNPJ inválido/],
    ['e-mail key without a domain', doctorInput({ pixKeyType: 'email', pixKey: 'medica@' }), 'profile.pixKey', /E-mail inválido/],
    ['foreign phone key', doctorInput({ pixKeyType: 'phone', pixKey: '+1 415 555 0100' }), 'profile.pixKey', /número do Brasil \(\+55\)/],
    ['landline phone key', doctorInput({ pixKeyType: 'phone', pixKey: '(11) 3333-4444' }), 'profile.pixKey', /telefone fixo/],
    ['e-mail key with %', doctorInput({ pixKeyType: 'email', pixKey: 'medica%pix@exemplo.com' }), 'profile.pixKey', /E-mail com "%"/],
    ['random key that is not a UUID', doctorInput({ pixKeyType: 'evp', pixKey: 'nao-e-uuid' }), 'profile.pixKey', /Chave aleatória inválida/],
    ['key without a type', doctorInput({ pixKey: '52998224725' }), 'profile.pixKeyType', /tipo da chave/],
    ['unknown key type', doctorInput({ pixKeyType: 'bitcoin', pixKey: 'x' }), 'profile.pixKeyType', /tipo da chave/],
    ['name with digits', doctorInput({ name: 'Ana 123' }), 'profile.name', /letras/],
    ['bad phone', doctorInput({ phone: '123' }), 'profile.phone', /Telefone inválido/],
    ['bad e-mail', doctorInput({ email: 'nao-e-email' }), 'email', /E-mail inválido/],
  ];
  it.each(badDoctors)('refuses a doctor with %s: 400, Portuguese field message, nothing written', async (_case, payload, field, message) => {
    const before = await snapshot(t.db);
    const res = await createUser(payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_error');
    expect(res.json().error.fields[field]).toMatch(message);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it('refuses a patient with an invalid CPF, a future birth date or a non-doctor id, writing nothing', async () => {
    const patient = await createPatient(t.db);
    const before = await snapshot(t.db);
    const cases: [unknown, string, RegExp][] = [
      [patientInput({ cpf: '123.456.789-00' }), 'profile.cpf', /CPF inválido/],
      [patientInput({ cpf: '5299822472' }), 'profile.cpf', /CPF inválido/],
      [patientInput({ birthDate: '2999-01-01' }), 'profile.birthDate', /Data de nascimento inválida/],
      [patientInput({ birthDate: '2001-02-30' }), 'profile.birthDate', /Data de nascimento inválida/],
      [patientInput({ doctorIds: ['nao-e-uuid'] }), 'doctorIds.0', /Médico inválido/],
      [patientInput({ doctorIds: [patient.id] }), 'doctorIds', /médicos da lista/],
      [patientInput({ doctorIds: [admin.id] }), 'doctorIds', /médicos da lista/],
      [{ role: 'admin', email: 'novo-admin@example.com', profile: { name: 'Novo Admin' } }, 'role', /./],
      [{}, 'role', /./],
    ];
    for (const [payload, field, message] of cases) {
      const res = await createUser(payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.fields[field], JSON.stringify(res.json())).toMatch(message);
    }
    expect(await snapshot(t.db)).toEqual(before);
  });
});

describe('GET /api/users/:id', () => {
  it('returns a doctor with their profile and a patient with their doctors', async () => {
    const doctor = await createDoctor(t.db);
    const patient = await createPatient(t.db, { doctors: [doctor], activated: false });
    const d = await t.request({ method: 'GET', url: `/api/users/${doctor.id}`, cookie: adminCookie });
    expect(d.statusCode).toBe(200);
    expect(d.json()).toMatchObject({
      user: { id: doctor.id, role: 'doctor', activated: true },
      doctor: { crmUf: 'SP', specialty: 'Clínica médica' },
      patient: null,
      doctors: [],
      pendingInvite: false,
    });
    const p = await t.request({ method: 'GET', url: `/api/users/${patient.id}`, cookie: adminCookie });
    expect(p.json()).toMatchObject({
      user: { id: patient.id, activated: false },
      doctor: null,
      patient: { cpf: null },
      doctors: [{ id: doctor.id, name: doctor.name }],
    });
  });

  it('answers 404 for an admin and for an unknown id, 400 for a non-uuid id', async () => {
    const other = await createAdmin(t.db);
    for (const id of [other.id, admin.id, '00000000-0000-4000-8000-000000000000']) {
      const res = await t.request({ method: 'GET', url: `/api/users/${id}`, cookie: adminCookie });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    }
    const bad = await t.request({ method: 'GET', url: '/api/users/123', cookie: adminCookie });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.id).toBe('Identificador inválido.');
  });
});

describe('PUT /api/users/:id', () => {
  it('changes a doctor\u2019s e-mail and profile, and records it', async () => {
    const doctor = await createDoctor(t.db);
    const email = `trocado-${tag()}@example.com`;
    const res = await t.request({
      method: 'PUT',
      url: `/api/users/${doctor.id}`,
      cookie: adminCookie,
      payload: doctorInput({ email, name: 'Dra. Ana Lúcia', crmNumber: '998877', crmUf: 'PE', pixKeyType: 'email', pixKey: 'ANA@Banco.com' }),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      user: { email, name: 'Dra. Ana Lúcia' },
      doctor: { crmNumber: '998877', crmUf: 'PE', pixKeyType: 'email', pixKey: 'ana@banco.com' },
    });
    expect(await auditActions(doctor.id)).toEqual(['user.updated']);
    // The new e-mail signs in; the old one no longer does.
    await login(t, { email });
    const old = await t.request({ method: 'POST', url: '/api/auth/login', payload: { email: doctor.email, password: PASSWORD } });
    expect(old.statusCode).toBe(401);
  });

  it('changes a patient\u2019s doctors: unlinks the removed, links the added', async () => {
    const [d1, d2, d3] = [await createDoctor(t.db), await createDoctor(t.db), await createDoctor(t.db)];
    const patient = await createPatient(t.db, { doctors: [d1, d2] });
    const res = await t.request({
      method: 'PUT',
      url: `/api/users/${patient.id}`,
      cookie: adminCookie,
      payload: patientInput({ email: patient.email, name: 'Carla Dias', cpf: VALID_CPFS[1]!, doctorIds: [d2.id, d3.id] }),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(
      res
        .json()
        .doctors.map((d: { id: string }) => d.id)
        .sort(),
    ).toEqual([d2.id, d3.id].sort());
    const links = await t.db.selectFrom('doctor_patients').select('doctor_id').where('patient_id', '=', patient.id).execute();
    expect(links.map((l) => l.doctor_id).sort()).toEqual([d2.id, d3.id].sort());
    expect(res.json().patient.cpf).toBe(VALID_CPFS[1]);
  });

  it('refuses a taken e-mail, a taken CRM, a role change and bad values without changing anything', async () => {
    const taken = await createPatient(t.db);
    const other = await createDoctor(t.db);
    const otherCrm = await t.db.selectFrom('doctor_profiles').select('crm_number').where('user_id', '=', other.id).executeTakeFirstOrThrow();
    const doctor = await createDoctor(t.db);
    const patient = await createPatient(t.db, { doctors: [doctor] });
    const rows = async () => ({
      users: await t.db.selectFrom('users').selectAll().where('id', 'in', [doctor.id, patient.id]).orderBy('id').execute(),
      doctor: await t.db.selectFrom('doctor_profiles').selectAll().where('user_id', '=', doctor.id).execute(),
      patient: await t.db.selectFrom('patient_profiles').selectAll().where('user_id', '=', patient.id).execute(),
      counts: await snapshot(t.db),
    });
    const before = await rows();
    const put = (id: string, payload: unknown) =>
      t.request({ method: 'PUT', url: `/api/users/${id}`, cookie: adminCookie, payload: payload as Record<string, unknown> });

    const email = await put(doctor.id, doctorInput({ email: taken.email }));
    expect(email.statusCode).toBe(409);
    expect(email.json().error).toMatchObject({ code: 'email_taken', fields: { email: expect.any(String) } });
    const crm = await put(doctor.id, doctorInput({ email: doctor.email, crmNumber: otherCrm.crm_number, crmUf: 'SP' }));
    expect(crm.statusCode).toBe(409);
    expect(crm.json().error.code).toBe('crm_taken');
    const role = await put(doctor.id, patientInput({ email: doctor.email }));
    expect(role.statusCode).toBe(400);
    expect(role.json().error.code).toBe('role_mismatch');
    const pix = await put(doctor.id, doctorInput({ email: doctor.email, pixKeyType: 'cnpj', pixKey: '12.ABC.345/01DE-36' }));
    expect(pix.statusCode).toBe(400);
    expect(pix.json().error.fields['profile.pixKey']).toMatch(/CNPJ inválido/);
    const cpf = await put(patient.id, patientInput({ email: patient.email, cpf: '000.000.000-00', doctorIds: [] }));
    expect(cpf.statusCode).toBe(400);
    const notDoctor = await put(patient.id, patientInput({ email: patient.email, doctorIds: [taken.id] }));
    expect(notDoctor.statusCode).toBe(400);
    expect(notDoctor.json().error.fields.doctorIds).toBeDefined();
    expect(await rows()).toEqual(before);
  });

  it('answers 404 for an admin and an unknown id, 400 for a non-uuid id', async () => {
    const before = await snapshot(t.db);
    const payload = doctorInput();
    for (const id of [admin.id, '00000000-0000-4000-8000-000000000000']) {
      expect((await t.request({ method: 'PUT', url: `/api/users/${id}`, cookie: adminCookie, payload })).statusCode).toBe(404);
    }
    expect((await t.request({ method: 'PUT', url: '/api/users/nope', cookie: adminCookie, payload })).statusCode).toBe(400);
    expect(await snapshot(t.db)).toEqual(before);
  });
});

describe('POST /api/users/:id/deactivate and /reactivate', () => {
  it('deactivates (ending sessions) and reactivates, writing an audit row each time', async () => {
    const doctor = await createDoctor(t.db);
    const doctorCookie = await login(t, doctor);
    const off = await t.request({ method: 'POST', url: `/api/users/${doctor.id}/deactivate`, cookie: adminCookie });
    expect(off.statusCode).toBe(200);
    expect(off.json().user.status).toBe('inactive');
    expect((await t.request({ method: 'GET', url: '/api/auth/me', cookie: doctorCookie })).statusCode).toBe(401);
    // Doing it twice changes nothing and records nothing more.
    expect((await t.request({ method: 'POST', url: `/api/users/${doctor.id}/deactivate`, cookie: adminCookie })).statusCode).toBe(200);
    const on = await t.request({ method: 'POST', url: `/api/users/${doctor.id}/reactivate`, cookie: adminCookie });
    expect(on.json().user.status).toBe('active');
    expect(await auditActions(doctor.id)).toEqual(['user.deactivated', 'user.reactivated']);
    await login(t, doctor);
  });

  it('answers 404 for an admin or unknown id and 400 for a non-uuid id', async () => {
    const before = await snapshot(t.db);
    for (const action of ['deactivate', 'reactivate']) {
      expect((await t.request({ method: 'POST', url: `/api/users/${admin.id}/${action}`, cookie: adminCookie })).statusCode).toBe(404);
      expect((await t.request({ method: 'POST', url: `/api/users/00000000-0000-4000-8000-000000000000/${action}`, cookie: adminCookie })).statusCode).toBe(404);
      expect((await t.request({ method: 'POST', url: `/api/users/x/${action}`, cookie: adminCookie })).statusCode).toBe(400);
    }
    expect(await snapshot(t.db)).toEqual(before);
    expect((await t.db.selectFrom('users').select('status').where('id', '=', admin.id).executeTakeFirstOrThrow()).status).toBe('active');
  });
});

describe('POST /api/users/:id/invite', () => {
  it('renews an invite: the old link stops working, the new one works', async () => {
    const created = (await createUser(patientInput())).json();
    const oldToken = INVITE_URL.exec(created.invite.url)![1]!;
    const res = await t.request({ method: 'POST', url: `/api/users/${created.user.id}/invite`, cookie: adminCookie });
    expect(res.statusCode).toBe(200);
    const newToken = INVITE_URL.exec(res.json().url)![1]!;
    expect(newToken).not.toBe(oldToken);
    expect((await t.request({ method: 'GET', url: `/api/invites/${oldToken}` })).statusCode).toBe(404);
    expect((await t.request({ method: 'POST', url: `/api/invites/${oldToken}/accept`, payload: { password: 'uma-senha-boa-1' } })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: `/api/invites/${newToken}` })).statusCode).toBe(200);
    expect(await auditActions(created.user.id)).toEqual(['user.created', 'invite.renewed']);
  });

  it('answers 409 already_activated once the password is set, and 409 for an inactive account', async () => {
    const active = await createPatient(t.db);
    const inactive = await createPatient(t.db, { activated: false, status: 'inactive' });
    const before = await snapshot(t.db);
    const done = await t.request({ method: 'POST', url: `/api/users/${active.id}/invite`, cookie: adminCookie });
    expect(done.statusCode).toBe(409);
    expect(done.json().error.code).toBe('already_activated');
    const off = await t.request({ method: 'POST', url: `/api/users/${inactive.id}/invite`, cookie: adminCookie });
    expect(off.statusCode).toBe(409);
    expect(off.json().error.code).toBe('inactive');
    expect((await t.request({ method: 'POST', url: `/api/users/${admin.id}/invite`, cookie: adminCookie })).statusCode).toBe(404);
    expect((await t.request({ method: 'POST', url: '/api/users/1/invite', cookie: adminCookie })).statusCode).toBe(400);
    expect(await snapshot(t.db)).toEqual(before);
  });
});

describe('GET /api/doctors/options', () => {
  it('lists active doctors only, with their CRM', async () => {
    const active = await createDoctor(t.db);
    const inactive = await createDoctor(t.db, { status: 'inactive' });
    const res = await t.request({ method: 'GET', url: '/api/doctors/options', cookie: adminCookie });
    expect(res.statusCode).toBe(200);
    const ids = res.json().map((o: { id: string }) => o.id);
    expect(ids).toContain(active.id);
    expect(ids).not.toContain(inactive.id);
    expect(res.json().find((o: { id: string }) => o.id === active.id).subtitle).toMatch(/^CRM\/SP \d+ · Clínica médica$/);
    const roles = await t.db.selectFrom('users').select('role').where('id', 'in', ids).execute();
    expect(roles.every((r) => r.role === 'doctor')).toBe(true);
  });
});

describe('access control on admin routes', () => {
  const ID = '00000000-0000-4000-8000-000000000000';
  const routes = (id: string): { method: 'GET' | 'POST' | 'PUT'; url: string; payload?: Record<string, unknown> }[] => [
    { method: 'GET', url: '/api/users' },
    { method: 'POST', url: '/api/users', payload: doctorInput() },
    { method: 'GET', url: `/api/users/${id}` },
    { method: 'PUT', url: `/api/users/${id}`, payload: patientInput() },
    { method: 'POST', url: `/api/users/${id}/deactivate` },
    { method: 'POST', url: `/api/users/${id}/reactivate` },
    { method: 'POST', url: `/api/users/${id}/invite` },
    { method: 'GET', url: '/api/doctors/options' },
  ];

  it('refuses doctors and patients with 403 and writes nothing', async () => {
    const doctor = await createDoctor(t.db);
    const patient = await createPatient(t.db, { doctors: [doctor], activated: false });
    const cookies = [await login(t, doctor), await login(t, await createPatient(t.db, { doctors: [doctor] }))];
    const before = await snapshot(t.db);
    for (const cookie of cookies) {
      for (const route of routes(patient.id)) {
        const res = await t.request({ ...route, cookie });
        expect(res.statusCode, `${route.method} ${route.url}`).toBe(403);
        expect(res.json().error.code).toBe('forbidden');
      }
    }
    expect(await snapshot(t.db)).toEqual(before);
    expect((await t.db.selectFrom('users').select('status').where('id', '=', patient.id).executeTakeFirstOrThrow()).status).toBe('active');
  });

  it('refuses requests without a session with 401', async () => {
    const before = await snapshot(t.db);
    for (const route of routes(ID)) {
      const res = await t.request(route);
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
      expect(res.json().error.code).toBe('unauthenticated');
    }
    expect(await snapshot(t.db)).toEqual(before);
  });

  it('refuses a cross-origin or origin-less mutation with 403 bad_origin, even from the admin', async () => {
    const doctor = await createDoctor(t.db);
    const before = await snapshot(t.db);
    const mutations = routes(doctor.id).filter((r) => r.method !== 'GET');
    for (const route of mutations) {
      const evil = await t.request({ ...route, cookie: adminCookie, headers: { origin: 'https://evil.example' } });
      expect(evil.statusCode, `${route.method} ${route.url}`).toBe(403);
      expect(evil.json().error.code).toBe('bad_origin');
      const missing = await t.app.inject({ ...route, headers: { host: 'localhost:80', cookie: adminCookie } });
      expect(missing.statusCode, `${route.method} ${route.url}`).toBe(403);
      expect(missing.json().error.code).toBe('bad_origin');
    }
    const sameHostOtherScheme = await t.request({ ...mutations[0]!, cookie: adminCookie, headers: { origin: 'https://localhost:80' } });
    expect(sameHostOtherScheme.statusCode).toBe(403);
    expect(await snapshot(t.db)).toEqual(before);
    expect((await t.db.selectFrom('users').select('status').where('id', '=', doctor.id).executeTakeFirstOrThrow()).status).toBe('active');
  });

  it('refuses an oversize body with 413, malformed JSON with 400, and writes nothing', async () => {
    const before = await snapshot(t.db);
    const big = JSON.stringify({ ...doctorInput(), padding: 'x'.repeat(1024 * 1024 + 10) });
    const large = await t.request({ method: 'POST', url: '/api/users', cookie: adminCookie, headers: { 'content-type': 'application/json' }, payload: big });
    expect(large.statusCode).toBe(413);
    expect(large.json().error.code).toBe('payload_too_large');
    const broken = await t.request({
      method: 'POST',
      url: '/api/users',
      cookie: adminCookie,
      headers: { 'content-type': 'application/json' },
      payload: '{"role":"doctor",',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.code).toBe('invalid_json');
    const text = await t.request({ method: 'POST', url: '/api/users', cookie: adminCookie, headers: { 'content-type': 'text/plain' }, payload: 'oi' });
    expect(text.statusCode).toBe(400);
    const xml = await t.request({ method: 'POST', url: '/api/users', cookie: adminCookie, headers: { 'content-type': 'application/xml' }, payload: '<a/>' });
    expect(xml.statusCode).toBe(415);
    expect(await snapshot(t.db)).toEqual(before);
  });
});
