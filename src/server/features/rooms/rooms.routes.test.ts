import { createHmac, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDoctor, login } from '#tests/helpers/factories.ts';
import { type Person, signedInPeople } from '#tests/helpers/people.ts';
import { type TestApp, createTestApp } from '#tests/helpers/test-app.ts';
import { TCLE_VERSION } from '#shared/domain/tcle.ts';
import type { Db } from '#server/db/database.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ LOGIN_IP_LIMIT_PER_MINUTE: '10000' });
});
afterAll(async () => t.close());

const CODE = /^[A-Za-z0-9_-]{22}$/;
const UNKNOWN_CODE = 'AAAAAAAAAAAAAAAAAAAAAA';

async function count(db: Db, table: string): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(db);
  return Number(rows[0]!.n);
}

async function snapshot(db: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of ['rooms', 'consultations', 'audit_log', 'consents']) out[table] = await count(db, table);
  return out;
}

const { doctor, patientOf, admin } = signedInPeople(() => t);

async function createRoom(d: Person, patientId: string, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await t.request({ method: 'POST', url: '/api/rooms', cookie: d.cookie, payload: { patientId, ...extra } });
  expect(res.statusCode).toBe(201);
  return res.json().code as string;
}

async function roomId(code: string): Promise<string> {
  return (await t.db.selectFrom('rooms').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
}

/** Records a call that started `secondsAgo` seconds ago, as signaling would. */
async function startedConsultation(code: string, secondsAgo = 90): Promise<void> {
  const room = await t.db.selectFrom('rooms').selectAll().where('code', '=', code).executeTakeFirstOrThrow();
  await t.db
    .insertInto('consultations')
    .values({
      id: randomUUID(),
      room_id: room.id,
      doctor_id: room.doctor_id,
      patient_id: room.patient_id,
      started_at: new Date(Date.now() - secondsAgo * 1000).toISOString(),
      ended_at: null,
      duration_seconds: null,
      finalized_by: null,
    })
    .execute();
}

async function auditRows(action: string, entityId: string) {
  return t.db.selectFrom('audit_log').selectAll().where('action', '=', action).where('entity_id', '=', entityId).execute();
}

describe('POST /api/rooms', () => {
  it('creates a room for the doctor\u2019s own patient with an unguessable code and a link', async () => {
    const d = await doctor();
    const p = await patientOf(d.user);
    const before = await snapshot(t.db);
    const res = await t.request({
      method: 'POST',
      url: '/api/rooms',
      cookie: d.cookie,
      payload: { patientId: p.user.id, reason: 'Retorno', scheduledAt: '2026-12-01T10:00:00-03:00' },
    });
    expect(res.statusCode).toBe(201);
    const room = res.json();
    expect(room.code).toMatch(CODE);
    expect(room.joinUrl).toBe(`http://localhost:80/sala/${room.code}`);
    expect(room).toMatchObject({
      status: 'open',
      reason: 'Retorno',
      scheduledAt: '2026-12-01T13:00:00.000Z',
      closedAt: null,
      consultation: null,
      doctor: { id: d.user.id, name: d.user.name },
      patient: { id: p.user.id, name: p.user.name },
      doctorOnline: false,
      patientOnline: false,
    });
    expect(await snapshot(t.db)).toEqual({ ...before, rooms: before.rooms! + 1, audit_log: before.audit_log! + 1 });
    expect(await auditRows('room.created', await roomId(room.code))).toHaveLength(1);
  });

  it('gives every room a different code', async () => {
    const d = await doctor();
    const p = await patientOf(d.user);
    const codes = await Promise.all(Array.from({ length: 5 }, () => createRoom(d, p.user.id)));
    expect(new Set(codes).size).toBe(5);
  });

  it('answers 404 for another doctor\u2019s patient or an unknown one, and writes nothing', async () => {
    const d = await doctor();
    const other = await doctor();
    const theirs = await patientOf(other.user);
    const before = await snapshot(t.db);
    for (const patientId of [theirs.user.id, randomUUID(), other.user.id]) {
      const res = await t.request({ method: 'POST', url: '/api/rooms', cookie: d.cookie, payload: { patientId } });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    }
    expect(await snapshot(t.db)).toEqual(before);
  });

  it('refuses patients and admins (403) and anonymous callers (401)', async () => {
    const d = await doctor();
    const p = await patientOf(d.user);
    const adminSession = await admin();
    const before = await snapshot(t.db);
    for (const cookie of [p.cookie, adminSession]) {
      const res = await t.request({ method: 'POST', url: '/api/rooms', cookie, payload: { patientId: p.user.id } });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
    }
    const anon = await t.request({ method: 'POST', url: '/api/rooms', payload: { patientId: p.user.id } });
    expect(anon.statusCode).toBe(401);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it('validates the input', async () => {
    const d = await doctor();
    for (const payload of [
      {},
      { patientId: 'not-a-uuid' },
      { patientId: randomUUID(), scheduledAt: 'amanhã' },
      { patientId: randomUUID(), reason: 'x'.repeat(201) },
    ]) {
      const res = await t.request({ method: 'POST', url: '/api/rooms', cookie: d.cookie, payload });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('validation_error');
    }
  });
});

describe('GET /api/rooms', () => {
  it('lists only the caller\u2019s own rooms and filters by status', async () => {
    const d = await doctor();
    const other = await doctor();
    const p1 = await patientOf(d.user, other.user);
    const p2 = await patientOf(d.user);
    const a = await createRoom(d, p1.user.id);
    const b = await createRoom(d, p2.user.id);
    const c = await createRoom(other, p1.user.id);
    const cancelled = await t.request({ method: 'POST', url: `/api/rooms/${b}/cancel`, cookie: d.cookie });
    expect(cancelled.statusCode).toBe(200);

    const codes = async (cookie: string, query: Record<string, string> = {}) => {
      const res = await t.request({ method: 'GET', url: '/api/rooms', cookie, query });
      expect(res.statusCode).toBe(200);
      return (res.json() as { code: string }[]).map((r) => r.code).sort();
    };
    expect(await codes(d.cookie)).toEqual([a, b].sort());
    expect(await codes(other.cookie)).toEqual([c]);
    expect(await codes(p1.cookie)).toEqual([a, c].sort());
    expect(await codes(p2.cookie)).toEqual([b]);
    expect(await codes(d.cookie, { status: 'open' })).toEqual([a]);
    expect(await codes(d.cookie, { status: 'cancelled' })).toEqual([b]);
    expect(await codes(d.cookie, { status: 'finished' })).toEqual([]);
    expect(await codes(p1.cookie, { status: 'open' })).toEqual([a, c].sort());
    // A patient filter never widens what the caller sees.
    expect(await codes(other.cookie, { patientId: p2.user.id })).toEqual([]);

    const bad = await t.request({ method: 'GET', url: '/api/rooms', cookie: d.cookie, query: { status: 'bogus' } });
    expect(bad.statusCode).toBe(400);
    const byAdmin = await t.request({ method: 'GET', url: '/api/rooms', cookie: await admin() });
    expect(byAdmin.statusCode).toBe(403);
  });
});

describe('GET /api/rooms/:code', () => {
  it('shows the room to its doctor and its patient', async () => {
    const d = await doctor();
    const p = await patientOf(d.user);
    const code = await createRoom(d, p.user.id);
    for (const cookie of [d.cookie, p.cookie]) {
      const res = await t.request({ method: 'GET', url: `/api/rooms/${code}`, cookie });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ code, status: 'open', doctor: { id: d.user.id }, patient: { id: p.user.id } });
    }
  });

  it('answers anyone else exactly as for a code that does not exist', async () => {
    const d = await doctor();
    const p = await patientOf(d.user);
    const code = await createRoom(d, p.user.id);
    const otherDoctor = await doctor();
    const otherPatient = await patientOf(otherDoctor.user);
    for (const cookie of [otherDoctor.cookie, otherPatient.cookie]) {
      const existing = await t.request({ method: 'GET', url: `/api/rooms/${code}`, cookie });
      const unknown = await t.request({ method: 'GET', url: `/api/rooms/${UNKNOWN_CODE}`, cookie });
      expect(existing.statusCode).toBe(404);
      expect(existing.json()).toEqual({ error: { code: 'no_access', message: expect.any(String) } });
      expect(unknown.statusCode).toBe(404);
      expect(existing.body).toBe(unknown.body);
    }
    // Admins have no room permission at all: the guard refuses before the code is looked up,
    // so a real code and an unknown one also get the very same answer.
    const cookie = await admin();
    const existing = await t.request({ method: 'GET', url: `/api/rooms/${code}`, cookie });
    const unknown = await t.request({ method: 'GET', url: `/api/rooms/${UNKNOWN_CODE}`, cookie });
    expect(existing.statusCode).toBe(403);
    expect(existing.statusCode).toBe(unknown.statusCode);
    expect(existing.body).toBe(unknown.body);
  });

  it('refuses a malformed code with 400', async () => {
    const d = await doctor();
    for (const bad of ['short', 'A'.repeat(23), `${'A'.repeat(21)}*`, `${'A'.repeat(21)}%20`]) {
      const res = await t.request({ method: 'GET', url: `/api/rooms/${bad}`, cookie: d.cookie });
      expect(res.statusCode).toBe(400);
    }
  });
});

describe('POST /api/rooms/:code/cancel', () => {
  it('lets the doctor cancel, idempotently, with one audit record', async () => {
    const d = await doctor();
    const p = await patientOf(d.user);
    const code = await createRoom(d, p.user.id);
    const first = await t.request({ method: 'POST', url: `/api/rooms/${code}/cancel`, cookie: d.cookie });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ code, status: 'cancelled', consultation: null });
    expect(first.json().closedAt).toBeTruthy();
    const again = await t.request({ method: 'POST', url: `/api/rooms/${code}/cancel`, cookie: d.cookie });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ status: 'cancelled', closedAt: first.json().closedAt });
    expect(await auditRows('room.cancelled', await roomId(code))).toHaveLength(1);
  });

  it('refuses the patient (403), another doctor (404) and an admin (403)', async () => {
    const d = await doctor();
    const p = await patientOf(d.user);
    const other = await doctor();
    const code = await createRoom(d, p.user.id);
    expect((await t.request({ method: 'POST', url: `/api/rooms/${code}/cancel`, cookie: p.cookie })).statusCode).toBe(403);
    expect((await t.request({ method: 'POST', url: `/api/rooms/${code}/cancel`, cookie: await admin() })).statusCode).toBe(403);
    const res = await t.request({ method: 'POST', url: `/api/rooms/${code}/cancel`, cookie: other.cookie });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('no_access');
    const row = await t.db.selectFrom('rooms').select(['status', 'closed_at']).where('code', '=', code).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'open', closed_at: null });
  });

  it('refuses with 409 once a consultation happened, leaving the room open', async () => {
    const d = await doctor();
    const p = await patientOf(d.user);
    const code = await createRoom(d, p.user.id);
    await startedConsultation(code);
    const res = await t.request({ method: 'POST', url: `/api/rooms/${code}/cancel`, cookie: d.cookie });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('consultation_happened');
    expect((await t.db.selectFrom('rooms').select('status').where('code', '=', code).executeTakeFirstOrThrow()).status).toBe('open');
    expect(await auditRows('room.cancelled', await roomId(code))).toHaveLength(0);
  });
});

describe('POST /api/rooms/:code/finalize', () => {
  it('ends the consultation with its duration, idempotently', async () => {
    const d = await doctor();
    const p = await patientOf(d.user);
    const code = await createRoom(d, p.user.id);
    await startedConsultation(code, 90);
    const res = await t.request({ method: 'POST', url: `/api/rooms/${code}/finalize`, cookie: d.cookie });
    expect(res.statusCode).toBe(200);
    const room = res.json();
    expect(room).toMatchObject({ status: 'finished', consultation: { finalizedBy: 'doctor' } });
    expect(room.consultation.endedAt).toBeTruthy();
    expect(room.consultation.durationSeconds).toBeGreaterThanOrEqual(89);
    expect(room.consultation.durationSeconds).toBeLessThanOrEqual(95);

    const again = await t.request({ method: 'POST', url: `/api/rooms/${code}/finalize`, cookie: d.cookie });
    expect(again.statusCode).toBe(200);
    expect(again.json().consultation).toEqual(room.consultation);
    expect(again.json().closedAt).toBe(room.closedAt);
  });

  it('records exactly one consultation end and one audit row under concurrent finalizes', async () => {
    const d = await doctor();
    const p = await patientOf(d.user);
    const code = await createRoom(d, p.user.id);
    await startedConsultation(code, 30);
    const results = await Promise.all(Array.from({ length: 5 }, () => t.request({ method: 'POST', url: `/api/rooms/${code}/finalize`, cookie: d.cookie })));
    for (const r of results) expect(r.statusCode).toBe(200);
    const id = await roomId(code);
    const consultations = await t.db.selectFrom('consultations').selectAll().where('room_id', '=', id).execute();
    expect(consultations).toHaveLength(1);
    expect(consultations[0]!.ended_at).toBeTruthy();
    expect(consultations[0]!.duration_seconds).toBeGreaterThanOrEqual(29);
    expect(consultations[0]!.finalized_by).toBe('doctor');
    expect(await auditRows('consultation.finished', consultations[0]!.id)).toHaveLength(1);
    expect(await auditRows('room.finalized', id)).toHaveLength(1);
    const bodies = new Set(results.map((r) => JSON.stringify(r.json().consultation)));
    expect(bodies.size).toBe(1);
  });

  it('closes a room where no call happened without inventing a consultation', async () => {
    const d = await doctor();
    const p = await patientOf(d.user);
    const code = await createRoom(d, p.user.id);
    const res = await t.request({ method: 'POST', url: `/api/rooms/${code}/finalize`, cookie: d.cookie });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'finished', consultation: null });
    expect(
      await t.db
        .selectFrom('consultations')
        .select('id')
        .where('room_id', '=', await roomId(code))
        .execute(),
    ).toEqual([]);
  });

  it('refuses the patient (403) and another doctor (404 no_access)', async () => {
    const d = await doctor();
    const p = await patientOf(d.user);
    const other = await doctor();
    const code = await createRoom(d, p.user.id);
    await startedConsultation(code);
    expect((await t.request({ method: 'POST', url: `/api/rooms/${code}/finalize`, cookie: p.cookie })).statusCode).toBe(403);
    const res = await t.request({ method: 'POST', url: `/api/rooms/${code}/finalize`, cookie: other.cookie });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('no_access');
    const row = await t.db
      .selectFrom('consultations')
      .select('ended_at')
      .where('room_id', '=', await roomId(code))
      .executeTakeFirstOrThrow();
    expect(row.ended_at).toBeNull();
  });
});

describe('/api/consent', () => {
  it('tells a new patient consent is required, and records one acceptance', async () => {
    const d = await doctor();
    const p = await patientOf(d.user);
    const initial = await t.request({ method: 'GET', url: '/api/consent', cookie: p.cookie });
    expect(initial.statusCode).toBe(200);
    expect(initial.json()).toEqual({ currentVersion: TCLE_VERSION, accepted: null, required: true });

    const accepted = await t.request({ method: 'POST', url: '/api/consent', cookie: p.cookie, payload: { version: TCLE_VERSION } });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ currentVersion: TCLE_VERSION, accepted: { version: TCLE_VERSION }, required: false });
    const again = await t.request({ method: 'POST', url: '/api/consent', cookie: p.cookie, payload: { version: TCLE_VERSION } });
    expect(again.statusCode).toBe(200);
    expect(again.json().accepted.acceptedAt).toBe(accepted.json().accepted.acceptedAt);
    const rows = await t.db.selectFrom('consents').selectAll().where('patient_id', '=', p.user.id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ version: TCLE_VERSION });
    expect((await t.request({ method: 'GET', url: '/api/consent', cookie: p.cookie })).json().required).toBe(false);
  });

  it('refuses an outdated version with 409 and records nothing', async () => {
    const d = await doctor();
    const p = await patientOf(d.user);
    const before = await snapshot(t.db);
    const res = await t.request({ method: 'POST', url: '/api/consent', cookie: p.cookie, payload: { version: `${TCLE_VERSION}-old` } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('consent_outdated');
    expect(await snapshot(t.db)).toEqual(before);
    const bad = await t.request({ method: 'POST', url: '/api/consent', cookie: p.cookie, payload: {} });
    expect(bad.statusCode).toBe(400);
  });

  it('is for patients only', async () => {
    const d = await doctor();
    for (const cookie of [d.cookie, await admin()]) {
      expect((await t.request({ method: 'GET', url: '/api/consent', cookie })).statusCode).toBe(403);
      expect((await t.request({ method: 'POST', url: '/api/consent', cookie, payload: { version: TCLE_VERSION } })).statusCode).toBe(403);
    }
    expect((await t.request({ method: 'GET', url: '/api/consent' })).statusCode).toBe(401);
  });
});

describe('GET /api/rtc/ice-servers', () => {
  it('returns Google\u2019s STUN server by default, and no TURN', async () => {
    const d = await doctor();
    const p = await patientOf(d.user);
    for (const cookie of [d.cookie, p.cookie]) {
      const res = await t.request({ method: 'GET', url: '/api/rtc/ice-servers', cookie });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ iceServers: [{ urls: ['stun:stun.l.google.com:19302'] }], ttlSeconds: 3600 });
    }
  });

  it('refuses admins and anonymous callers', async () => {
    expect((await t.request({ method: 'GET', url: '/api/rtc/ice-servers', cookie: await admin() })).statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url: '/api/rtc/ice-servers' })).statusCode).toBe(401);
  });

  it('adds TURN with time-limited credentials in coturn\u2019s REST scheme', async () => {
    const secret = 'segredo-do-coturn-com-32-letras!';
    const turn = await createTestApp({
      LOGIN_IP_LIMIT_PER_MINUTE: '10000',
      TURN_URLS: 'turn:turn.example.com:3478?transport=udp, turns:turn.example.com:5349',
      TURN_SECRET: secret,
      TURN_TTL_SECONDS: '600',
    });
    try {
      const user = await createDoctor(turn.db);
      const cookie = await login(turn, user);
      const res = await turn.request({ method: 'GET', url: '/api/rtc/ice-servers', cookie });
      const now = Math.floor(Date.now() / 1000);
      expect(res.statusCode).toBe(200);
      const body = res.json() as { iceServers: { urls: string[]; username?: string; credential?: string }[]; ttlSeconds: number };
      expect(body.ttlSeconds).toBe(600);
      expect(body.iceServers[0]).toEqual({ urls: ['stun:stun.l.google.com:19302'] });
      const entry = body.iceServers[1]!;
      expect(entry.urls).toEqual(['turn:turn.example.com:3478?transport=udp', 'turns:turn.example.com:5349']);
      const [expiry, userId, ...rest] = entry.username!.split(':');
      expect(rest).toEqual([]);
      expect(userId).toBe(user.id);
      expect(Math.abs(Number(expiry) - (now + 600))).toBeLessThanOrEqual(5);
      expect(entry.credential).toBe(createHmac('sha1', secret).update(entry.username!).digest('base64'));
      expect(JSON.stringify(body)).not.toContain(secret);
    } finally {
      await turn.close();
    }
  });
});
