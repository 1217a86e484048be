import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdmin, login } from '#tests/helpers/factories.ts';
import { type Person, signedInPeople } from '#tests/helpers/people.ts';
import { type TestApp, createTestApp } from '#tests/helpers/test-app.ts';
import { pastVisit } from '#tests/helpers/visits.ts';
import type { DraftsToSign } from '#shared/schemas/records.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ LOGIN_IP_LIMIT_PER_MINUTE: '10000' });
});
afterAll(async () => t.close());

const { doctor, patientOf } = signedInPeople(() => t);

async function drafts(cookie: string): Promise<DraftsToSign> {
  const res = await t.request({ method: 'GET', url: '/api/evolutions/drafts', cookie });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as DraftsToSign;
}

async function newDraft(d: Person, patientId: string): Promise<{ id: string; version: number }> {
  const res = await t.request({ method: 'POST', url: '/api/evolutions', cookie: d.cookie, payload: { patientId } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('GET /api/evolutions/drafts — "Evoluções para assinar"', () => {
  it('lists the doctor’s own unsigned drafts, newest first, with the call each was written in; signed and discarded ones drop out', async () => {
    const d = await doctor();
    const p = await patientOf(d.user);
    expect(await drafts(d.cookie)).toEqual({ total: 0, items: [] });

    const visitAt = new Date(Date.now() - 3 * 86_400_000);
    const inCall = await pastVisit(t.db, d.user.id, p.user.id, visitAt, 20, { evolution: 'draft' });
    await pastVisit(t.db, d.user.id, p.user.id, new Date(Date.now() - 86_400_000)); // signed: not listed
    const outside = await newDraft(d, p.user.id);

    const list = await drafts(d.cookie);
    expect(list.total).toBe(2);
    expect(list.items).toEqual([
      { id: outside.id, kind: 'evolution', patient: { id: p.user.id, name: p.user.name }, visitAt: null, updatedAt: expect.any(String) },
      {
        id: inCall.evolutionId,
        kind: 'evolution',
        patient: { id: p.user.id, name: p.user.name },
        visitAt: visitAt.toISOString(),
        updatedAt: expect.any(String),
      },
    ]);

    const discarded = await t.request({ method: 'DELETE', url: `/api/evolutions/${outside.id}?version=${outside.version}`, cookie: d.cookie });
    expect(discarded.statusCode, discarded.body).toBe(200);
    expect((await drafts(d.cookie)).items.map((i) => i.id)).toEqual([inCall.evolutionId]);
  });

  it('counts them all but lists the newest five', async () => {
    const d = await doctor();
    const p = await patientOf(d.user);
    // One draft outside a call (a second "Nova evolução" reopens it), six written in calls.
    await newDraft(d, p.user.id);
    for (let i = 0; i < 6; i++) await pastVisit(t.db, d.user.id, p.user.id, new Date(Date.now() - (i + 1) * 86_400_000), 10, { evolution: 'draft' });
    const list = await drafts(d.cookie);
    expect(list.total).toBe(7);
    expect(list.items).toHaveLength(5);
  });

  it('never shows another doctor’s drafts, nor those of a patient the doctor no longer follows', async () => {
    const mine = await doctor();
    const other = await doctor();
    const shared = await patientOf(mine.user, other.user);
    await pastVisit(t.db, other.user.id, shared.user.id, new Date(), 15, { evolution: 'draft' });
    expect(await drafts(mine.cookie)).toEqual({ total: 0, items: [] });
    expect((await drafts(other.cookie)).total).toBe(1);

    await t.db.deleteFrom('doctor_patients').where('doctor_id', '=', other.user.id).where('patient_id', '=', shared.user.id).execute();
    expect(await drafts(other.cookie)).toEqual({ total: 0, items: [] });
  });

  it('is refused to patients, admins and anonymous callers', async () => {
    const d = await doctor();
    const p = await patientOf(d.user);
    expect((await t.request({ method: 'GET', url: '/api/evolutions/drafts', cookie: p.cookie })).statusCode).toBe(403);
    const admin = await login(t, await createAdmin(t.db));
    expect((await t.request({ method: 'GET', url: '/api/evolutions/drafts', cookie: admin })).statusCode).toBe(403);
    const anonymous = await t.request({ method: 'GET', url: '/api/evolutions/drafts' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
  });
});
