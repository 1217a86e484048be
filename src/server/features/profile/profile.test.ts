import { randomBytes } from 'node:crypto';
import http from 'node:http';
import zlib from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VALID_CPFS, createAdmin, createDoctor, createPatient, login } from '#tests/helpers/factories.ts';
import { TEST_ORIGIN, type TestApp, createTestApp } from '#tests/helpers/test-app.ts';
import type { UserRow } from '#server/db/types.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ LOGIN_IP_LIMIT_PER_MINUTE: '10000' });
});
afterAll(async () => t.close());

/** A multipart/form-data body with one file part, built by hand as a browser would send it. */
function multipart(data: Buffer, filename: string, contentType: string, field = 'photo') {
  const boundary = `----medconnect${randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const upload = (cookie: string, data: Buffer, filename = 'foto.jpg', contentType = 'image/jpeg') =>
  t.request({ method: 'PUT', url: '/api/me/photo', cookie, ...multipart(data, filename, contentType) });

const patch = (cookie: string, payload: Record<string, unknown>) => t.request({ method: 'PATCH', url: '/api/me/profile', cookie, payload });

const solid = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#3366ff' } });

/**
 * A valid all-black 1-bit PNG of any size, assembled chunk by chunk: encoding 100 megapixels with
 * sharp would take seconds of CPU that the other test files (some of them timing-sensitive) need.
 */
function blankPng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(typed));
    return Buffer.concat([length, typed, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 1; // bit depth; colour type 0 (grey), default compression, filter and no interlace follow as zeros
  // Each row: filter byte 0 then width bits of 0.
  const pixels = zlib.deflateSync(Buffer.alloc((1 + Math.ceil(width / 8)) * height), { level: 9 });
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

async function photoState(userId: string) {
  const user = await t.db.selectFrom('users').select('photo_version').where('id', '=', userId).executeTakeFirstOrThrow();
  const photos = await t.db.selectFrom('photos').select('user_id').where('user_id', '=', userId).execute();
  return { version: user.photo_version, stored: photos.length };
}

async function signedIn(user: UserRow): Promise<{ user: UserRow; cookie: string }> {
  return { user, cookie: await login(t, user) };
}

describe('PATCH /api/me/profile', () => {
  it.each([
    ['cpf', '529.982.247-25', '52998224725'],
    ['cnpj', '12.ABC.345/01DE-35', '12ABC34501DE35'],
    ['cnpj', '11222333000181', '11222333000181'],
    ['email', ' Dra.Ana@Exemplo.com.BR ', 'dra.ana@exemplo.com.br'],
    ['phone', '+55 (11) 91234-5678', '+5511912345678'],
    ['evp', 'A1B2C3D4-E5F6-4789-A012-3456789ABCDE', 'a1b2c3d4-e5f6-4789-a012-3456789abcde'],
  ])('saves a doctor\u2019s %s PIX key %s as %s', async (pixKeyType, pixKey, canonical) => {
    const { user, cookie } = await signedIn(await createDoctor(t.db));
    const crmNumber = String(100_000 + Math.floor(Math.random() * 800_000));
    const res = await patch(cookie, {
      name: 'Dra. Ana Beatriz',
      crmNumber: `${crmNumber.slice(0, 3)}.${crmNumber.slice(3)}`,
      crmUf: 'PR',
      specialty: 'Pediatria',
      rqe: '1234',
      phone: '(11) 3333-4444',
      pixKeyType,
      pixKey,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      user: { id: user.id, name: 'Dra. Ana Beatriz' },
      doctor: { crmNumber, crmUf: 'PR', specialty: 'Pediatria', rqe: '1234', phone: '1133334444', pixKeyType, pixKey: canonical },
      patient: null,
    });
    const row = await t.db.selectFrom('doctor_profiles').select(['pix_key_type', 'pix_key']).where('user_id', '=', user.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ pix_key_type: pixKeyType, pix_key: canonical });
  });

  it('refuses a landline or an e-mail with % as PIX key with 400 and a plain message, keeping the stored key', async () => {
    const { user, cookie } = await signedIn(await createDoctor(t.db));
    const base = { name: 'Dra. Lia Prado', crmNumber: '4321', crmUf: 'BA', specialty: 'Geriatria' };
    expect((await patch(cookie, { ...base, pixKeyType: 'phone', pixKey: '(71) 9 8765-4321' })).statusCode).toBe(200);
    const stored = async () => t.db.selectFrom('doctor_profiles').select(['pix_key_type', 'pix_key']).where('user_id', '=', user.id).executeTakeFirstOrThrow();
    expect(await stored()).toEqual({ pix_key_type: 'phone', pix_key: '+5571987654321' });

    const cases: [string, string, RegExp][] = [
      ['phone', '(71) 3321-4567', /^Esse número é de telefone fixo\. A chave PIX por telefone é sempre um celular/],
      ['phone', '+55 71 3321-4567', /telefone fixo/],
      ['phone', '(20) 98765-4321', /O DDD 20 não existe/],
      ['phone', '+1 415 555 0100', /do Brasil \(\+55\)/],
      ['email', 'lia%prado@exemplo.com.br', /^E-mail com "%": a chave PIX só aceita/],
      ['email', `${'l'.repeat(70)}@exemplo.com.br`, /no máximo 77 caracteres/],
      ['cnpj', '12.ABC.345/01DE-3X', /dígitos verificadores\) são sempre números/],
    ];
    for (const [pixKeyType, pixKey, message] of cases) {
      const res = await patch(cookie, { ...base, pixKeyType, pixKey });
      expect(res.statusCode, pixKey).toBe(400);
      expect(res.json().error.fields.pixKey, pixKey).toMatch(message);
    }
    expect(await stored()).toEqual({ pix_key_type: 'phone', pix_key: '+5571987654321' });

    // The DICT charset keeps . _ - + ; the key is stored lower-case.
    expect((await patch(cookie, { ...base, pixKeyType: 'email', pixKey: 'Lia.Prado_1-x+Pix@Exemplo.com.br' })).statusCode).toBe(200);
    expect(await stored()).toEqual({ pix_key_type: 'email', pix_key: 'lia.prado_1-x+pix@exemplo.com.br' });
  });

  it('clears the PIX key when both fields are empty', async () => {
    const { user, cookie } = await signedIn(await createDoctor(t.db));
    const base = { name: 'Dr. Caio Nunes', crmNumber: '777', crmUf: 'RS', specialty: 'Ortopedia' };
    expect((await patch(cookie, { ...base, pixKeyType: 'cpf', pixKey: VALID_CPFS[0]! })).statusCode).toBe(200);
    const res = await patch(cookie, { ...base, pixKeyType: '', pixKey: '' });
    expect(res.statusCode).toBe(200);
    expect(res.json().doctor).toMatchObject({ pixKeyType: null, pixKey: null });
    expect((await t.db.selectFrom('doctor_profiles').select('pix_key').where('user_id', '=', user.id).executeTakeFirstOrThrow()).pix_key).toBeNull();
  });

  it('refuses bad doctor values with 400 and field paths, changing nothing', async () => {
    const { user, cookie } = await signedIn(await createDoctor(t.db));
    const taken = await createDoctor(t.db);
    const takenCrm = await t.db.selectFrom('doctor_profiles').select('crm_number').where('user_id', '=', taken.id).executeTakeFirstOrThrow();
    const before = {
      profile: await t.db.selectFrom('doctor_profiles').selectAll().where('user_id', '=', user.id).execute(),
      user: await t.db.selectFrom('users').selectAll().where('id', '=', user.id).execute(),
    };
    const base = { name: 'Dra. Ana Beatriz', crmNumber: '123', crmUf: 'SP', specialty: 'Pediatria' };
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ ...base, crmNumber: 'ABC123' }, 'crmNumber', /CRM/],
      [{ ...base, crmNumber: '12345678' }, 'crmNumber', /7 dígitos/],
      [{ ...base, crmUf: 'XX' }, 'crmUf', /UF/],
      [{ ...base, pixKeyType: 'cpf', pixKey: '529.982.247-24' }, 'pixKey', /CPF inválido/],
      [{ ...base, pixKeyType: 'cnpj', pixKey: '12.ABC.345/01DE-34' }, 'pixKey', /CNPJ inválido/],
      [{ ...base, pixKeyType: 'email', pixKey: 'ana@@exemplo.com' }, 'pixKey', /E-mail inválido/],
      [{ ...base, pixKeyType: 'phone', pixKey: '(11) 1234-567' }, 'pixKey', /Celular inválido/],
      [{ ...base, pixKeyType: 'evp', pixKey: '1234' }, 'pixKey', /Chave aleatória inválida/],
      [{ ...base, pixKeyType: 'cpf' }, 'pixKey', /Informe a chave PIX/],
      [{ ...base, specialty: 'x' }, 'specialty', /especialidade/],
      [{ ...base, rqe: 'abc' }, 'rqe', /RQE/],
      [{ ...base, name: '<script>' }, 'name', /letras/],
      [{ name: 'Dra. Ana Beatriz' }, 'crmNumber', /CRM/],
    ];
    for (const [payload, field, message] of cases) {
      const res = await patch(cookie, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.code).toBe('validation_error');
      expect(res.json().error.fields[field], JSON.stringify(res.json())).toMatch(message);
    }
    const crm = await patch(cookie, { ...base, crmNumber: takenCrm.crm_number });
    expect(crm.statusCode).toBe(409);
    expect(crm.json().error.code).toBe('crm_taken');
    for (const body of ['[1,2]', '"texto"', '{"name":']) {
      const res = await t.request({ method: 'PATCH', url: '/api/me/profile', cookie, headers: { 'content-type': 'application/json' }, payload: body });
      expect(res.statusCode, body).toBe(400);
    }
    expect({
      profile: await t.db.selectFrom('doctor_profiles').selectAll().where('user_id', '=', user.id).execute(),
      user: await t.db.selectFrom('users').selectAll().where('id', '=', user.id).execute(),
    }).toEqual(before);
  });

  it('saves a patient\u2019s CPF, birth date and phone, and refuses bad ones', async () => {
    const { user, cookie } = await signedIn(await createPatient(t.db));
    const ok = await patch(cookie, { name: 'Márcia Antunes', cpf: '111.444.777-35', birthDate: '1975-12-01', phone: '+55 31 98888-7777' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      user: { name: 'Márcia Antunes' },
      patient: { cpf: '11144477735', birthDate: '1975-12-01', phone: '31988887777' },
      doctor: null,
    });
    const cases: [Record<string, unknown>, string][] = [
      [{ name: 'Márcia Antunes', cpf: '111.444.777-36' }, 'cpf'],
      [{ name: 'Márcia Antunes', cpf: 'abc' }, 'cpf'],
      [{ name: 'Márcia Antunes', birthDate: '2100-01-01' }, 'birthDate'],
      [{ name: 'Márcia Antunes', birthDate: '1990-13-01' }, 'birthDate'],
      [{ name: 'Márcia Antunes', phone: '12345' }, 'phone'],
      [{ cpf: VALID_CPFS[0]! }, 'name'],
    ];
    for (const [payload, field] of cases) {
      const res = await patch(cookie, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.fields[field]).toEqual(expect.any(String));
    }
    const profile = await t.db.selectFrom('patient_profiles').selectAll().where('user_id', '=', user.id).executeTakeFirstOrThrow();
    expect(profile).toMatchObject({ cpf: '11144477735', birth_date: '1975-12-01' });
  });

  it('saves the admin\u2019s name only', async () => {
    const { user, cookie } = await signedIn(await createAdmin(t.db));
    const res = await patch(cookie, { name: 'Administradora Geral', crmNumber: '1' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ user: { name: 'Administradora Geral' }, doctor: null, patient: null });
    expect(await t.db.selectFrom('doctor_profiles').select('user_id').where('user_id', '=', user.id).execute()).toEqual([]);
    const bad = await patch(cookie, { name: 'A1' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.name).toEqual(expect.any(String));
  });

  it('needs a session and the site\u2019s own origin', async () => {
    expect((await t.request({ method: 'PATCH', url: '/api/me/profile', payload: { name: 'Nome Novo' } })).statusCode).toBe(401);
    const { user, cookie } = await signedIn(await createPatient(t.db));
    const evil = await t.request({
      method: 'PATCH',
      url: '/api/me/profile',
      cookie,
      payload: { name: 'Nome Novo' },
      headers: { origin: 'https://evil.example' },
    });
    expect(evil.statusCode).toBe(403);
    expect((await t.db.selectFrom('users').select('name').where('id', '=', user.id).executeTakeFirstOrThrow()).name).toBe(user.name);
  });
});

describe('PUT /api/me/photo', () => {
  it('re-encodes a JPEG as a WebP of at most 512 px without EXIF', async () => {
    const { user, cookie } = await signedIn(await createDoctor(t.db));
    const jpeg = await solid(800, 600)
      .jpeg()
      .withMetadata({ exif: { IFD0: { Copyright: 'segredo' } } })
      .toBuffer();
    expect((await sharp(jpeg).metadata()).exif).toBeDefined();
    const res = await upload(cookie, jpeg);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().user.photoUrl).toBe(`/api/users/${user.id}/photo?v=1`);

    const served = await t.request({ method: 'GET', url: res.json().user.photoUrl, cookie });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/webp');
    expect(served.headers['cache-control']).toBe('no-store');
    const meta = await sharp(served.rawPayload).metadata();
    expect(meta).toMatchObject({ format: 'webp', width: 512, height: 384 });
    expect(meta.exif).toBeUndefined();
    expect(meta.icc).toBeUndefined();
    expect(served.rawPayload.includes(Buffer.from('segredo'))).toBe(false);
  });

  it('accepts PNG and WebP, never enlarges, and bumps the version on each change', async () => {
    const { user, cookie } = await signedIn(await createPatient(t.db));
    const png = await upload(cookie, await solid(300, 200).png().toBuffer(), 'foto.png', 'image/png');
    expect(png.statusCode).toBe(200);
    const first = await sharp((await t.request({ method: 'GET', url: `/api/users/${user.id}/photo`, cookie })).rawPayload).metadata();
    expect(first).toMatchObject({ format: 'webp', width: 300, height: 200 });
    // The declared type and name do not matter; the bytes do.
    const webp = await upload(cookie, await solid(1000, 2000).webp().toBuffer(), 'foto.bin', 'application/octet-stream');
    expect(webp.statusCode).toBe(200);
    expect(webp.json().user.photoUrl).toBe(`/api/users/${user.id}/photo?v=2`);
    const second = await sharp((await t.request({ method: 'GET', url: `/api/users/${user.id}/photo`, cookie })).rawPayload).metadata();
    expect(second).toMatchObject({ format: 'webp', width: 256, height: 512 });
    expect(await photoState(user.id)).toEqual({ version: 2, stored: 1 });
  });

  it('accepts a photo of several megabytes (above the 1 MB JSON limit, below 5 MB)', async () => {
    const { user, cookie } = await signedIn(await createPatient(t.db));
    const noise = await sharp(randomBytes(1000 * 1000 * 3), { raw: { width: 1000, height: 1000, channels: 3 } })
      .png({ compressionLevel: 0 })
      .toBuffer();
    expect(noise.length).toBeGreaterThan(2 * 1024 * 1024);
    expect(noise.length).toBeLessThan(5 * 1024 * 1024);
    const res = await upload(cookie, noise, 'ruido.png', 'image/png');
    expect(res.statusCode, res.body).toBe(200);
    expect(await photoState(user.id)).toEqual({ version: 1, stored: 1 });
  });

  it('refuses what is not a JPEG, PNG or WebP with 400 and stores nothing', async () => {
    const { user, cookie } = await signedIn(await createPatient(t.db));
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><rect width="100" height="100" fill="red"/></svg>');
    const cases: [Buffer, string, string][] = [
      [Buffer.from('isto não é uma imagem, é um texto qualquer'), 'foto.jpg', 'image/jpeg'],
      [await solid(50, 50).gif().toBuffer(), 'anim.gif', 'image/gif'],
      [svg, 'desenho.svg', 'image/svg+xml'],
      [svg, 'desenho.png', 'image/png'],
      [(await solid(50, 50).jpeg().toBuffer()).subarray(0, 40), 'cortada.jpg', 'image/jpeg'],
      [Buffer.alloc(0), 'vazia.jpg', 'image/jpeg'],
    ];
    for (const [data, name, type] of cases) {
      const res = await upload(cookie, data, name, type);
      expect(res.statusCode, name).toBe(400);
      expect(res.json().error.code, name).toBe('invalid_image');
      expect(res.json().error.message).toMatch(/JPEG, PNG ou WebP/);
    }
    expect(await photoState(user.id)).toEqual({ version: null, stored: 0 });
  });

  it('refuses a file over 5 MB with 413 and stores nothing', async () => {
    const { user, cookie } = await signedIn(await createPatient(t.db));
    const padded = Buffer.concat([await solid(100, 100).jpeg().toBuffer(), Buffer.alloc(5 * 1024 * 1024 + 1)]);
    const res = await upload(cookie, padded);
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('image_too_large');
    expect(await photoState(user.id)).toEqual({ version: null, stored: 0 });
  });

  it('refuses a 6.3 MB upload with 413 every time over real HTTP, however the body is cut into chunks', async () => {
    const { user, cookie } = await signedIn(await createPatient(t.db));
    const base = new URL(await t.app.listen({ port: 0, host: '127.0.0.1' }));
    const photo = Buffer.concat([await solid(100, 100).jpeg().toBuffer(), randomBytes(6_300_000)]);
    const { payload, headers } = multipart(photo, 'grande.jpg', 'image/jpeg');
    const fileStart = payload.indexOf(photo.subarray(0, 64));
    // The limit falls inside a piece, or exactly at the end of one (the body pauses there, so the
    // server reads a piece that ends at 5 MiB of file: the case that used to answer 200).
    for (const cut of [fileStart + 5 * 1024 * 1024, fileStart + 5 * 1024 * 1024 - 1000, 100_000]) {
      const res = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = http.request(
          {
            host: base.hostname,
            port: base.port,
            path: '/api/me/photo',
            method: 'PUT',
            headers: { ...headers, cookie, origin: TEST_ORIGIN, host: 'localhost:80', 'content-length': payload.length },
          },
          (r) => {
            let body = '';
            r.on('data', (d: Buffer) => (body += d.toString()));
            r.on('end', () => resolve({ status: r.statusCode ?? 0, body }));
          },
        );
        req.on('error', reject);
        req.write(payload.subarray(0, cut));
        setTimeout(() => req.end(payload.subarray(cut)), 300);
      });
      expect(res.status, `paused at ${cut}`).toBe(413);
      expect(JSON.parse(res.body).error).toEqual({ code: 'image_too_large', message: 'A foto pode ter no máximo 5 MB.' });
    }
    expect(await photoState(user.id)).toEqual({ version: null, stored: 0 });
  });

  it('refuses a 10000×10000 image (small file, 100 megapixels) with 413 image_too_large, keeping the old photo', async () => {
    const { user, cookie } = await signedIn(await createPatient(t.db));
    // The same construction at a sane size is accepted, so the refusal is about the pixels.
    expect((await upload(cookie, blankPng(100, 50), 'pequena.png', 'image/png')).statusCode).toBe(200);
    const bomb = blankPng(10_000, 10_000);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await sharp(bomb, { limitInputPixels: false }).metadata()).toMatchObject({ format: 'png', width: 10_000, height: 10_000 });
    const res = await upload(cookie, bomb, 'grande.png', 'image/png');
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('image_too_large');
    expect(res.json().error.message).toMatch(/megapixels/);
    expect(await photoState(user.id)).toEqual({ version: 1, stored: 1 });
    const kept = await t.request({ method: 'GET', url: `/api/users/${user.id}/photo`, cookie });
    expect(await sharp(kept.rawPayload).metadata()).toMatchObject({ width: 100, height: 50 });
  });

  it('refuses bodies that are not a well-formed multipart upload with 400 invalid_upload', async () => {
    const { user, cookie } = await signedIn(await createPatient(t.db));
    const boundary = 'xyz';
    const form = { 'content-type': `multipart/form-data; boundary=${boundary}` };
    const cut = multipart(await solid(20, 20).png().toBuffer(), 'a.png', 'image/png');
    const cases: [string, { headers?: Record<string, string>; payload: string | Buffer | Record<string, unknown> }][] = [
      ['JSON instead of a file', { payload: { photo: 'data:image/png;base64,AAAA' } }],
      ['no file part', { headers: form, payload: `--${boundary}--\r\n` }],
      ['no boundary', { headers: { 'content-type': 'multipart/form-data' }, payload: 'abc' }],
      ['cut short', { headers: cut.headers, payload: cut.payload.subarray(0, cut.payload.length - 30) }],
      ['a text field', { headers: form, payload: `--${boundary}\r\nContent-Disposition: form-data; name="nome"\r\n\r\nvalor\r\n--${boundary}--\r\n` }],
    ];
    for (const [label, body] of cases) {
      const res = await t.request({ method: 'PUT', url: '/api/me/photo', cookie, ...body });
      expect(res.statusCode, label).toBe(400);
      expect(res.json().error.code, label).toBe('invalid_upload');
    }
    expect(await photoState(user.id)).toEqual({ version: null, stored: 0 });
  });

  it('reads only the first of two files', async () => {
    const { user, cookie } = await signedIn(await createPatient(t.db));
    const png = await solid(20, 20).png().toBuffer();
    const part = (name: string) =>
      Buffer.concat([
        Buffer.from(`--xyz\r\nContent-Disposition: form-data; name="photo"; filename="${name}"\r\nContent-Type: image/png\r\n\r\n`),
        png,
        Buffer.from('\r\n'),
      ]);
    const res = await t.request({
      method: 'PUT',
      url: '/api/me/photo',
      cookie,
      headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
      payload: Buffer.concat([part('a.png'), part('b.png'), Buffer.from('--xyz--\r\n')]),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await photoState(user.id)).toEqual({ version: 1, stored: 1 });
  });

  it('needs a session and the site\u2019s own origin', async () => {
    const { user, cookie } = await signedIn(await createPatient(t.db));
    const body = multipart(await solid(20, 20).png().toBuffer(), 'a.png', 'image/png');
    const evil = await t.request({
      method: 'PUT',
      url: '/api/me/photo',
      cookie,
      payload: body.payload,
      headers: { ...body.headers, origin: 'https://evil.example' },
    });
    expect(evil.statusCode).toBe(403);
    expect(evil.json().error.code).toBe('bad_origin');
    expect((await t.request({ method: 'PUT', url: '/api/me/photo', ...body })).statusCode).toBe(401);
    expect(await photoState(user.id)).toEqual({ version: null, stored: 0 });
  });
});

describe('GET /api/users/:id/photo', () => {
  it('shows a photo to its owner, the admin and linked people only', async () => {
    const doctor = await createDoctor(t.db);
    const patient = await createPatient(t.db, { doctors: [doctor] });
    const [doctorCookie, patientCookie] = [await login(t, doctor), await login(t, patient)];
    expect((await upload(doctorCookie, await solid(64, 64).png().toBuffer(), 'a.png', 'image/png')).statusCode).toBe(200);
    expect((await upload(patientCookie, await solid(64, 64).png().toBuffer(), 'a.png', 'image/png')).statusCode).toBe(200);
    const adminCookie = await login(t, await createAdmin(t.db));
    const strangerDoctor = await login(t, await createDoctor(t.db));
    const strangerPatient = await login(t, await createPatient(t.db, { doctors: [await createDoctor(t.db)] }));
    const get = (id: string, cookie?: string) => t.request({ method: 'GET', url: `/api/users/${id}/photo`, cookie });

    for (const [owner, viewers] of [
      [doctor.id, [doctorCookie, adminCookie, patientCookie]],
      [patient.id, [patientCookie, adminCookie, doctorCookie]],
    ] as const) {
      for (const cookie of viewers) {
        const res = await get(owner, cookie);
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toBe('image/webp');
      }
      for (const cookie of [strangerDoctor, strangerPatient]) {
        const res = await get(owner, cookie);
        expect(res.statusCode).toBe(404);
        expect(res.json().error.code).toBe('not_found');
      }
      expect((await get(owner)).statusCode).toBe(401);
    }
    // Another person without a photo, and someone who does not exist, look the same.
    const noPhoto = await get(patient.id, strangerDoctor);
    expect((await get('00000000-0000-4000-8000-000000000000', adminCookie)).json()).toEqual(noPhoto.json());
    expect((await get('nope', adminCookie)).statusCode).toBe(400);
  });
});

describe('DELETE /api/me/photo', () => {
  it('removes the photo for good', async () => {
    const { user, cookie } = await signedIn(await createDoctor(t.db));
    await upload(cookie, await solid(64, 64).jpeg().toBuffer());
    expect(await photoState(user.id)).toEqual({ version: 1, stored: 1 });
    const res = await t.request({ method: 'DELETE', url: '/api/me/photo', cookie });
    expect(res.statusCode).toBe(200);
    expect(res.json().user.photoUrl).toBeNull();
    expect(await photoState(user.id)).toEqual({ version: null, stored: 0 });
    expect((await t.request({ method: 'GET', url: `/api/users/${user.id}/photo`, cookie })).statusCode).toBe(404);
    // Deleting again is harmless.
    expect((await t.request({ method: 'DELETE', url: '/api/me/photo', cookie })).statusCode).toBe(200);
  });

  it('needs a session and the site\u2019s own origin', async () => {
    const { user, cookie } = await signedIn(await createPatient(t.db));
    await upload(cookie, await solid(64, 64).jpeg().toBuffer());
    expect((await t.request({ method: 'DELETE', url: '/api/me/photo' })).statusCode).toBe(401);
    const evil = await t.request({ method: 'DELETE', url: '/api/me/photo', cookie, headers: { origin: 'https://evil.example' } });
    expect(evil.statusCode).toBe(403);
    expect(await photoState(user.id)).toEqual({ version: 1, stored: 1 });
  });
});

describe('GET /api/dashboard', () => {
  // A database of its own, so the counts are exact.
  let d: TestApp;
  beforeAll(async () => {
    d = await createTestApp({ LOGIN_IP_LIMIT_PER_MINUTE: '10000' });
  });
  afterAll(async () => d.close());

  it('gives each role its real figures', async () => {
    const admin = await createAdmin(d.db);
    const adminCookie = await login(d, admin);
    const dA = await createDoctor(d.db);
    const dI = await createDoctor(d.db, { status: 'inactive' });
    const p1 = await createPatient(d.db, { doctors: [dA, dI] });
    await createPatient(d.db, { doctors: [dA] });
    await createPatient(d.db, { doctors: [dA], status: 'inactive' });
    const create = async (payload: Record<string, unknown>) => {
      const res = await d.request({ method: 'POST', url: '/api/users', cookie: adminCookie, payload });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().user.id as string;
    };
    // Pending invites: a new doctor and a new patient of dA.
    await create({
      role: 'doctor',
      email: 'nova.medica@example.com',
      profile: { name: 'Dra. Nova Médica', crmNumber: '31337', crmUf: 'SP', specialty: 'Dermatologia' },
    });
    await create({ role: 'patient', email: 'pendente@example.com', profile: { name: 'Paciente Pendente' }, doctorIds: [dA.id] });
    // Not pending: deactivated, and expired.
    const off = await create({ role: 'patient', email: 'desligado@example.com', profile: { name: 'Paciente Desligado' }, doctorIds: [dA.id] });
    await d.request({ method: 'POST', url: `/api/users/${off}/deactivate`, cookie: adminCookie });
    const expired = await create({ role: 'patient', email: 'vencido@example.com', profile: { name: 'Paciente Vencido' }, doctorIds: [dA.id] });
    await d.db.updateTable('invites').set({ expires_at: '2000-01-01T00:00:00.000Z' }).where('user_id', '=', expired).execute();

    const admins = await d.request({ method: 'GET', url: '/api/dashboard', cookie: adminCookie });
    expect(admins.statusCode).toBe(200);
    expect(admins.json()).toMatchObject({
      role: 'admin',
      doctors: { active: 2, inactive: 1 },
      patients: { active: 4, inactive: 2 },
      activeUsers: 7,
      pendingInvites: 2,
    });
    expect(admins.json().recentUsers).toHaveLength(5);
    expect(admins.json().recentUsers[0].id).toBe(expired);
    expect(admins.json().recentUsers.some((u: { role: string }) => u.role === 'admin')).toBe(false);

    const doctorCookie = await login(d, dA);
    const doctors = (await d.request({ method: 'GET', url: '/api/dashboard', cookie: doctorCookie })).json();
    expect(doctors).toMatchObject({ role: 'doctor', patients: 6, pendingInvites: 1, missingProfile: ['Chave PIX', 'Telefone', 'Foto'] });
    expect(doctors.recentPatients).toHaveLength(5);
    await d.request({
      method: 'PATCH',
      url: '/api/me/profile',
      cookie: doctorCookie,
      payload: {
        name: dA.name,
        crmNumber: '1',
        crmUf: 'AC',
        specialty: 'Clínica médica',
        phone: '11912345678',
        pixKeyType: 'evp',
        pixKey: '123e4567-e89b-12d3-a456-426614174000',
      },
    });
    expect((await d.request({ method: 'GET', url: '/api/dashboard', cookie: doctorCookie })).json().missingProfile).toEqual(['Foto']);

    const patientCookie = await login(d, p1);
    const patients = (await d.request({ method: 'GET', url: '/api/dashboard', cookie: patientCookie })).json();
    expect(patients).toEqual({
      role: 'patient',
      doctors: [{ id: dA.id, name: dA.name, specialty: 'Clínica médica', crm: 'CRM/AC 1', photoUrl: null }],
      missingProfile: ['Telefone', 'Data de nascimento'],
    });
    await d.request({ method: 'PATCH', url: '/api/me/profile', cookie: patientCookie, payload: { name: p1.name, birthDate: '1988-08-08' } });
    expect((await d.request({ method: 'GET', url: '/api/dashboard', cookie: patientCookie })).json().missingProfile).toEqual(['Telefone']);

    expect((await d.request({ method: 'GET', url: '/api/dashboard' })).statusCode).toBe(401);
  });
});
