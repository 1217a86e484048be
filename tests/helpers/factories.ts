import { randomUUID } from 'node:crypto';
import type { Db } from '#server/db/database.ts';
import type { UserRow } from '#server/db/types.ts';
import { userSearchText } from '#shared/domain/search-text.ts';
import { hashPassword } from '#server/lib/passwords.ts';
import type { TestApp } from './test-app';

export const PASSWORD = 'senha-forte-123';
let passwordHash: Promise<string> | undefined;
let seq = 0;

/** Valid CPFs for tests (check digits verified by the unit tests). */
export const VALID_CPFS = ['52998224725', '11144477735', '39053344705'];

function unique(): string {
  seq += 1;
  return `${Date.now().toString(36)}${seq}`;
}

type Options = { status?: 'active' | 'inactive'; activated?: boolean; name?: string; email?: string };

async function baseUser(db: Db, role: UserRow['role'], o: Options): Promise<UserRow> {
  passwordHash ??= hashPassword(PASSWORD);
  const at = new Date().toISOString();
  const user: UserRow = {
    id: randomUUID(),
    email: o.email ?? `${role}-${unique()}@example.com`,
    name: o.name ?? `${role === 'doctor' ? 'Dra. Ana' : role === 'patient' ? 'Maria' : 'Admin'} Teste ${unique()}`.replace(/\d/g, 'x'),
    role,
    status: o.status ?? 'active',
    password_hash: o.activated === false ? null : await passwordHash,
    photo_version: null,
    created_at: at,
    updated_at: at,
  };
  await db
    .insertInto('users')
    .values({ ...user, search_text: userSearchText(user) })
    .execute();
  return user;
}

export async function createAdmin(db: Db, o: Options = {}): Promise<UserRow> {
  return baseUser(db, 'admin', o);
}

let crm = 100_000;
export async function createDoctor(db: Db, o: Options = {}): Promise<UserRow> {
  const user = await baseUser(db, 'doctor', o);
  crm += 1;
  await db
    .insertInto('doctor_profiles')
    .values({
      user_id: user.id,
      crm_number: String(crm),
      crm_uf: 'SP',
      rqe: null,
      specialty: 'Clínica médica',
      phone: null,
      pix_key_type: null,
      pix_key: null,
      updated_at: user.created_at,
    })
    .execute();
  return user;
}

export async function createPatient(db: Db, o: Options & { doctors?: UserRow[] } = {}): Promise<UserRow> {
  const user = await baseUser(db, 'patient', o);
  await db.insertInto('patient_profiles').values({ user_id: user.id, cpf: null, birth_date: null, phone: null, updated_at: user.created_at }).execute();
  for (const d of o.doctors ?? []) {
    await db.insertInto('doctor_patients').values({ doctor_id: d.id, patient_id: user.id, created_at: user.created_at }).execute();
  }
  return user;
}

/** Logs in through the API and returns the Cookie header to send. */
export async function login(t: TestApp, user: Pick<UserRow, 'email'>, password = PASSWORD): Promise<string> {
  const res = await t.request({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'mc_session');
  if (!cookie) throw new Error('no session cookie');
  return `mc_session=${cookie.value}`;
}
