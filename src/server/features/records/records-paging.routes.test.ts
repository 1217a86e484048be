import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Person, signedInPeople } from '#tests/helpers/people.ts';
import { type TestApp, createTestApp } from '#tests/helpers/test-app.ts';
import { encodePageCursor } from '#shared/schemas/cursor.ts';

// Issue 8: record lists came back whole (up to 500 entries, 27.9 MB seen). They now come a page
// at a time behind an opaque cursor; every page read is logged like the first.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ LOGIN_IP_LIMIT_PER_MINUTE: '10000' });
});
afterAll(async () => t.close());

const { doctor, patientOf } = signedInPeople(() => t);

/** An instant `minutes` after a fixed start, so the tests choose the order (and the ties). */
const at = (minutes: number) => new Date(Date.UTC(2025, 0, 1) + minutes * 60_000).toISOString();

async function entry(d: Person, patientId: string, createdAt: string, o: { amendsId?: string; status?: 'final' | 'draft' } = {}): Promise<string> {
  const id = randomUUID();
  await t.db
    .insertInto('evolutions')
    .values({
      id,
      patient_id: patientId,
      doctor_id: d.user.id,
      room_id: null,
      kind: o.amendsId ? 'addendum' : 'evolution',
      amends_id: o.amendsId ?? null,
      status: o.status ?? 'final',
      complaint: '',
      history: '',
      exam: '',
      plan: '',
      notes: `Nota ${createdAt}`,
      version: 2,
      content_hash: null,
      created_at: createdAt,
      updated_at: createdAt,
      finalized_at: o.status === 'draft' ? null : createdAt,
      discarded_at: null,
    })
    .execute();
  return id;
}

async function room(d: Person, patientId: string, createdAt: string, status: 'open' | 'finished' = 'finished'): Promise<{ id: string; code: string }> {
  const r = { id: randomUUID(), code: randomUUID().replace(/-/g, '').slice(0, 22) };
  await t.db
    .insertInto('rooms')
    .values({
      ...r,
      doctor_id: d.user.id,
      patient_id: patientId,
      status,
      reason: null,
      scheduled_at: null,
      admitted_at: null,
      last_activity_at: createdAt,
      created_at: createdAt,
      closed_at: null,
    })
    .execute();
  return r;
}

async function consultationAt(d: Person, patientId: string, startedAt: string, ended = true): Promise<string> {
  const r = await room(d, patientId, startedAt);
  const id = randomUUID();
  await t.db
    .insertInto('consultations')
    .values({
      id,
      room_id: r.id,
      doctor_id: d.user.id,
      patient_id: patientId,
      started_at: startedAt,
      ended_at: ended ? startedAt : null,
      duration_seconds: ended ? 60 : null,
      finalized_by: ended ? 'doctor' : null,
    })
    .execute();
  return id;
}

/** Newest first by (time, id), as the lists promise. */
function newestFirst<T extends { at: string; id: string }>(rows: T[]): string[] {
  return [...rows].sort((a, b) => (a.at === b.at ? (a.id < b.id ? 1 : -1) : a.at < b.at ? 1 : -1)).map((r) => r.id);
}

async function get(cookie: string, url: string) {
  const res = await t.request({ method: 'GET', url, cookie });
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  return res.json();
}

type Page = { items: { id: string; kind?: string; amendsId?: string | null }[]; nextCursor: string | null };

/** Follows `nextCursor` to the end; returns every page. */
async function walk(cookie: string, first: Page, next: (cursor: string) => string): Promise<Page[]> {
  const pages = [first];
  while (pages[pages.length - 1]!.nextCursor) pages.push(await get(cookie, next(pages[pages.length - 1]!.nextCursor!)));
  return pages;
}

async function accessRows(actorId: string) {
  return t.db.selectFrom('record_access_log').select(['action', 'resource_id']).where('actor_id', '=', actorId).execute();
}

describe('paged record lists', () => {
  it('the doctor’s record: 20 entries a page, newest first, ties broken by id, addenda with their entry, each read logged once', async () => {
    const d = await doctor();
    const colleague = await doctor();
    const p = await patientOf(d.user, colleague.user);
    const roots: { at: string; id: string }[] = [];
    // 45 entries; ten share one instant, so only the id can order them.
    for (let i = 0; i < 45; i++) {
      const when = i >= 20 && i < 30 ? at(20) : at(i);
      roots.push({ at: when, id: await entry(i % 2 ? d : colleague, p.user.id, when) });
    }
    const myDraft = await entry(d, p.user.id, at(10.5), { status: 'draft' });
    roots.push({ at: at(10.5), id: myDraft });
    await entry(colleague, p.user.id, at(11.5), { status: 'draft' }); // a colleague's draft: never listed
    const oldest = newestFirst(roots).at(-1)!;
    // The newest row of all is a correction of the oldest entry: it must travel with that entry.
    const addendum = await entry(d, p.user.id, at(100), { amendsId: oldest });

    const first = await get(d.cookie, `/api/patients/${p.user.id}/record`);
    expect(first.evolutions.items).toHaveLength(20);
    const pages = await walk(d.cookie, first.evolutions, (c) => `/api/patients/${p.user.id}/record/evolutions?cursor=${c}`);
    expect(pages.map((pg) => pg.items.length)).toEqual([20, 20, 7]);
    const ids = pages.flatMap((pg) => pg.items.map((e) => e.id));
    expect(ids.filter((id) => id !== addendum)).toEqual(newestFirst(roots));
    expect(ids.indexOf(addendum)).toBe(ids.indexOf(oldest) + 1);
    expect(new Set(ids).size).toBe(ids.length);
    // One row per read, exactly as the record itself is logged.
    expect(await accessRows(d.user.id)).toEqual(Array.from({ length: 3 }, () => ({ action: 'record.view', resource_id: null })));

    const all = await get(d.cookie, `/api/patients/${p.user.id}/record/evolutions?limit=100`);
    expect(all.nextCursor).toBeNull();
    expect(all.items.map((e: { id: string }) => e.id)).toEqual(ids);
    const small = await get(d.cookie, `/api/patients/${p.user.id}/record/evolutions?limit=5`);
    expect(small.items.map((e: { id: string }) => e.id)).toEqual(ids.slice(0, 5));
  });

  it('a page boundary holds while new entries arrive: nothing repeats, nothing is skipped', async () => {
    const d = await doctor();
    const p = await patientOf(d.user);
    const before: { at: string; id: string }[] = [];
    for (let i = 0; i < 30; i++) before.push({ at: at(i), id: await entry(d, p.user.id, at(i)) });
    const one = await get(d.cookie, `/api/patients/${p.user.id}/record/evolutions?limit=10`);
    await entry(d, p.user.id, at(500)); // written by the doctor in another tab meanwhile
    const two = await get(d.cookie, `/api/patients/${p.user.id}/record/evolutions?limit=10&cursor=${one.nextCursor}`);
    expect([...one.items, ...two.items].map((e: { id: string }) => e.id)).toEqual(newestFirst(before).slice(0, 20));
  });

  it('pages the record’s consultations and rooms the same way', async () => {
    const d = await doctor();
    const colleague = await doctor();
    const p = await patientOf(d.user, colleague.user);
    const consultations: { at: string; id: string }[] = [];
    for (let i = 0; i < 25; i++) consultations.push({ at: at(i % 5), id: await consultationAt(i % 2 ? d : colleague, p.user.id, at(i % 5), i !== 3) });
    const first = await get(d.cookie, `/api/patients/${p.user.id}/record`);
    const cPages = await walk(d.cookie, first.consultations, (c) => `/api/patients/${p.user.id}/record/consultations?cursor=${c}`);
    expect(cPages.map((pg) => pg.items.length)).toEqual([20, 5]);
    expect(cPages.flatMap((pg) => pg.items.map((c) => c.id))).toEqual(newestFirst(consultations));

    // The rooms list is this doctor's own: the 12 rooms behind their consultations and 10 more.
    const rooms = await t.db
      .selectFrom('rooms')
      .select(['id', 'code', 'created_at'])
      .where('doctor_id', '=', d.user.id)
      .where('patient_id', '=', p.user.id)
      .execute();
    for (let i = 0; i < 10; i++) {
      const r = await room(d, p.user.id, at(1000 + i), 'open');
      rooms.push({ ...r, created_at: at(1000 + i) });
    }
    const expected = newestFirst(rooms.map((r) => ({ at: r.created_at, id: r.id })));
    const codeOf = new Map(rooms.map((r) => [r.id, r.code]));
    const again = await get(d.cookie, `/api/patients/${p.user.id}/record`);
    const rPages = await walk(d.cookie, again.rooms, (c) => `/api/patients/${p.user.id}/record/rooms?cursor=${c}`);
    expect(rPages.map((pg) => pg.items.length)).toEqual([20, 2]);
    expect(rPages.flatMap((pg) => pg.items.map((r) => (r as unknown as { code: string }).code))).toEqual(expected.map((id) => codeOf.get(id)));
  });

  it('the patient’s own history: finished consultations and signed entries a page at a time, each read logged once', async () => {
    const d = await doctor();
    const p = await patientOf(d.user);
    const entries: { at: string; id: string }[] = [];
    for (let i = 0; i < 23; i++) entries.push({ at: at(i), id: await entry(d, p.user.id, at(i)) });
    await entry(d, p.user.id, at(50), { status: 'draft' }); // drafts never reach the patient
    const finished: { at: string; id: string }[] = [];
    for (let i = 0; i < 22; i++) finished.push({ at: at(i), id: await consultationAt(d, p.user.id, at(i)) });
    await consultationAt(d, p.user.id, at(60), false); // still in progress: not history yet

    const first = await get(p.cookie, '/api/me/history');
    const ePages = await walk(p.cookie, first.entries, (c) => `/api/me/history/entries?cursor=${c}`);
    expect(ePages.flatMap((pg) => pg.items.map((e) => e.id))).toEqual(newestFirst(entries));
    const cPages = await walk(p.cookie, first.consultations, (c) => `/api/me/history/consultations?cursor=${c}`);
    expect(cPages.map((pg) => pg.items.length)).toEqual([20, 2]);
    expect(cPages.flatMap((pg) => pg.items.map((c) => c.id))).toEqual(newestFirst(finished));
    expect(await accessRows(p.user.id)).toEqual(Array.from({ length: 3 }, () => ({ action: 'history.view', resource_id: null })));
  });

  it('refuses a cursor that is not one of ours and a page size above 100 with 400, logging nothing', async () => {
    const d = await doctor();
    const p = await patientOf(d.user);
    const forged = Buffer.from(JSON.stringify(['ontem', 1])).toString('base64url');
    const bad = ['cursor=%%%', 'cursor=abc', `cursor=${forged}`, `cursor=${'a'.repeat(300)}`, 'limit=0', 'limit=101', 'limit=dez'];
    for (const query of bad) {
      const res = await t.request({ method: 'GET', url: `/api/patients/${p.user.id}/record/evolutions?${query}`, cookie: d.cookie });
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.code, query).toBe('validation_error');
      const mine = await t.request({ method: 'GET', url: `/api/me/history/entries?${query}`, cookie: p.cookie });
      expect(mine.statusCode, query).toBe(400);
    }
    expect(await accessRows(d.user.id)).toEqual([]);
    expect(await accessRows(p.user.id)).toEqual([]);
    // A well-formed cursor is just a position: it opens nothing by itself.
    const cursor = encodePageCursor({ at: at(1), id: randomUUID() });
    expect((await t.request({ method: 'GET', url: `/api/patients/${p.user.id}/record/evolutions?cursor=${cursor}`, cookie: d.cookie })).statusCode).toBe(200);
  });

  it('answers another doctor’s patient with 404 and patients and doctors with 403 on the other side’s lists, logging nothing', async () => {
    const d = await doctor();
    const other = await doctor();
    const theirs = await patientOf(other.user);
    await entry(other, theirs.user.id, at(1));
    for (const list of ['evolutions', 'consultations', 'rooms']) {
      const res = await t.request({ method: 'GET', url: `/api/patients/${theirs.user.id}/record/${list}`, cookie: d.cookie });
      expect(res.statusCode).toBe(404);
      expect((await t.request({ method: 'GET', url: `/api/patients/${theirs.user.id}/record/${list}`, cookie: theirs.cookie })).statusCode).toBe(403);
    }
    for (const list of ['entries', 'consultations']) {
      expect((await t.request({ method: 'GET', url: `/api/me/history/${list}`, cookie: d.cookie })).statusCode).toBe(403);
    }
    expect(await t.db.selectFrom('record_access_log').select('id').where('patient_id', '=', theirs.user.id).execute()).toEqual([]);
  });

  it('an entry’s addenda come on their own route, oldest first, for the doctors of the patient only; the read is logged', async () => {
    const d = await doctor();
    const colleague = await doctor();
    const stranger = await doctor();
    const p = await patientOf(d.user, colleague.user);
    const root = await entry(colleague, p.user.id, at(1));
    const second = await entry(colleague, p.user.id, at(3), { amendsId: root });
    const first = await entry(d, p.user.id, at(2), { amendsId: root });
    const myDraft = await entry(d, p.user.id, at(4), { amendsId: root, status: 'draft' });
    await entry(colleague, p.user.id, at(5), { amendsId: root, status: 'draft' });
    const res = await get(d.cookie, `/api/evolutions/${root}/addenda`);
    expect(res.items.map((e: { id: string }) => e.id)).toEqual([first, second, myDraft]);
    expect(await accessRows(d.user.id)).toEqual([{ action: 'evolution.view', resource_id: root }]);
    expect((await t.request({ method: 'GET', url: `/api/evolutions/${root}/addenda`, cookie: stranger.cookie })).statusCode).toBe(404);
    expect(await accessRows(stranger.user.id)).toEqual([]);
  });
});
