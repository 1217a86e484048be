import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDoctor, createPatient, login } from '#tests/helpers/factories.ts';
import { type TestApp, createTestApp } from '#tests/helpers/test-app.ts';
import { buildPixPayload, parsePixPayload } from '#shared/domain/pix-br-code.ts';
import { ConfigError, loadConfig } from '#server/config.ts';
import { findPixReceiver, findSnapshotPixReceiver, pixReceiverOf } from './pix-receiver';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ LOGIN_IP_LIMIT_PER_MINUTE: '10000', CLINIC_CITY: 'Ribeirão Preto' });
});
afterAll(async () => t.close());

const base = { name: 'Dra. Lia Prado', crmUf: 'BA', specialty: 'Geriatria' };
/** Each signed-in doctor keeps their own CRM, so profile saves never collide on it. */
const crmOf = new Map<string, string>();
const patch = (cookie: string, payload: Record<string, unknown>) =>
  t.request({ method: 'PATCH', url: '/api/me/profile', cookie, payload: { crmNumber: crmOf.get(cookie), ...payload } });

async function doctorWithCookie() {
  const user = await createDoctor(t.db);
  const cookie = await login(t, user);
  const row = await t.db.selectFrom('doctor_profiles').select('crm_number').where('user_id', '=', user.id).executeTakeFirstOrThrow();
  crmOf.set(cookie, row.crm_number);
  return { user, cookie };
}

const stored = (id: string) => t.db.selectFrom('doctor_profiles').select(['city', 'city_uf', 'pix_key']).where('user_id', '=', id).executeTakeFirstOrThrow();

describe('CLINIC_CITY', () => {
  it('defaults to SAO PAULO and takes the configured city', () => {
    expect(loadConfig({}).clinic.city).toBe('SAO PAULO');
    expect(loadConfig({ CLINIC_CITY: '  Belo Horizonte ' }).clinic.city).toBe('Belo Horizonte');
    expect(t.config.clinic.city).toBe('Ribeirão Preto');
  });

  it('refuses a value that names no city', () => {
    expect(() => loadConfig({ CLINIC_CITY: '123' })).toThrow(ConfigError);
    expect(() => loadConfig({ CLINIC_CITY: 'x'.repeat(61) })).toThrow(/CLINIC_CITY/);
  });
});

describe('the doctor\u2019s city on PATCH /api/me/profile', () => {
  it('saves city and UF, tidied, and returns them', async () => {
    const { user, cookie } = await doctorWithCookie();
    const res = await patch(cookie, { ...base, city: '  Sant\u2019Ana   do Livramento ', cityUf: 'RS' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().doctor).toMatchObject({ city: "Sant'Ana do Livramento", cityUf: 'RS' });
    expect(await stored(user.id)).toMatchObject({ city: "Sant'Ana do Livramento", city_uf: 'RS' });
    const me = await t.request({ method: 'GET', url: '/api/auth/me', cookie });
    expect(me.statusCode).toBe(200);
    expect(me.json().doctor).toMatchObject({ city: "Sant'Ana do Livramento", cityUf: 'RS' });
  });

  it('is optional: empty or blank clears both', async () => {
    const { user, cookie } = await doctorWithCookie();
    expect((await patch(cookie, { ...base, city: 'Embu-Guaçu', cityUf: 'SP' })).statusCode).toBe(200);
    const res = await patch(cookie, { ...base, city: '   ', cityUf: '' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().doctor).toMatchObject({ city: null, cityUf: null });
    expect(await stored(user.id)).toMatchObject({ city: null, city_uf: null });
  });

  it('refuses bad values with 400 and a plain message on the field, changing nothing', async () => {
    const { user, cookie } = await doctorWithCookie();
    expect((await patch(cookie, { ...base, city: 'Olho d\u2019Água', cityUf: 'AL' })).statusCode).toBe(200);
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ city: 'Recife 2', cityUf: 'PE' }, 'city', /só letras, espaços, hífen e apóstrofo/],
      [{ city: 'Recife/PE', cityUf: 'PE' }, 'city', /só letras/],
      [{ city: 'São Paulo 😀', cityUf: 'SP' }, 'city', /só letras/],
      [{ city: 'A'.repeat(61), cityUf: 'SP' }, 'city', /no máximo 60 caracteres/],
      [{ city: "'-", cityUf: 'SP' }, 'city', /Informe o nome da cidade/],
      [{ city: 'Recife', cityUf: 'XX' }, 'cityUf', /UF da cidade/],
      [{ city: 'Recife' }, 'cityUf', /Escolha a UF da cidade/],
      [{ cityUf: 'PE' }, 'city', /Informe a cidade/],
      [{ city: 42, cityUf: 'PE' }, 'city', /./],
    ];
    for (const [extra, field, message] of cases) {
      const res = await patch(cookie, { ...base, ...extra });
      expect(res.statusCode, JSON.stringify(extra)).toBe(400);
      expect(res.json().error.fields[field], JSON.stringify(res.json())).toMatch(message);
    }
    expect(await stored(user.id)).toMatchObject({ city: "Olho d'Água", city_uf: 'AL' });
  });

  it('a patient cannot set a city (their form has none)', async () => {
    const patient = await createPatient(t.db);
    const cookie = await login(t, patient);
    const res = await patch(cookie, { name: 'Maria Souza', city: 'Recife', cityUf: 'PE' });
    expect(res.statusCode).toBe(200);
    expect(res.json().doctor).toBeNull();
  });
});

describe('pixReceiverOf', () => {
  const config = { clinic: { name: 'MedConnect', address: null, city: 'SAO PAULO' } };

  it('uses the doctor\u2019s key, name and city', () => {
    expect(pixReceiverOf({ name: 'Dra. Lia Prado', pixKey: '+5571987654321', city: 'Salvador' }, config)).toEqual({
      key: '+5571987654321',
      name: 'Dra. Lia Prado',
      city: 'Salvador',
    });
  });

  it('falls back to the clinic\u2019s city', () => {
    for (const city of [null, undefined, '', '  ']) {
      expect(pixReceiverOf({ name: 'Dr. Caio', pixKey: '52998224725', city }, config)?.city).toBe('SAO PAULO');
    }
  });

  it('is null without a key, or with a key today\u2019s DICT rules refuse or that is not canonical', () => {
    for (const pixKey of [null, undefined, '', '+552133334444', 'ana%pix@exemplo.com', '529.982.247-25', 'ABC']) {
      expect(pixReceiverOf({ name: 'Dr. Caio', pixKey, city: 'Recife' }, config), String(pixKey)).toBeNull();
    }
  });

  it('gives what buildPixPayload needs', () => {
    const receiver = pixReceiverOf({ name: 'Dra. Conceição Araújo', pixKey: '12ABC34501DE35', city: 'São João del-Rei' }, config)!;
    const parsed = parsePixPayload(buildPixPayload({ ...receiver, amountCents: 150_000, txid: 'FECH202611' }));
    expect(parsed).toMatchObject({
      ok: true,
      payload: { key: '12ABC34501DE35', keyType: 'cnpj', name: 'DRA. CONCEICAO ARAUJO', city: 'SAO JOAO DEL-RE', amountCents: 150_000 },
    });
  });
});

describe('findPixReceiver', () => {
  it('reads the doctor\u2019s current profile, with CLINIC_CITY where they have no city', async () => {
    const { user, cookie } = await doctorWithCookie();
    expect(await findPixReceiver(t.db, user.id, t.config)).toBeNull();
    expect((await patch(cookie, { ...base, pixKeyType: 'email', pixKey: 'Lia@Exemplo.com' })).statusCode).toBe(200);
    expect(await findPixReceiver(t.db, user.id, t.config)).toEqual({ key: 'lia@exemplo.com', name: base.name, city: 'Ribeirão Preto' });
    expect((await patch(cookie, { ...base, pixKeyType: 'email', pixKey: 'Lia@Exemplo.com', city: 'Feira de Santana', cityUf: 'BA' })).statusCode).toBe(200);
    expect(await findPixReceiver(t.db, user.id, t.config)).toEqual({ key: 'lia@exemplo.com', name: base.name, city: 'Feira de Santana' });
  });

  it('is null for someone who is not a doctor, or for no one', async () => {
    const patient = await createPatient(t.db);
    expect(await findPixReceiver(t.db, patient.id, t.config)).toBeNull();
    expect(await findPixReceiver(t.db, '00000000-0000-4000-8000-000000000000', t.config)).toBeNull();
  });
});

describe('findSnapshotPixReceiver', () => {
  it('takes name and key from the snapshot and the city from the doctor\u2019s current profile, or CLINIC_CITY', async () => {
    const { user, cookie } = await doctorWithCookie();
    const snapshot = { name: 'Dra. Lia Prado (na época)', pixKey: '52998224725' };
    expect(await findSnapshotPixReceiver(t.db, user.id, snapshot, t.config)).toEqual({ key: '52998224725', name: snapshot.name, city: 'Ribeirão Preto' });
    // The profile's key has changed since; the snapshot's is the one paid, the city is today's.
    expect((await patch(cookie, { ...base, pixKeyType: 'email', pixKey: 'lia@exemplo.com', city: 'Ilhéus', cityUf: 'BA' })).statusCode).toBe(200);
    expect(await findSnapshotPixReceiver(t.db, user.id, snapshot, t.config)).toEqual({ key: '52998224725', name: snapshot.name, city: 'Ilhéus' });
  });

  it('is null for a snapshot without a usable key', async () => {
    const { user } = await doctorWithCookie();
    for (const pixKey of [null, '', '+552133334444']) {
      expect(await findSnapshotPixReceiver(t.db, user.id, { name: 'Dra. Lia', pixKey }, t.config)).toBeNull();
    }
  });
});
