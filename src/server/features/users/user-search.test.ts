import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VALID_CPFS, createDoctor, createPatient } from '#tests/helpers/factories.ts';
import { signedInPeople } from '#tests/helpers/people.ts';
import { type TestApp, createTestApp } from '#tests/helpers/test-app.ts';

/*
 * What a search box finds (docs/decisions/007-list-search.md), on SQLite (FTS5 trigram) and on
 * PostgreSQL (pg_trgm) alike: run with TEST_DATABASE_URL for the second.
 */

let t: TestApp;
const people = signedInPeople(() => t);
beforeAll(async () => {
  t = await createTestApp({ LOGIN_IP_LIMIT_PER_MINUTE: '10000' });
});
afterAll(async () => t.close());

/** Letters only, unique per test: names refuse digits and each test's rows must not meet another's. */
function tag(): string {
  return Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
}

async function adminSearch(q: string, query: Record<string, string> = {}): Promise<string[]> {
  const res = await t.request({ method: 'GET', url: '/api/users', cookie: await people.admin(), query: { q, pageSize: '100', ...query } });
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json() as { items: { id: string }[]; total: number };
  expect(body.total).toBe(body.items.length);
  return body.items.map((u) => u.id).sort();
}

const sorted = (...ids: string[]) => ids.sort();

describe('admin user search', () => {
  it('ignores case and accents on both sides, anywhere in the name', async () => {
    const k = tag();
    const joao = await createDoctor(t.db, { name: `João ${k} Araújo` });
    const conceicao = await createPatient(t.db, { name: `MARIA DA CONCEIÇÃO ${k}` });
    expect(await adminSearch(`JOAO ${k}`)).toEqual([joao.id]);
    expect(await adminSearch(`joão ${k}`)).toEqual([joao.id]);
    expect(await adminSearch(`${k} araujo`)).toEqual([joao.id]);
    expect(await adminSearch(`${k} ARAÚJO`)).toEqual([joao.id]);
    // Part of a word, in the middle of the name.
    expect(await adminSearch(`ceicao ${k.slice(0, 5)}`)).toEqual([conceicao.id]);
    expect(await adminSearch(`Conceiçao ${k}`)).toEqual([conceicao.id]);
    // Decomposed input (a Mac keyboard's "ã") folds like the composed one.
    expect(await adminSearch(`jo\u0061\u0303o ${k}`)).toEqual([joao.id]);
    expect(await adminSearch(k)).toEqual(sorted(joao.id, conceicao.id));
    // The name and the e-mail are separate fields: no match across them.
    expect(await adminSearch(`${k} araujo doctor`)).toEqual([]);
  });

  it('finds any part of the e-mail, with % and _ as plain characters', async () => {
    const k = tag();
    const underscore = await createPatient(t.db, { name: 'Paciente Um', email: `ana_${k}@clinica-${k}.com.br` });
    const dot = await createPatient(t.db, { name: 'Paciente Dois', email: `anax${k}@clinica-${k}.com.br` });
    expect(await adminSearch(`clinica-${k}.com`)).toEqual(sorted(underscore.id, dot.id));
    expect(await adminSearch(`ANA_${k.toUpperCase()}@`)).toEqual([underscore.id]);
    expect(await adminSearch(`a_${k}`)).toEqual([underscore.id]);
    expect(await adminSearch(`a%${k}`)).toEqual([]);
    expect(await adminSearch(`x${k}@clinica-${k}`)).toEqual([dot.id]);
  });

  it('finds a patient by the start of the CPF, typed with or without punctuation', async () => {
    const patient = await createPatient(t.db, { name: 'Paciente Com CPF' });
    await t.db.updateTable('patient_profiles').set({ cpf: VALID_CPFS[1]! }).where('user_id', '=', patient.id).execute();
    expect(await adminSearch('111.444.777-35')).toEqual([patient.id]);
    expect(await adminSearch('11144477735')).toEqual([patient.id]);
    expect(await adminSearch('111.444.7')).toEqual([patient.id]);
    expect(await adminSearch('111444777350')).toEqual([]);
    // The middle of a CPF is not a way to find someone: the number is typed from its start.
    expect(await adminSearch('4447773')).not.toContain(patient.id);
  });

  it('finds a doctor by any part of the CRM number', async () => {
    const doctor = await createDoctor(t.db);
    const crm = String(2_000_000 + Math.floor(Math.random() * 7_000_000));
    await t.db.updateTable('doctor_profiles').set({ crm_number: crm }).where('user_id', '=', doctor.id).execute();
    expect(await adminSearch(crm)).toEqual([doctor.id]);
    expect(await adminSearch(crm.slice(2))).toContain(doctor.id);
    expect(await adminSearch(`${crm}0`)).toEqual([]);
  });

  it('with one or two letters, finds names that start with them', async () => {
    const k = tag();
    // Upper-case X plus a letter no other test's name starts with: the only names starting "xq"/"xy" are these.
    const first = await createPatient(t.db, { name: `Xqúzé ${k}` });
    const second = await createDoctor(t.db, { name: `XYLON ${k}` });
    const inside = await createPatient(t.db, { name: `Ana Xquzé ${k}` });
    expect(await adminSearch('xq')).toEqual([first.id]);
    expect(await adminSearch('XY')).toEqual([second.id]);
    expect(await adminSearch('Xq', { role: 'doctor' })).toEqual([]);
    // Three letters and more: anywhere in the name.
    expect(await adminSearch(`xquze ${k}`)).toEqual(sorted(first.id, inside.id));
  });

  it('combines with role and status filters and counts only what matches', async () => {
    const k = tag();
    const active = await createPatient(t.db, { name: `Sílvia ${k}` });
    const inactive = await createPatient(t.db, { name: `Silvia ${k}`, status: 'inactive' });
    const doctor = await createDoctor(t.db, { name: `Dra. Silvia ${k}` });
    expect(await adminSearch(`silvia ${k}`)).toEqual(sorted(active.id, inactive.id, doctor.id));
    expect(await adminSearch(`silvia ${k}`, { role: 'patient' })).toEqual(sorted(active.id, inactive.id));
    expect(await adminSearch(`silvia ${k}`, { role: 'patient', status: 'active' })).toEqual([active.id]);
    expect(await adminSearch(`silvia ${k}`, { status: 'inactive' })).toEqual([inactive.id]);
  });
});

describe('admin search paging', () => {
  it('gives the same people and totals whether it walks the list in order or reads the matches', async () => {
    const k = tag();
    const names = ['Alba', 'Bento', 'Célia', 'Davi', 'Élida', 'Fábio', 'Gilda', 'Hélio', 'Íris', 'Jonas', 'Kátia', 'Lauro'];
    for (const [i, n] of names.entries()) await createPatient(t.db, { name: `${n} Silvã ${k}`, status: i % 4 === 0 ? 'inactive' : 'active' });
    for (const n of ['Mara', 'Nilo', 'Otília']) await createDoctor(t.db, { name: `Dra. ${n} Silva ${k}` });
    const admin = await people.admin();
    const list = async (query: Record<string, string>) => {
      const res = await t.request({ method: 'GET', url: '/api/users', cookie: admin, query: { q: `silva ${k}`, ...query } });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { items: { name: string }[]; total: number };
    };
    const filters: Record<string, string>[] = [{}, { role: 'patient' }, { status: 'active' }, { role: 'doctor', status: 'active' }];
    for (const filter of filters) {
      // One page of 100 reads the few matches; pages of 2 are cheaper to walk in name order.
      const whole = await list({ ...filter, pageSize: '100' });
      const paged: string[] = [];
      for (let page = 1; page <= Math.ceil(whole.total / 2) + 1; page += 1) {
        const part = await list({ ...filter, pageSize: '2', page: String(page) });
        expect(part.total, JSON.stringify(filter)).toBe(whole.total);
        paged.push(...part.items.map((u) => u.name));
      }
      expect(paged, JSON.stringify(filter)).toEqual(whole.items.map((u) => u.name));
    }
    expect((await list({ pageSize: '100' })).total).toBe(15);
    expect((await list({ role: 'patient', status: 'active', pageSize: '100' })).total).toBe(9);
  });
});

describe('search text kept by every writer', () => {
  it('follows names and e-mails changed by the admin, the doctor and the person', async () => {
    const admin = await people.admin();
    const k = tag();
    const created = await t.request({
      method: 'POST',
      url: '/api/users',
      cookie: admin,
      payload: { role: 'patient', email: `primeiro.${k}@example.com`, profile: { name: `Otávio ${k} Antigo` }, doctorIds: [] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().user.id as string;
    expect(await adminSearch(`otavio ${k}`)).toEqual([id]);

    const edited = await t.request({
      method: 'PUT',
      url: `/api/users/${id}`,
      cookie: admin,
      payload: { role: 'patient', email: `segundo.${k}@example.com`, profile: { name: `Otávio ${k} Novo` }, doctorIds: [] },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(await adminSearch(`${k} antigo`)).toEqual([]);
    expect(await adminSearch(`primeiro.${k}`)).toEqual([]);
    expect(await adminSearch(`${k} novo`)).toEqual([id]);
    expect(await adminSearch(`segundo.${k}`)).toEqual([id]);

    const doctor = await people.doctor();
    const patient = await createPatient(t.db, { doctors: [doctor.user], name: `Paciente ${k} Inicial` });
    const byDoctor = await t.request({
      method: 'PUT',
      url: `/api/patients/${patient.id}`,
      cookie: doctor.cookie,
      payload: { profile: { name: `Paciente ${k} Corrigida` } },
    });
    expect(byDoctor.statusCode, byDoctor.body).toBe(200);
    expect(await adminSearch(`${k} inicial`)).toEqual([]);
    expect(await adminSearch(`${k} corrigida`)).toEqual([patient.id]);

    const self = await people.patientOf(doctor.user);
    const own = await t.request({ method: 'PATCH', url: '/api/me/profile', cookie: self.cookie, payload: { name: `Próprio ${k} Nome` } });
    expect(own.statusCode, own.body).toBe(200);
    expect(await adminSearch(`proprio ${k}`)).toEqual([self.user.id]);
    // The e-mail stays searchable after a change of name alone.
    expect(await adminSearch(self.user.email)).toEqual([self.user.id]);
  });
});

describe('doctor patient search', () => {
  it('applies the same rules to the doctor’s own patients only', async () => {
    const k = tag();
    const doctor = await people.doctor();
    const other = await createDoctor(t.db);
    const mine = await createPatient(t.db, { doctors: [doctor.user], name: `Zélia ${k} Gonçalves` });
    await t.db.updateTable('patient_profiles').set({ cpf: VALID_CPFS[2]! }).where('user_id', '=', mine.id).execute();
    const second = await createPatient(t.db, { doctors: [doctor.user], name: `Ana ${k} Zelinda` });
    await createPatient(t.db, { doctors: [other], name: `Zélia ${k} Gonçalves` });
    const search = async (q: string) => {
      const res = await t.request({ method: 'GET', url: '/api/patients', cookie: doctor.cookie, query: { q } });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { items: { id: string }[]; total: number };
      expect(body.total).toBe(body.items.length);
      return body.items.map((p) => p.id).sort();
    };
    expect(await search(`ZELIA ${k} goncalves`)).toEqual([mine.id]);
    expect(await search(`${k} zel`)).toEqual([second.id]);
    expect(await search('zé')).toEqual([mine.id]);
    expect(await search('390.533')).toEqual([mine.id]);
    expect(await search('533447')).toEqual([]);
    expect(await search(k)).toEqual(sorted(mine.id, second.id));
  });
});
