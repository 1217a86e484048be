import { randomBytes, randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPatient } from '#tests/helpers/factories.ts';
import { type Person, signedInPeople } from '#tests/helpers/people.ts';
import { type TestApp, createTestApp } from '#tests/helpers/test-app.ts';
import { clinicMonthOf } from '#shared/domain/clinic-month.ts';
import { encodeBillingCursor } from '#shared/schemas/billing.ts';
import { encodePageCursor } from '#shared/schemas/cursor.ts';
import type { BillingRecordsTable, UserRow } from '#server/db/types.ts';
import { exportBilling } from './billing-export.service';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ LOGIN_IP_LIMIT_PER_MINUTE: '10000' });
});
afterAll(async () => t.close());

const { doctor, patientOf, admin } = signedInPeople(() => t);

type Seed = {
  at: string;
  priceCents?: number;
  kind?: BillingRecordsTable['kind'];
  status?: BillingRecordsTable['status'];
  note?: string | null;
  durationSeconds?: number | null;
  patient?: UserRow;
};

/** Billing records written straight to the tables (a room and a consultation each), split 20 %; returns their ids in the given order. */
async function seed(d: UserRow, rows: Seed[]): Promise<string[]> {
  const fallback = await createPatient(t.db, { doctors: [d] });
  const ids: string[] = [];
  for (const r of rows) {
    const patient = r.patient ?? fallback;
    const roomId = randomUUID();
    const consultationId = randomUUID();
    const duration = r.durationSeconds === undefined ? 1800 : r.durationSeconds;
    const started = new Date(Date.parse(r.at) - (duration ?? 0) * 1000).toISOString();
    await t.db
      .insertInto('rooms')
      .values({
        id: roomId,
        code: randomBytes(16).toString('base64url'),
        doctor_id: d.id,
        patient_id: patient.id,
        status: 'finished',
        reason: null,
        scheduled_at: null,
        admitted_at: started,
        last_activity_at: r.at,
        created_at: started,
        closed_at: r.at,
      })
      .execute();
    await t.db
      .insertInto('consultations')
      .values({
        id: consultationId,
        room_id: roomId,
        doctor_id: d.id,
        patient_id: patient.id,
        started_at: started,
        ended_at: r.at,
        duration_seconds: duration,
        finalized_by: 'doctor',
        doctor_connected_at: started,
        patient_connected_at: started,
      })
      .execute();
    const price = r.priceCents ?? 15_000;
    const clinic = Math.floor((price * 2000 + 5000) / 10_000);
    const id = randomUUID();
    await t.db
      .insertInto('billing_records')
      .values({
        id,
        consultation_id: consultationId,
        doctor_id: d.id,
        patient_id: patient.id,
        kind: r.kind ?? 'video',
        finished_at: r.at,
        month: clinicMonthOf(r.at),
        duration_seconds: duration,
        price_cents: price,
        clinic_bps: 2000,
        clinic_cents: clinic,
        doctor_cents: price - clinic,
        status: r.status ?? 'billed',
        fee_source: 'fees',
        note: r.note ?? null,
        decided_by: null,
        decided_at: null,
        created_at: r.at,
      })
      .execute();
    ids.push(id);
  }
  return ids;
}

const get = (url: string, cookie?: string) => t.request({ method: 'GET', url, cookie });
type Item = { id: string; finishedAt: string; priceCents: number; month: string; kind: string; status: string; doctor: { id: string } };

/** Every page of a list, following nextCursor; fails on a page that is not 200. */
async function walk(url: string, cookie: string): Promise<{ items: Item[]; pages: number }> {
  const items: Item[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const res = await get(`${url}${cursor ? `&cursor=${cursor}` : ''}`, cookie);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { items: Item[]; nextCursor: string | null };
    items.push(...body.items);
    cursor = body.nextCursor;
    pages += 1;
    expect(pages).toBeLessThan(100);
  } while (cursor);
  return { items, pages };
}

/** The order each sort promises, worked out here: by time or by price then time, id last, all one way. */
function expected(rows: { id: string; at: string; price: number }[], sort: string): string[] {
  const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
  const asc = [...rows].sort((a, b) => (sort.startsWith('price') ? cmp(a.price, b.price) : 0) || cmp(a.at, b.at) || cmp(a.id, b.id));
  return (sort === 'newest' || sort === 'price_desc' ? asc.reverse() : asc).map((r) => r.id);
}

describe('billing list: period, kind and order', () => {
  it('walks every order page by page with no record twice and none missing, ties included', async () => {
    const d = await doctor();
    // 23 records: several at the same instant, many at the same price, over four months.
    const specs: Seed[] = [];
    for (let i = 0; i < 23; i++) {
      const at = new Date(Date.UTC(2026, i % 4, 3 + (i % 5), 15, 0, 0)).toISOString();
      specs.push({ at, priceCents: [15_000, 20_000, 10_000][i % 3]!, kind: i % 7 === 0 ? 'phone' : 'video' });
    }
    const ids = await seed(d.user, specs);
    const rows = ids.map((id, i) => ({ id, at: specs[i]!.at, price: specs[i]!.priceCents! }));
    const adminCookie = await admin();
    for (const sort of ['newest', 'oldest', 'price_desc', 'price_asc']) {
      const { items, pages } = await walk(`/api/billing?doctorId=${d.user.id}&sort=${sort}&limit=4`, adminCookie);
      expect(pages, sort).toBe(6);
      expect(
        items.map((r) => r.id),
        sort,
      ).toEqual(expected(rows, sort));
      // The doctor's own list pages the same way.
      const own = await walk(`/api/me/billing?sort=${sort}&limit=5`, d.cookie);
      expect(
        own.items.map((r) => r.id),
        `own ${sort}`,
      ).toEqual(expected(rows, sort));
    }
    // Without a sort: newest first, as before.
    expect((await walk(`/api/billing?doctorId=${d.user.id}&limit=7`, adminCookie)).items.map((r) => r.id)).toEqual(expected(rows, 'newest'));
  });

  it('filters by a period of São Paulo months (inclusive), by month, and by kind and status together', async () => {
    const d = await doctor();
    const [jan, feb, febLate, mar, apr, phone, review] = await seed(d.user, [
      { at: '2026-01-20T15:00:00.000Z' },
      { at: '2026-02-10T15:00:00.000Z' },
      // 28/02 23:30 in São Paulo: February there, March in UTC.
      { at: '2026-03-01T02:30:00.000Z' },
      { at: '2026-03-15T15:00:00.000Z' },
      { at: '2026-04-01T03:30:00.000Z' }, // 01/04 00:30 in São Paulo
      { at: '2026-02-12T15:00:00.000Z', kind: 'phone' },
      { at: '2026-02-13T15:00:00.000Z', kind: 'phone', status: 'under_review', durationSeconds: null },
    ]);
    const c = await admin();
    const ids = async (query: string) => (await walk(`/api/billing?doctorId=${d.user.id}&${query}`, c)).items.map((r) => r.id);
    expect(await ids('from=2026-02&to=2026-03')).toEqual([mar, febLate, review, phone, feb]);
    expect(await ids('from=2026-02&to=2026-02&sort=oldest')).toEqual([feb, phone, review, febLate]);
    expect(await ids('month=2026-02&sort=oldest')).toEqual([feb, phone, review, febLate]);
    expect(await ids('from=2026-03')).toEqual([apr, mar]);
    expect(await ids('to=2026-01')).toEqual([jan]);
    expect(await ids('to=2026-03&from=2026-03')).toEqual([mar]);
    expect(await ids('kind=phone')).toEqual([review, phone]);
    expect(await ids('kind=phone&status=billed')).toEqual([phone]);
    expect(await ids('kind=in_person')).toEqual([]);
    expect(await ids('from=2026-04&to=2026-04&kind=video')).toEqual([apr]);
    // The doctor's own list takes the same filters and ignores a doctorId.
    const other = await doctor();
    await seed(other.user, [{ at: '2026-02-11T15:00:00.000Z', kind: 'phone' }]);
    const own = await walk(`/api/me/billing?from=2026-02&to=2026-02&kind=phone&doctorId=${other.user.id}`, d.cookie);
    expect(own.items.map((r) => r.id)).toEqual([review, phone]);
  });

  it('refuses a bad period, month, kind, order or cursor with a 400 in Portuguese', async () => {
    const d = await doctor();
    await seed(d.user, [{ at: '2026-05-02T15:00:00.000Z' }, { at: '2026-05-03T15:00:00.000Z', priceCents: 9000 }]);
    const c = await admin();
    const first = (await get(`/api/billing?doctorId=${d.user.id}&limit=1`, c)).json();
    expect(first.nextCursor).toEqual(expect.any(String));
    const byPrice = (await get(`/api/billing?doctorId=${d.user.id}&limit=1&sort=price_asc`, c)).json();
    const cases: [string, string, RegExp][] = [
      ['from=2026-05&to=2026-04', 'to', /termina antes de começar/],
      ['from=2026-5', 'from', /Mês inválido/],
      ['to=2026-00', 'to', /Mês inválido/],
      ['month=2026-13', 'month', /Mês inválido/],
      ['month=2026-05&from=2026-04', 'month', /mês ou um período/],
      ['sort=cheapest', 'sort', /Ordem inválida/],
      ['kind=video_call', 'kind', /Tipo de consulta inválido/],
      [`sort=price_desc&cursor=${first.nextCursor}`, 'cursor', /outra ordem/],
      [`sort=oldest&cursor=${first.nextCursor}`, 'cursor', /outra ordem/],
      [`cursor=${byPrice.nextCursor}`, 'cursor', /outra ordem/],
      [`sort=price_desc&cursor=${byPrice.nextCursor}`, 'cursor', /outra ordem/],
      // A records-style cursor, a cursor whose price is text, and garbage.
      [`cursor=${encodePageCursor({ at: '2026-05-02T15:00:00.000Z', id: randomUUID() })}`, 'cursor', /Página inválida/],
      [
        `sort=price_asc&cursor=${Buffer.from(JSON.stringify(['price_asc', '9000', '2026-05-02T15:00:00.000Z', 'x'])).toString('base64url')}`,
        'cursor',
        /Página inválida/,
      ],
      ['cursor=%%%', 'cursor', /Página inválida/],
    ];
    for (const [query, field, message] of cases) {
      for (const base of ['/api/billing?', '/api/me/billing?']) {
        const res = await get(`${base}${query}`, base.includes('/me/') ? d.cookie : c);
        expect(res.statusCode, `${base}${query}`).toBe(400);
        const { error } = res.json();
        expect(error, query).toMatchObject({ code: 'validation_error', message: expect.any(String) });
        expect(error.fields[field], query).toMatch(message);
      }
    }
    // The same cursor under its own order continues the list.
    const second = await get(`/api/billing?doctorId=${d.user.id}&limit=1&sort=price_asc&cursor=${byPrice.nextCursor}`, c);
    expect(second.json().items[0].priceCents).toBe(15_000);
    expect(encodeBillingCursor({ sort: 'newest', at: '2026-05-02T15:00:00.000Z', id: 'a', priceCents: null })).not.toContain('=');
  });
});

/** A doctor with records a CSV must survive: `;`, quotes, line breaks and formulas in people's text. */
async function trickyDoctor(): Promise<{ d: Person; ids: string[] }> {
  const d = await doctor();
  await t.db.updateTable('users').set({ name: 'Dra. Ana; "Aninha" Souza' }).where('id', '=', d.user.id).execute();
  const evil = await createPatient(t.db, { name: '=HYPERLINK("http://x.example/?a=1";"clique")', doctors: [d.user] });
  const plus = await createPatient(t.db, { name: '+55 11 99999-0000', doctors: [d.user] });
  const plain = await createPatient(t.db, { name: 'José da Silva', doctors: [d.user] });
  const ids = await seed(d.user, [
    { at: '2026-11-05T13:07:00.000Z', priceCents: 123_456, patient: plain }, // 10:07 in São Paulo
    { at: '2026-11-10T02:30:00.000Z', priceCents: 15_000, patient: evil, note: 'Pago em\r\ndinheiro; recibo "12"' }, // 09/11 23:30
    { at: '2026-11-12T18:00:00.000Z', priceCents: 5, kind: 'in_person', status: 'voided', durationSeconds: null, patient: plus, note: '@SUM(1+1)' },
    { at: '2026-11-13T18:00:00.000Z', priceCents: 20_000, kind: 'phone', status: 'under_review', durationSeconds: 65, patient: plain, note: '-2+3' },
  ]);
  return { d, ids };
}

describe('billing export', () => {
  it("is the admin's for everyone, the doctor's for their own; a patient gets 403 and nobody signed in 401", async () => {
    const d = await doctor();
    const other = await doctor();
    const paula = await createPatient(t.db, { name: 'Paula Lima', doctors: [d.user, other.user] });
    await seed(d.user, [{ at: '2026-06-05T15:00:00.000Z', patient: paula }]);
    await seed(other.user, [{ at: '2026-06-06T15:00:00.000Z', patient: paula }]);
    const p = await patientOf(d.user);
    for (const format of ['csv', 'xlsx']) {
      for (const url of [`/api/billing/export?format=${format}`, `/api/me/billing/export?format=${format}`]) {
        expect((await get(url)).statusCode, url).toBe(401);
        expect((await get(url, p.cookie)).statusCode, url).toBe(403);
        expect((await get(url, p.cookie)).json().error.code).toBe('forbidden');
      }
      expect((await get(`/api/billing/export?format=${format}&doctorId=${other.user.id}`, d.cookie)).statusCode).toBe(403);
    }
    // The doctor's own export has only their rows, whatever doctorId they send, and no "Médico" column.
    const own = await get(`/api/me/billing/export?format=csv&month=2026-06&doctorId=${other.user.id}`, d.cookie);
    expect(own.statusCode).toBe(200);
    const lines = own.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('Data;Mês;Paciente;Tipo;Duração;Valor;Parte da clínica;Parte do médico;Situação;Observação');
    expect(lines.slice(1)).toEqual(['05/06/2026 12:00;06/2026;Paula Lima;Vídeo;0:30:00;150,00;30,00;120,00;Faturada;', '']);
    const all = await get(`/api/billing/export?format=csv&month=2026-06&doctorId=${other.user.id}`, await admin());
    expect(all.body.split('\r\n')[1]).toContain(other.user.name);
  });

  it('writes CSV for Excel in Brazil: BOM, ";", CRLF, decimal commas, São Paulo times, quoting, formulas neutralised', async () => {
    const { d } = await trickyDoctor();
    const res = await get(`/api/billing/export?format=csv&doctorId=${d.user.id}&from=2026-11&to=2026-11&sort=oldest`, await admin());
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="faturamento-2026-11.csv"; filename*=UTF-8''faturamento-2026-11.csv`);
    expect(res.headers['cache-control']).toBe('no-store');
    const doctorCell = '"Dra. Ana; ""Aninha"" Souza"';
    const expectedText =
      '\uFEFFData;Mês;Médico;Paciente;Tipo;Duração;Valor;Parte da clínica;Parte do médico;Situação;Observação\r\n' +
      `05/11/2026 10:07;11/2026;${doctorCell};José da Silva;Vídeo;0:30:00;1234,56;246,91;987,65;Faturada;\r\n` +
      `09/11/2026 23:30;11/2026;${doctorCell};"'=HYPERLINK(""http://x.example/?a=1"";""clique"")";Vídeo;0:30:00;150,00;30,00;120,00;Faturada;"Pago em\r\ndinheiro; recibo ""12"""\r\n` +
      `12/11/2026 15:00;11/2026;${doctorCell};'+55 11 99999-0000;Presencial;;0,05;0,01;0,04;Anulada;'@SUM(1+1)\r\n` +
      `13/11/2026 15:00;11/2026;${doctorCell};José da Silva;Telefone;0:01:05;200,00;40,00;160,00;Em análise;'-2+3\r\n`;
    expect(res.rawPayload.equals(Buffer.from(expectedText, 'utf8'))).toBe(true);
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('writes .xlsx with numbers in R$, real dates, a bold frozen header with autofilter and a total of what was billed', async () => {
    const { d } = await trickyDoctor();
    const res = await get(`/api/billing/export?format=xlsx&doctorId=${d.user.id}&month=2026-11&sort=price_desc`, await admin());
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toContain('filename="faturamento-2026-11.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Faturamento')!;
    expect(sheet.rowCount).toBe(1 + 4 + 1);
    const header = sheet.getRow(1);
    expect(header.values).toEqual([
      undefined,
      'Data',
      'Mês',
      'Médico',
      'Paciente',
      'Tipo',
      'Duração',
      'Valor',
      'Parte da clínica',
      'Parte do médico',
      'Situação',
      'Observação',
    ]);
    expect(header.getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe('A1:K5');
    expect(sheet.getColumn(4).width).toBeGreaterThan(20);
    // Highest price first: R$ 1.234,56 on 05/11 10:07 (São Paulo).
    const top = sheet.getRow(2);
    expect(top.getCell(7).value).toBe(1234.56);
    expect(top.getCell(7).numFmt).toBe('"R$" #,##0.00');
    expect(top.getCell(8).value).toBe(246.91);
    expect(top.getCell(9).value).toBe(987.65);
    expect(top.getCell(9).numFmt).toBe('"R$" #,##0.00');
    expect(top.getCell(1).value).toEqual(new Date(Date.UTC(2026, 10, 5, 10, 7)));
    expect(top.getCell(1).numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(top.getCell(2).value).toEqual(new Date(Date.UTC(2026, 10, 1)));
    // A duration is a time value (a fraction of a day): exceljs reads it back as that long after Excel's day zero.
    expect(top.getCell(6).value).toEqual(new Date(Date.UTC(1899, 11, 30, 0, 30)));
    expect(top.getCell(6).numFmt).toBe('[h]:mm:ss');
    expect(top.getCell(10).value).toBe('Faturada');
    // Text stays text, not a formula; the voided R$ 0,05 is last.
    expect(sheet.getRow(4).getCell(4).value).toBe('=HYPERLINK("http://x.example/?a=1";"clique")');
    // (XML reads a CRLF inside text back as LF.)
    expect(sheet.getRow(4).getCell(11).value).toBe('Pago em\ndinheiro; recibo "12"');
    expect(sheet.getRow(5).getCell(7).value).toBe(0.05);
    expect(sheet.getRow(5).getCell(6).value).toBeNull();
    const totals = sheet.getRow(6);
    expect(totals.getCell(1).value).toBe('Total faturado');
    expect(totals.getCell(1).font?.bold).toBe(true);
    expect(totals.getCell(7).value).toEqual({ formula: 'SUMIFS(G2:G5,J2:J5,"Faturada")', result: 1384.56 });
    expect(totals.getCell(9).value).toEqual({ formula: 'SUMIFS(I2:I5,J2:J5,"Faturada")', result: 1107.65 });
    expect(totals.getCell(7).numFmt).toBe('"R$" #,##0.00');
  });

  it('exports every page of the filtered list, in its order, the same as the list shows', async () => {
    const d = await doctor();
    const specs: Seed[] = Array.from({ length: 11 }, (_, i) => ({
      at: new Date(Date.UTC(2026, 7, 1 + (i % 4), 15)).toISOString(),
      priceCents: [15_000, 9_000][i % 2]!,
    }));
    await seed(d.user, specs);
    await seed(d.user, [{ at: '2026-09-01T15:00:00.000Z' }]); // outside the period
    const c = await admin();
    for (const sort of ['newest', 'oldest', 'price_desc', 'price_asc'] as const) {
      const listed = (await walk(`/api/billing?doctorId=${d.user.id}&month=2026-08&sort=${sort}&limit=3`, c)).items;
      // Pages of 2, so the export crosses page ends (ties included) as a long one does.
      const file = await exportBilling(t.db, { user: d.user, ip: '127.0.0.1' } as never, { format: 'csv', month: '2026-08', sort }, true, 2);
      let csv = '';
      for await (const chunk of file.body) csv += String(chunk);
      const lines = csv.split('\r\n').slice(1, -1);
      expect(lines, sort).toHaveLength(11);
      expect(
        lines.map((l) => l.split(';')[5]),
        sort,
      ).toEqual(listed.map((r) => `${Math.floor(r.priceCents / 100)},${String(r.priceCents % 100).padStart(2, '0')}`));
      expect(lines.map((l) => l.split(';')[0])).toEqual(
        listed.map((r) =>
          new Intl.DateTimeFormat('pt-BR', { timeZone: 'America/Sao_Paulo', dateStyle: 'short', timeStyle: 'short' })
            .format(new Date(r.finishedAt))
            .replace(',', ''),
        ),
      );
    }
    expect(
      nameOf(await exportBilling(t.db, { user: d.user, ip: null } as never, { format: 'xlsx', from: '2026-06', to: '2026-08', sort: 'newest' }, false)),
    ).toBe('faturamento-2026-06-a-2026-08.xlsx');
    expect(nameOf(await exportBilling(t.db, { user: d.user, ip: null } as never, { format: 'csv', sort: 'newest' }, false))).toBe('faturamento.csv');
  });

  it('is audited: who, which filters, how many rows', async () => {
    const { d } = await trickyDoctor();
    const res = await get(`/api/me/billing/export?format=xlsx&from=2026-11&to=2026-11&kind=phone`, d.cookie);
    expect(res.statusCode).toBe(200);
    const entries = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'billing.exported').where('actor_id', '=', d.user.id).execute();
    expect(entries).toHaveLength(1);
    expect(JSON.parse(entries[0]!.details!)).toEqual({
      format: 'xlsx',
      scope: 'own',
      filters: { doctorId: d.user.id, from: '2026-11', to: '2026-11', kind: 'phone' },
      sort: 'newest',
      rows: 1,
    });
  });

  it('refuses a bad format or filter with a 400, before writing anything', async () => {
    const c = await admin();
    for (const query of [
      '',
      'format=pdf',
      'format=csv&from=2026-05&to=2026-04',
      'format=xlsx&sort=cheapest',
      'format=csv&month=2026-13',
      'format=csv&doctorId=1',
    ]) {
      const res = await get(`/api/billing/export?${query}`, c);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'validation_error', message: expect.any(String) });
    }
    expect((await get('/api/billing/export?format=csv&from=2026-05&to=2026-04', c)).json().error.fields.to).toMatch(/termina antes de começar/);
    expect((await get('/api/billing/export?format=pdf', c)).json().error.fields.format).toBe('Formato inválido (use csv ou xlsx).');
  });

  it('answers no HEAD, which would audit an export whose rows never leave', async () => {
    const c = await admin();
    const before = await t.db.selectFrom('audit_log').select('id').where('action', '=', 'billing.exported').execute();
    expect((await t.request({ method: 'HEAD', url: '/api/billing/export?format=csv', cookie: c })).statusCode).toBe(404);
    expect(await t.db.selectFrom('audit_log').select('id').where('action', '=', 'billing.exported').execute()).toHaveLength(before.length);
  });
});

/** The file's name; its body is dropped unread, as when the browser cancels a download. */
function nameOf(f: { fileName: string; body: { destroy: () => void } }): string {
  f.body.destroy();
  return f.fileName;
}
