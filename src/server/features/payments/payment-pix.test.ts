import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { billedCall } from '#tests/helpers/billing.ts';
import { type Person, signedInPeople } from '#tests/helpers/people.ts';
import { type TestApp, createTestApp } from '#tests/helpers/test-app.ts';
import { addMonths, clinicMonthOf } from '#shared/domain/clinic-month.ts';
import { PIX_NAME_MAX_LENGTH, normalizePixText, parsePixPayload } from '#shared/domain/pix-br-code.ts';
import { paymentPixPayload, paymentTxid } from './payment-pix';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ LOGIN_IP_LIMIT_PER_MINUTE: '10000', CLINIC_CITY: 'São José dos Campos' });
});
afterAll(async () => t.close());

const { doctor, patientOf, admin } = signedInPeople(() => t);

/** Each test closes its own month, so no other test's records share it. */
let monthsBack = 2;
function ownMonth(): { month: string; at: (day: number) => Date } {
  const month = addMonths(clinicMonthOf(new Date()), -monthsBack++);
  return { month, at: (day: number) => new Date(`${month}-${String(day).padStart(2, '0')}T15:00:00.000Z`) };
}

const get = async (url: string, cookie?: string) => t.request({ method: 'GET', url, cookie: cookie ?? (await admin()) });

/** A pending payment of `d` for two billed calls in a month of its own. */
async function pendingPayment(d: Person, profile: { pixKeyType?: 'cpf' | 'email'; pixKey?: string; city?: string } = {}) {
  await t.db
    .updateTable('doctor_profiles')
    .set({ pix_key_type: profile.pixKeyType ?? null, pix_key: profile.pixKey ?? null, city: profile.city ?? null, city_uf: profile.city ? 'SP' : null })
    .where('user_id', '=', d.user.id)
    .execute();
  const { month, at } = ownMonth();
  const p = await patientOf(d.user);
  await billedCall(t.db, d.user.id, p.user.id, at(4), 30);
  await billedCall(t.db, d.user.id, p.user.id, at(9), 40);
  const res = await t.request({ method: 'POST', url: '/api/closings', cookie: await admin(), payload: { month } });
  expect(res.statusCode, res.body).toBe(201);
  const payment = res.json().payments.find((x: { doctor: { id: string } }) => x.doctor.id === d.user.id);
  return { id: payment.id as string, month, netCents: payment.netCents as number, patient: p };
}

describe('the PIX copia e cola on the admin\u2019s payment', () => {
  it('pays the snapshot key the net amount, to the doctor\u2019s name and city, with a txid naming the payment', async () => {
    const d = await doctor();
    const { id, month, netCents } = await pendingPayment(d, { pixKeyType: 'cpf', pixKey: '52998224725', city: 'Ribeirão Preto' });
    const res = await get(`/api/payments/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(netCents).toBeGreaterThan(0);
    const parsed = parsePixPayload(body.pixPayload);
    expect(parsed.ok, JSON.stringify(parsed)).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.payload).toMatchObject({
      key: '52998224725',
      keyType: 'cpf',
      amountCents: netCents,
      city: 'RIBEIRAO PRETO',
      txid: paymentTxid({ id, month }),
    });
    expect(parsed.payload.name).toBe(normalizePixText(d.user.name, PIX_NAME_MAX_LENGTH));
    expect(parsed.payload.txid).toMatch(/^MC\d{6}[A-Z0-9]{17}$/);
    expect(parsed.payload.txid).toBe(`MC${month.replace('-', '')}${id.replace(/-/g, '').slice(0, 17).toUpperCase()}`);
  });

  it('uses the clinic\u2019s city when the doctor gave none, and follows a key added after closing', async () => {
    const d = await doctor();
    const { id } = await pendingPayment(d);
    expect((await get(`/api/payments/${id}`)).json().pixPayload).toBeNull();

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
    expect(saved.statusCode, saved.body).toBe(200);
    const parsed = parsePixPayload((await get(`/api/payments/${id}`)).json().pixPayload);
    expect(parsed).toMatchObject({ ok: true, payload: { key: 'medica@exemplo.com', keyType: 'email', city: 'SAO JOSE DOS CA' } });
  });

  it('is null without a key, and only the admin gets it', async () => {
    const d = await doctor();
    const { id, patient } = await pendingPayment(d);
    const res = await get(`/api/payments/${id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ pixKey: null, pixPayload: null });

    const keyed = await doctor();
    const paid = await pendingPayment(keyed, { pixKeyType: 'cpf', pixKey: '52998224725' });
    expect((await get(`/api/payments/${paid.id}`, keyed.cookie)).statusCode).toBe(403);
    const own = await get(`/api/me/payments/${paid.id}`, keyed.cookie);
    expect(own.statusCode).toBe(200);
    expect(own.json()).not.toHaveProperty('pixPayload');
    expect((await get(`/api/payments/${paid.id}`, patient.cookie)).statusCode).toBe(403);
    expect((await get(`/api/payments/${paid.id}`, paid.patient.cookie)).statusCode).toBe(403);
  });

  it('makes no code for nothing to pay or a name with no letters left', () => {
    const receiver = { key: '52998224725', name: 'Dra. Ana', city: 'Recife' };
    const p = { id: '0b6f3c1e-2d4a-4c8e-9f10-aabbccddeeff', month: '2026-11', netCents: 12_345 };
    expect(paymentTxid(p)).toBe('MC2026110B6F3C1E2D4A4C8E9');
    expect(parsePixPayload(paymentPixPayload(p, receiver)!)).toMatchObject({ ok: true, payload: { amountCents: 12_345, txid: 'MC2026110B6F3C1E2D4A4C8E9' } });
    expect(paymentPixPayload({ ...p, netCents: 0 }, receiver)).toBeNull();
    expect(paymentPixPayload(p, { ...receiver, name: '😀😀' })).toBeNull();
    expect(paymentPixPayload(p, null)).toBeNull();
  });
});
