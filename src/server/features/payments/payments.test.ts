import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { billedCall } from '#tests/helpers/billing.ts';
import { type Person, signedInPeople } from '#tests/helpers/people.ts';
import { connectSocket, nextEvent } from '#tests/helpers/sockets.ts';
import { type TestApp, createTestApp } from '#tests/helpers/test-app.ts';
import { addMonths, clinicDateOf, clinicMonthOf } from '#shared/domain/clinic-month.ts';

let t: TestApp;
let url: string;
beforeAll(async () => {
  t = await createTestApp({ LOGIN_IP_LIMIT_PER_MINUTE: '10000' });
  url = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => t.close());

const { doctor, patientOf, admin } = signedInPeople(() => t);

/**
 * Each test closes its own month, far enough back that no other test's records share it: the
 * month index keeps tests independent on one database.
 */
let monthsBack = 2;
function ownMonth(): { month: string; at: (day: number) => Date } {
  const month = addMonths(clinicMonthOf(new Date()), -monthsBack++);
  return { month, at: (day: number) => new Date(`${month}-${String(day).padStart(2, '0')}T15:00:00.000Z`) };
}

async function withPixKey(d: Person, key = '52998224725'): Promise<void> {
  await t.db.updateTable('doctor_profiles').set({ pix_key_type: 'cpf', pix_key: key }).where('user_id', '=', d.user.id).execute();
}

const post = async (url: string, payload?: object, cookie?: string) =>
  t.request({ method: 'POST', url, cookie: cookie ?? (await admin()), ...(payload === undefined ? {} : { payload }) });
const get = async (url: string, cookie?: string) => t.request({ method: 'GET', url, cookie: cookie ?? (await admin()) });
const close = (month: string) => post('/api/closings', { month });
const recordsOf = (ids: string[]) => t.db.selectFrom('billing_records').select(['id', 'payment_id', 'status']).where('id', 'in', ids).execute();
/** Today in São Paulo, as the clinic (and the confirm dialog) counts days; UTC's date is tomorrow after 21:00 there. */
const today = () => clinicDateOf(new Date());

describe('closing a month', () => {
  it('previews, then creates one payment per doctor with open billed records, locking them; under review waits', async () => {
    const { month, at } = ownMonth();
    const [ana, bruno] = [await doctor(), await doctor()];
    await withPixKey(ana);
    const p1 = await patientOf(ana.user, bruno.user);
    const anaRecords = [await billedCall(t.db, ana.user.id, p1.user.id, at(3), 30), await billedCall(t.db, ana.user.id, p1.user.id, at(20), 45)];
    const brunoRecord = await billedCall(t.db, bruno.user.id, p1.user.id, at(10), 30);
    const short = await billedCall(t.db, bruno.user.id, p1.user.id, at(11), 1);

    const preview = await get(`/api/closings/preview?month=${month}`);
    expect(preview.statusCode).toBe(200);
    const body = preview.json();
    expect(body).toMatchObject({ month, closable: true, underReview: 1, closings: [] });
    const anaRow = body.doctors.find((d: { doctor: { id: string } }) => d.doctor.id === ana.user.id);
    expect(anaRow).toMatchObject({ consultations: 2, pixKey: { type: 'cpf', key: '52998224725' } });
    expect(anaRow.clinicCents + anaRow.netCents).toBe(anaRow.grossCents);
    expect(body.doctors.find((d: { doctor: { id: string } }) => d.doctor.id === bruno.user.id)).toMatchObject({ consultations: 1, pixKey: null });

    const res = await close(month);
    expect(res.statusCode).toBe(201);
    const closing = res.json();
    expect(closing).toMatchObject({ month, seq: 1 });
    expect(closing.payments).toHaveLength(2);
    const anaPayment = closing.payments.find((p: { doctor: { id: string } }) => p.doctor.id === ana.user.id);
    expect(anaPayment).toMatchObject({
      status: 'pending',
      consultations: 2,
      grossCents: anaRow.grossCents,
      netCents: anaRow.netCents,
      pixKey: { type: 'cpf', key: '52998224725' },
      closingSeq: 1,
    });
    expect(anaPayment.crm).toMatch(/^CRM\/SP \d+$/);
    expect(closing.payments.find((p: { doctor: { id: string } }) => p.doctor.id === bruno.user.id).pixKey).toBeNull();

    const locked = await recordsOf([...anaRecords, brunoRecord, short]);
    for (const r of locked) expect(r.payment_id, r.id).toEqual(r.id === short ? null : expect.any(String));
    const detail = (await get(`/api/payments/${anaPayment.id}`)).json();
    expect(detail.events).toMatchObject([{ action: 'created', fromStatus: null, toStatus: 'pending' }]);

    // A closed record can't change; the month shows its closing.
    const voided = await post(`/api/billing/${anaRecords[0]}/void`, { reason: 'Registrada em dobro' });
    expect(voided.statusCode).toBe(409);
    expect(voided.json().error.code).toBe('billing_closed');
    expect((await get(`/api/closings/preview?month=${month}`)).json()).toMatchObject({ doctors: [], underReview: 1, closings: [{ seq: 1, payments: 2 }] });
  });

  it('puts records that arrive later into a supplementary closing of the same month, never twice', async () => {
    const { month, at } = ownMonth();
    const d = await doctor();
    const p = await patientOf(d.user);
    const first = await billedCall(t.db, d.user.id, p.user.id, at(5), 30);
    const short = await billedCall(t.db, d.user.id, p.user.id, at(6), 1);
    expect((await close(month)).statusCode).toBe(201);

    const nothing = await close(month);
    expect(nothing.statusCode).toBe(409);
    expect(nothing.json().error).toMatchObject({ code: 'nothing_to_close', message: 'Não há consultas em aberto neste mês: nada para fechar.' });

    expect((await post(`/api/billing/${short}/approve`, {})).statusCode).toBe(200);
    const late = await billedCall(t.db, d.user.id, p.user.id, at(28), 20);
    const supplementary = await close(month);
    expect(supplementary.statusCode).toBe(201);
    expect(supplementary.json()).toMatchObject({ seq: 2, payments: [{ consultations: 2, closingSeq: 2 }] });
    const rows = await recordsOf([first, short, late]);
    const byId = new Map(rows.map((r) => [r.id, r.payment_id]));
    expect(byId.get(short)).toBe(byId.get(late));
    expect(byId.get(first)).not.toBe(byId.get(late));
    const held = await t.db.selectFrom('payment_records').select('billing_record_id').where('billing_record_id', 'in', [first, short, late]).execute();
    expect(held).toHaveLength(3);
  });

  it('refuses the current month, a future one and a malformed one, creating nothing', async () => {
    const now = clinicMonthOf(new Date());
    for (const month of [now, addMonths(now, 1), addMonths(now, 14)]) {
      const res = await close(month);
      expect(res.statusCode, month).toBe(400);
      expect(res.json().error.fields.month).toBe('Só dá para fechar um mês que já terminou.');
    }
    for (const month of ['2026-13', '26-01', '', 'janeiro']) expect((await close(month)).statusCode, month).toBe(400);
    expect((await get(`/api/closings/preview?month=${now}`)).json().closable).toBe(false);
    expect(await t.db.selectFrom('closings').select('id').where('month', '>=', now).execute()).toEqual([]);
  });

  it('lets two admins close one month at once: one closing, the other gets 409, each record locked once', async () => {
    const { month, at } = ownMonth();
    const [d1, d2] = [await doctor(), await doctor()];
    const p = await patientOf(d1.user, d2.user);
    const ids = [await billedCall(t.db, d1.user.id, p.user.id, at(2), 30), await billedCall(t.db, d2.user.id, p.user.id, at(3), 30)];
    const results = await Promise.all([close(month), close(month), close(month)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    expect(await t.db.selectFrom('closings').select('id').where('month', '=', month).execute()).toHaveLength(1);
    const rows = await recordsOf(ids);
    expect(rows.every((r) => r.payment_id !== null)).toBe(true);
    expect(await t.db.selectFrom('payment_records').select('payment_id').where('billing_record_id', 'in', ids).execute()).toHaveLength(2);
  });

  it("is the admin's alone", async () => {
    const { month } = ownMonth();
    const d = await doctor();
    const p = await patientOf(d.user);
    for (const who of [d.cookie, p.cookie]) {
      expect((await post('/api/closings', { month }, who)).statusCode).toBe(403);
      expect((await get(`/api/closings/preview?month=${month}`, who)).statusCode).toBe(403);
      expect((await get('/api/payments', who)).statusCode).toBe(403);
      expect((await get('/api/payment-events', who)).statusCode).toBe(403);
    }
    expect((await t.request({ method: 'GET', url: `/api/closings/preview?month=${month}` })).statusCode).toBe(401);
  });
});

/** A closed month with one payment for a doctor with a PIX key; returns the payment id and its records. */
async function pendingPayment(d: Person, opts: { pixKey?: boolean } = {}): Promise<{ id: string; records: string[]; month: string }> {
  const { month, at } = ownMonth();
  if (opts.pixKey !== false) await withPixKey(d);
  const p = await patientOf(d.user);
  const records = [await billedCall(t.db, d.user.id, p.user.id, at(4), 30)];
  const res = await close(month);
  expect(res.statusCode).toBe(201);
  const payment = res.json().payments.find((x: { doctor: { id: string } }) => x.doctor.id === d.user.id);
  return { id: payment.id, records, month };
}

const E2E = 'E12345678202611301530abcDEF12345';

describe('paying in two steps', () => {
  it('admin confirms, the doctor confirms receipt; the timeline shows both, and the doctor hears it live', async () => {
    const d = await doctor();
    const { id } = await pendingPayment(d);
    const socket = await connectSocket(url, d.cookie);
    try {
      const heard = nextEvent(socket, 'payment:changed');
      const paid = await post(`/api/payments/${id}/confirm`, { paidOn: today(), pixEndToEndId: E2E.toLowerCase().replace(/^e/, 'E'), note: 'Pago pelo banco' });
      expect(paid.statusCode).toBe(200);
      expect(paid.json()).toMatchObject({ status: 'paid', paidOn: today(), pixEndToEndId: E2E.toUpperCase(), paidNote: 'Pago pelo banco' });
      expect(await heard).toMatchObject({ paymentId: id, status: 'paid' });
    } finally {
      socket.disconnect();
    }

    const received = await post(`/api/me/payments/${id}/received`, undefined, d.cookie);
    expect(received.statusCode).toBe(200);
    const detail = received.json();
    expect(detail.status).toBe('received');
    expect(detail.receivedAt).toEqual(expect.any(String));
    expect(detail.events.map((e: { action: string; fromStatus: string | null; toStatus: string }) => [e.action, e.fromStatus, e.toStatus])).toEqual([
      ['created', null, 'pending'],
      ['paid', 'pending', 'paid'],
      ['received', 'paid', 'received'],
    ]);
    expect(detail.events[1]).toMatchObject({ note: 'Pago pelo banco', details: { paidOn: today(), pixEndToEndId: E2E.toUpperCase() } });
    expect(detail.events[2].actor.id).toBe(d.user.id);

    for (const [path, body, cookie] of [
      [`/api/payments/${id}/confirm`, { paidOn: today() }, undefined],
      [`/api/payments/${id}/cancel`, { reason: 'Engano' }, undefined],
      [`/api/me/payments/${id}/received`, undefined, d.cookie],
      [`/api/me/payments/${id}/dispute`, { message: 'Não chegou' }, d.cookie],
    ] as const) {
      const res = await post(path, body, cookie);
      expect(res.statusCode, path).toBe(409);
      expect(res.json().error).toMatchObject({ code: 'payment_state', message: 'O médico já confirmou o recebimento deste pagamento.' });
    }
  });

  it('two admins confirming at once produce one confirmation; the other gets 409', async () => {
    const d = await doctor();
    const { id } = await pendingPayment(d);
    const results = await Promise.all([post(`/api/payments/${id}/confirm`, { paidOn: today() }), post(`/api/payments/${id}/confirm`, { paidOn: today() })]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const events = await t.db.selectFrom('payment_events').select('action').where('payment_id', '=', id).where('action', '=', 'paid').execute();
    expect(events).toHaveLength(1);
  });

  it('"Não recebi": the admins hear it; the admin confirms again, or cancels and the records go into the next closing', async () => {
    const d = await doctor();
    const { id, records, month } = await pendingPayment(d);
    expect((await post(`/api/payments/${id}/confirm`, { paidOn: today() })).statusCode).toBe(200);

    const adminSocket = await connectSocket(url, await admin());
    try {
      const heard = nextEvent(adminSocket, 'payment:changed');
      const disputed = await post(`/api/me/payments/${id}/dispute`, { message: 'O valor não caiu na conta.' }, d.cookie);
      expect(disputed.statusCode).toBe(200);
      expect(disputed.json()).toMatchObject({ status: 'disputed', disputeMessage: 'O valor não caiu na conta.' });
      expect(await heard).toMatchObject({ paymentId: id, status: 'disputed' });
    } finally {
      adminSocket.disconnect();
    }

    const cancelled = await post(`/api/payments/${id}/cancel`, { reason: 'Chave PIX errada; refazer no próximo fechamento' });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', cancelReason: 'Chave PIX errada; refazer no próximo fechamento' });
    expect((await recordsOf(records))[0]!.payment_id).toBeNull();
    // The cancelled payment still says what it held.
    expect(await t.db.selectFrom('payment_records').select('billing_record_id').where('payment_id', '=', id).execute()).toEqual([
      { billing_record_id: records[0] },
    ]);

    const again = await close(month);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toMatchObject({ seq: 2, payments: [{ doctor: { id: d.user.id }, consultations: 1, status: 'pending' }] });

    // A cancelled payment stays cancelled: confirming or cancelling it again is 409.
    for (const [path, body] of [
      [`/api/payments/${id}/confirm`, { paidOn: today() }],
      [`/api/payments/${id}/cancel`, { reason: 'De novo' }],
    ] as const) {
      const res = await post(path, body);
      expect(res.statusCode, path).toBe(409);
      expect(res.json().error).toMatchObject({ code: 'payment_state', message: 'Este pagamento foi cancelado.' });
    }
  });

  it('a disputed payment can be confirmed again with new details', async () => {
    const d = await doctor();
    const { id } = await pendingPayment(d);
    await post(`/api/payments/${id}/confirm`, { paidOn: today() });
    await post(`/api/me/payments/${id}/dispute`, { message: 'Não chegou nada.' }, d.cookie);
    const again = await post(`/api/payments/${id}/confirm`, { paidOn: today(), note: 'Reenviado' });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ status: 'paid', paidNote: 'Reenviado', disputeMessage: null });
    expect(again.json().events.map((e: { action: string }) => e.action)).toEqual(['created', 'paid', 'disputed', 'paid']);
  });

  it('"sem chave PIX": can\'t be paid until the doctor adds a key, which refreshes the snapshot (audited)', async () => {
    const d = await doctor();
    const { id } = await pendingPayment(d, { pixKey: false });
    const refused = await post(`/api/payments/${id}/confirm`, { paidOn: today() });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('payment_no_pix_key');

    const profile = await t.db.selectFrom('doctor_profiles').selectAll().where('user_id', '=', d.user.id).executeTakeFirstOrThrow();
    const saved = await t.request({
      method: 'PATCH',
      url: '/api/me/profile',
      cookie: d.cookie,
      payload: {
        name: d.user.name,
        crmNumber: profile.crm_number,
        crmUf: profile.crm_uf,
        specialty: profile.specialty,
        pixKeyType: 'email',
        pixKey: 'medica@exemplo.com',
      },
    });
    expect(saved.statusCode).toBe(200);
    const detail = (await get(`/api/payments/${id}`)).json();
    expect(detail.pixKey).toEqual({ type: 'email', key: 'medica@exemplo.com' });
    expect(detail.events.at(-1)).toMatchObject({
      action: 'pix_key_refreshed',
      actor: { id: d.user.id },
      details: { before: null, after: { type: 'email', key: 'medica@exemplo.com' } },
    });
    expect((await post(`/api/payments/${id}/confirm`, { paidOn: today() })).statusCode).toBe(200);
  });

  it('a doctor reaches only their own payments (404 otherwise); a patient none (403); bad input is 400', async () => {
    const [d, other] = [await doctor(), await doctor()];
    const { id } = await pendingPayment(d);
    await post(`/api/payments/${id}/confirm`, { paidOn: today() });
    expect((await get(`/api/me/payments/${id}`, other.cookie)).statusCode).toBe(404);
    expect((await post(`/api/me/payments/${id}/received`, undefined, other.cookie)).statusCode).toBe(404);
    expect((await post(`/api/me/payments/${id}/dispute`, { message: 'Não é meu' }, other.cookie)).statusCode).toBe(404);
    expect((await get('/api/me/payments', other.cookie)).json().items).toEqual([]);
    expect((await get('/api/me/payments', d.cookie)).json().items.map((p: { id: string }) => p.id)).toEqual([id]);
    expect((await post(`/api/payments/${id}/confirm`, { paidOn: today() }, d.cookie)).statusCode).toBe(403);

    const p = await patientOf(d.user);
    for (const path of ['/api/me/payments', `/api/me/payments/${id}`, `/api/payments/${id}`]) expect((await get(path, p.cookie)).statusCode, path).toBe(403);
    expect((await post(`/api/me/payments/${id}/received`, undefined, p.cookie)).statusCode).toBe(403);

    const fresh = await pendingPayment(await doctor());
    for (const body of [{}, { paidOn: '30/11/2026' }, { paidOn: today(), pixEndToEndId: 'E123' }, { paidOn: today(), note: 'x'.repeat(501) }]) {
      expect((await post(`/api/payments/${fresh.id}/confirm`, body)).statusCode, JSON.stringify(body)).toBe(400);
    }
    // A payment is confirmed once made: not on a day that has not come yet in São Paulo.
    const tomorrow = clinicDateOf(new Date(Date.now() + 86_400_000));
    const future = await post(`/api/payments/${fresh.id}/confirm`, { paidOn: tomorrow });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields).toMatchObject({ paidOn: 'A data do pagamento não pode ser depois de hoje.' });
    expect((await get(`/api/payments/${fresh.id}`)).json()).toMatchObject({ status: 'pending', paidOn: null });
    expect((await post(`/api/payments/${fresh.id}/cancel`, { reason: '' })).statusCode).toBe(400);
    expect((await post('/api/payments/not-a-uuid/confirm', { paidOn: today() })).statusCode).toBe(400);
    expect((await get(`/api/payments/${crypto.randomUUID()}`)).statusCode).toBe(404);
  });

  it('lists every payment event for the admin, newest first, filtered and paged', async () => {
    const d = await doctor();
    const { id, month } = await pendingPayment(d);
    await post(`/api/payments/${id}/confirm`, { paidOn: today() });
    const page = (await get(`/api/payment-events?month=${month}&doctorId=${d.user.id}`)).json();
    expect(page.items.map((e: { action: string }) => e.action)).toEqual(['paid', 'created']);
    expect(page.items[0]).toMatchObject({ doctor: { id: d.user.id }, month, paymentId: id });
    const paidOnly = (await get(`/api/payment-events?action=paid&doctorId=${d.user.id}&limit=1`)).json();
    expect(paidOnly.items).toHaveLength(1);
    expect(paidOnly.nextCursor).toBeNull();
    const first = (await get(`/api/payment-events?doctorId=${d.user.id}&limit=1`)).json();
    const second = (await get(`/api/payment-events?doctorId=${d.user.id}&limit=1&cursor=${first.nextCursor}`)).json();
    expect([first.items[0].action, second.items[0].action]).toEqual(['paid', 'created']);
    expect((await get('/api/payment-events?cursor=lixo')).statusCode).toBe(400);
  });
});
