import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdmin, createDoctor, createPatient, login } from '#tests/helpers/factories.ts';
import { type TestApp, createTestApp } from '#tests/helpers/test-app.ts';

/** The dashboard's invite figures and the list's badges are computed from the same facts (issue 12, item 13). */
let t: TestApp;
let adminCookie: string;

beforeAll(async () => {
  t = await createTestApp({ LOGIN_IP_LIMIT_PER_MINUTE: '10000' });
  adminCookie = await login(t, await createAdmin(t.db));
});
afterAll(async () => t.close());

describe('invite counts agree with the list', () => {
  it('an expired invite shows as expired in the lists and is counted apart from the pending ones', async () => {
    const doctor = await createDoctor(t.db);
    const pending = await createPatient(t.db, { activated: false, doctors: [doctor] });
    const expired = await createPatient(t.db, { activated: false, doctors: [doctor] });
    const neverInvited = await createPatient(t.db, { activated: false, doctors: [doctor] });
    const active = await createPatient(t.db, { doctors: [doctor] });
    for (const p of [pending, expired]) {
      expect((await t.request({ method: 'POST', url: `/api/users/${p.id}/invite`, cookie: adminCookie })).statusCode).toBe(200);
    }
    await t.db
      .updateTable('invites')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('user_id', '=', expired.id)
      .execute();

    const list = (await t.request({ method: 'GET', url: '/api/users?role=patient&pageSize=100', cookie: adminCookie })).json().items as {
      id: string;
      activated: boolean;
      inviteExpired: boolean;
    }[];
    const state = (id: string) => list.find((u) => u.id === id)!;
    expect(state(pending.id)).toMatchObject({ activated: false, inviteExpired: false });
    expect(state(expired.id)).toMatchObject({ activated: false, inviteExpired: true });
    expect(state(neverInvited.id)).toMatchObject({ activated: false, inviteExpired: true });
    expect(state(active.id)).toMatchObject({ activated: true, inviteExpired: false });

    const dashboard = (await t.request({ method: 'GET', url: '/api/dashboard', cookie: adminCookie })).json();
    const badges = (await t.request({ method: 'GET', url: '/api/users?pageSize=100', cookie: adminCookie })).json().items as {
      status: string;
      activated: boolean;
      inviteExpired: boolean;
    }[];
    const open = badges.filter((u) => u.status === 'active' && !u.activated);
    expect(dashboard.pendingInvites).toBe(open.filter((u) => !u.inviteExpired).length);
    expect(dashboard.expiredInvites).toBe(open.filter((u) => u.inviteExpired).length);
    expect(dashboard.pendingInvites).toBe(1);
    expect(dashboard.expiredInvites).toBe(2);

    // The admin's detail page and the doctor's patient list say the same.
    expect((await t.request({ method: 'GET', url: `/api/users/${expired.id}`, cookie: adminCookie })).json().user.inviteExpired).toBe(true);
    const doctorCookie = await login(t, doctor);
    const mine = (await t.request({ method: 'GET', url: '/api/patients?pageSize=100', cookie: doctorCookie })).json().items as {
      id: string;
      inviteExpired: boolean;
    }[];
    expect(mine.find((p) => p.id === expired.id)!.inviteExpired).toBe(true);
    expect(mine.find((p) => p.id === pending.id)!.inviteExpired).toBe(false);
    expect((await t.request({ method: 'GET', url: `/api/patients/${expired.id}`, cookie: doctorCookie })).json().user.inviteExpired).toBe(true);
    const doctorHome = (await t.request({ method: 'GET', url: '/api/dashboard', cookie: doctorCookie })).json();
    expect(doctorHome.pendingInvites).toBe(mine.filter((p) => !p.inviteExpired && p.id !== active.id).length);
    expect([doctorHome.pendingInvites, doctorHome.expiredInvites]).toEqual([1, 2]);

    // A new invite turns the expired one back into a pending one, in both places.
    await t.request({ method: 'POST', url: `/api/users/${expired.id}/invite`, cookie: adminCookie });
    const after = (await t.request({ method: 'GET', url: '/api/dashboard', cookie: adminCookie })).json();
    expect([after.pendingInvites, after.expiredInvites]).toEqual([2, 1]);
  });
});
