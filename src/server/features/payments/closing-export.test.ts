import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { billedCall } from '#tests/helpers/billing.ts';
import { type Person, signedInPeople } from '#tests/helpers/people.ts';
import { type TestApp, createTestApp } from '#tests/helpers/test-app.ts';
import { buildPixPayload, parsePixPayload } from '#shared/domain/pix-br-code.ts';
import { exportClosing } from './closing-export.service';
import { paymentTxid } from './payment-pix';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ LOGIN_IP_LIMIT_PER_MINUTE: '10000', CLINIC_NAME: 'Clínica Bem Viver' });
});
afterAll(async () => t.close());

const { doctor, patientOf, admin } = signedInPeople(() => t);

const BRL = '"R$" #,##0.00';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const post = async (url: string, payload?: object, cookie?: string) =>
  t.request({ method: 'POST', url, cookie: cookie ?? (await admin()), ...(payload === undefined ? {} : { payload }) });
const get = async (url: string, cookie?: string) => t.request({ method: 'GET', url, cookie: cookie ?? (await admin()) });
const close = async (month: string) => {
  const res = await post('/api/closings', { month });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { payments: { id: string; doctor: { id: string } }[] };
};
/** Mid-afternoon UTC (midday in São Paulo) on `day` of `month`. */
const at = (month: string, day: number) => new Date(`${month}-${String(day).padStart(2, '0')}T15:00:00.000Z`);

async function named(p: Person, name: string): Promise<Person> {
  await t.db.updateTable('users').set({ name }).where('id', '=', p.user.id).execute();
  return { ...p, user: { ...p.user, name } };
}
async function withPixKey(d: Person, type: 'cpf' | 'email' | 'phone', key: string): Promise<void> {
  await t.db.updateTable('doctor_profiles').set({ pix_key_type: type, pix_key: key }).where('user_id', '=', d.user.id).execute();
}
const crmOf = async (d: Person) => {
  const p = await t.db.selectFrom('doctor_profiles').select(['crm_number', 'crm_uf']).where('user_id', '=', d.user.id).executeTakeFirstOrThrow();
  return `CRM/${p.crm_uf} ${p.crm_number}`;
};
const paymentOf = (closing: { payments: { id: string; doctor: { id: string } }[] }, d: Person) => closing.payments.find((p) => p.doctor.id === d.user.id)!.id;

async function workbookOf(body: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  return workbook;
}

describe('GET /api/closings/export', () => {
  it('writes "Pagamentos" (title, styled header, a row per payment, totals with formulas) and "Consultas" (every record), read back with exceljs', async () => {
    const month = '2025-11';
    const ana = await named(await doctor(), 'Ana Beatriz Souza');
    const bruno = await named(await doctor(), 'Bruno Lima');
    const carla = await named(await doctor(), 'Carla Dias');
    await withPixKey(ana, 'cpf', '52998224725');
    await withPixKey(carla, 'email', 'carla@exemplo.com');
    await t.db.updateTable('doctor_profiles').set({ city: 'Ribeirão Preto', city_uf: 'SP' }).where('user_id', '=', carla.user.id).execute();
    const p1 = await named(await patientOf(ana.user, bruno.user, carla.user), '=HYPERLINK("http://x.example";"clique")');
    const p2 = await named(await patientOf(ana.user), 'José da Silva');
    await billedCall(t.db, ana.user.id, p1.user.id, at(month, 3), 30);
    await billedCall(t.db, ana.user.id, p2.user.id, at(month, 20), 45);
    await billedCall(t.db, ana.user.id, p2.user.id, at(month, 21), 45);
    await billedCall(t.db, bruno.user.id, p1.user.id, at(month, 10), 30);
    await billedCall(t.db, carla.user.id, p1.user.id, at(month, 11), 30);
    const closing = await close(month);
    const anaPayment = paymentOf(closing, ana);
    const carlaPayment = paymentOf(closing, carla);
    expect((await post(`/api/payments/${anaPayment}/confirm`, { paidOn: '2025-12-05' })).statusCode).toBe(200);
    expect((await post(`/api/me/payments/${anaPayment}/received`, undefined, ana.cookie)).statusCode).toBe(200);
    expect((await post(`/api/payments/${carlaPayment}/confirm`, { paidOn: '2025-12-06' })).statusCode).toBe(200);

    const res = await get(`/api/closings/export?month=${month}&format=xlsx`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="fechamento-${month}.xlsx"; filename*=UTF-8''fechamento-${month}.xlsx`);
    const workbook = await workbookOf(res.rawPayload);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Pagamentos', 'Consultas']);

    const sheet = workbook.getWorksheet('Pagamentos')!;
    expect(sheet.getCell('A1').value).toBe('Clínica Bem Viver');
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.getCell('A2').value).toBe('Fechamento de Novembro de 2025');
    expect(sheet.getCell('A3').value).toMatch(/^Gerado em \d\d\/\d\d\/\d{4} \d\d:\d\d \(horário de São Paulo\) por Admin Teste/);
    const header = sheet.getRow(5);
    expect(header.values).toEqual([
      undefined,
      'Médico',
      'CRM/UF',
      'Fechamento',
      'Consultas',
      'Valor bruto',
      'Parte da clínica',
      'Líquido ao médico',
      'Tipo de chave PIX',
      'Chave PIX',
      'PIX copia e cola',
      'Situação',
      'Pago em',
      'Recebido em',
    ]);
    expect(header.getCell(1).font?.bold).toBe(true);
    expect(header.getCell(1).fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E78' } });
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 5, xSplit: 1 });
    expect(sheet.autoFilter).toBe('A5:M8');
    expect(sheet.rowCount).toBe(5 + 3 + 1);

    // Ana: 3 records (R$ 150,00 each at the default fee), paid and received, CPF key.
    const a = sheet.getRow(6);
    expect(a.getCell(1).value).toBe('Ana Beatriz Souza');
    expect(a.getCell(2).value).toBe(await crmOf(ana));
    expect(a.getCell(3).value).toBe(1);
    expect(a.getCell(4).value).toBe(3);
    expect([a.getCell(5).value, a.getCell(6).value, a.getCell(7).value]).toEqual([450, 90, 360]);
    for (const c of [5, 6, 7]) expect(a.getCell(c).numFmt).toBe(BRL);
    expect(a.getCell(8).value).toBe('CPF');
    expect(a.getCell(9).value).toBe('529.982.247-25');
    const anaCode = parsePixPayload(String(a.getCell(10).value));
    expect(anaCode).toMatchObject({
      ok: true,
      payload: {
        key: '52998224725',
        keyType: 'cpf',
        amountCents: 36_000,
        name: 'ANA BEATRIZ SOUZA',
        city: 'SAO PAULO',
        txid: paymentTxid({ id: anaPayment, month }),
      },
    });
    expect(a.getCell(11).value).toBe('Recebido');
    expect(a.getCell(11).fill).toMatchObject({ fgColor: { argb: 'FFC6EFCE' } });
    expect(a.getCell(12).value).toEqual(new Date(Date.UTC(2025, 11, 5)));
    expect(a.getCell(12).numFmt).toBe('dd/mm/yyyy');
    expect(a.getCell(13).value).toBeInstanceOf(Date);
    expect(a.getCell(13).numFmt).toBe('dd/mm/yyyy hh:mm');

    // Bruno: no PIX key, so no code; pending.
    const b = sheet.getRow(7);
    expect(b.getCell(1).value).toBe('Bruno Lima');
    expect([b.getCell(4).value, b.getCell(7).value]).toEqual([1, 120]);
    expect(b.getCell(8).value).toBe('Sem chave PIX');
    expect(b.getCell(9).value).toBeNull();
    expect(b.getCell(10).value).toBeNull();
    expect(b.getCell(11).value).toBe('Pendente');
    expect(b.getCell(11).fill).toMatchObject({ fgColor: { argb: 'FFFFF2CC' } });
    expect(b.getCell(12).value).toBeNull();

    // Carla: e-mail key, her own city on the code, paid (not yet received).
    const c = sheet.getRow(8);
    expect(c.getCell(8).value).toBe('E-mail');
    expect(parsePixPayload(String(c.getCell(10).value))).toMatchObject({
      ok: true,
      payload: { key: 'carla@exemplo.com', amountCents: 12_000, city: 'RIBEIRAO PRETO' },
    });
    expect(c.getCell(11).value).toBe('Pago');
    expect(c.getCell(11).fill).toMatchObject({ fgColor: { argb: 'FFDDEBF7' } });

    const totals = sheet.getRow(9);
    expect(totals.getCell(1).value).toBe('Total (sem cancelados)');
    expect(totals.getCell(1).font?.bold).toBe(true);
    expect(totals.getCell(4).value).toEqual({ formula: 'SUMIFS(D6:D8,K6:K8,"<>Cancelado")', result: 5 });
    expect(totals.getCell(5).value).toEqual({ formula: 'SUMIFS(E6:E8,K6:K8,"<>Cancelado")', result: 750 });
    expect(totals.getCell(6).value).toEqual({ formula: 'SUMIFS(F6:F8,K6:K8,"<>Cancelado")', result: 150 });
    expect(totals.getCell(7).value).toEqual({ formula: 'SUMIFS(G6:G8,K6:K8,"<>Cancelado")', result: 600 });
    expect(totals.getCell(7).numFmt).toBe(BRL);
    // Widths fit: the longest name, a formatted key; the copia e cola capped.
    expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual('Ana Beatriz Souza'.length);
    expect(sheet.getColumn(9).width).toBeGreaterThanOrEqual('carla@exemplo.com'.length);
    expect(sheet.getColumn(10).width).toBe(60);

    const records = workbook.getWorksheet('Consultas')!;
    expect(records.getRow(1).values).toEqual([
      undefined,
      'Médico',
      'Fechamento',
      'Paciente',
      'Data',
      'Tipo',
      'Valor',
      'Parte da clínica',
      'Parte do médico',
      'Situação do pagamento',
    ]);
    expect(records.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(records.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(records.rowCount).toBe(1 + 5 + 1);
    expect(records.autoFilter).toBe('A1:I6');
    const rows = [2, 3, 4, 5, 6].map((n) => records.getRow(n));
    expect(rows.map((r) => [r.getCell(1).value, r.getCell(3).value, r.getCell(9).value])).toEqual([
      ['Ana Beatriz Souza', '=HYPERLINK("http://x.example";"clique")', 'Recebido'],
      ['Ana Beatriz Souza', 'José da Silva', 'Recebido'],
      ['Ana Beatriz Souza', 'José da Silva', 'Recebido'],
      ['Bruno Lima', '=HYPERLINK("http://x.example";"clique")', 'Pendente'],
      ['Carla Dias', '=HYPERLINK("http://x.example";"clique")', 'Pago'],
    ]);
    // Real dates on the São Paulo wall clock (15:00 UTC is 12:00 there), the kind, the amounts in R$.
    expect(rows[0]!.getCell(4).value).toEqual(new Date(Date.UTC(2025, 10, 3, 12, 0)));
    expect(rows[0]!.getCell(4).numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(rows[0]!.getCell(5).value).toBe('Vídeo');
    expect([rows[0]!.getCell(6).value, rows[0]!.getCell(7).value, rows[0]!.getCell(8).value]).toEqual([150, 30, 120]);
    expect(rows[0]!.getCell(6).numFmt).toBe(BRL);
    const recordTotals = records.getRow(7);
    expect(recordTotals.getCell(1).value).toBe('Total (sem cancelados)');
    expect(recordTotals.getCell(6).value).toEqual({ formula: 'SUMIFS(F2:F6,I2:I6,"<>Cancelado")', result: 750 });
    expect(recordTotals.getCell(8).value).toEqual({ formula: 'SUMIFS(H2:H6,I2:I6,"<>Cancelado")', result: 600 });

    const audit = await t.db.selectFrom('audit_log').select(['actor_id', 'details', 'entity_type']).where('action', '=', 'closing.exported').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.details!)).toEqual({ month, format: 'xlsx', closings: 1, payments: 3, records: 5 });
  });

  it('shows a cancelled payment with its status and no code, next to the supplementary payment that took its records; totals leave it out', async () => {
    const month = '2025-10';
    const d = await named(await doctor(), 'Diana Reis');
    await withPixKey(d, 'cpf', '11144477735');
    const p = await patientOf(d.user);
    await billedCall(t.db, d.user.id, p.user.id, at(month, 4), 30);
    await billedCall(t.db, d.user.id, p.user.id, at(month, 5), 30);
    const first = paymentOf(await close(month), d);
    expect((await post(`/api/payments/${first}/confirm`, { paidOn: '2025-11-03' })).statusCode).toBe(200);
    expect((await post(`/api/me/payments/${first}/dispute`, { message: 'Não caiu na conta.' }, d.cookie)).statusCode).toBe(200);
    expect((await post(`/api/payments/${first}/cancel`, { reason: 'Chave errada' })).statusCode).toBe(200);
    await billedCall(t.db, d.user.id, p.user.id, at(month, 6), 30);
    const second = paymentOf(await close(month), d);

    const workbook = await workbookOf((await get(`/api/closings/export?month=${month}&format=xlsx`)).rawPayload);
    const sheet = workbook.getWorksheet('Pagamentos')!;
    const [cancelled, supplementary] = [sheet.getRow(6), sheet.getRow(7)];
    expect([cancelled.getCell(3).value, cancelled.getCell(4).value, cancelled.getCell(10).value, cancelled.getCell(11).value]).toEqual([
      1,
      2,
      null,
      'Cancelado',
    ]);
    expect(cancelled.getCell(11).fill).toMatchObject({ fgColor: { argb: 'FFE7E6E6' } });
    expect([supplementary.getCell(3).value, supplementary.getCell(4).value, supplementary.getCell(11).value]).toEqual([2, 3, 'Pendente']);
    const code = parsePixPayload(String(supplementary.getCell(10).value));
    expect(code).toMatchObject({ ok: true, payload: { amountCents: 36_000, txid: paymentTxid({ id: second, month }) } });
    expect(sheet.getRow(8).getCell(4).value).toEqual({ formula: 'SUMIFS(D6:D7,K6:K7,"<>Cancelado")', result: 3 });
    expect(sheet.getRow(8).getCell(7).value).toEqual({ formula: 'SUMIFS(G6:G7,K6:K7,"<>Cancelado")', result: 360 });

    // The cancelled payment's two records are listed under it and again under the payment that took them.
    const records = workbook.getWorksheet('Consultas')!;
    expect(records.rowCount).toBe(1 + 5 + 1);
    expect([2, 3, 4, 5, 6].map((n) => [records.getRow(n).getCell(2).value, records.getRow(n).getCell(9).value])).toEqual([
      [1, 'Cancelado'],
      [1, 'Cancelado'],
      [2, 'Pendente'],
      [2, 'Pendente'],
      [2, 'Pendente'],
    ]);
    expect(records.getRow(7).getCell(8).value).toEqual({ formula: 'SUMIFS(H2:H6,I2:I6,"<>Cancelado")', result: 360 });
  });

  it('writes the "Pagamentos" rows as CSV: BOM, ";", CRLF, decimal commas, São Paulo times, formula cells neutralised (exact bytes)', async () => {
    const month = '2025-09';
    const ana = await named(await doctor(), '=Dra. Ana "Teste"; Silva');
    const zelia = await named(await doctor(), 'Zélia Costa');
    await withPixKey(ana, 'phone', '+5511987654321');
    const p = await patientOf(ana.user, zelia.user);
    await billedCall(t.db, ana.user.id, p.user.id, at(month, 1), 30);
    await billedCall(t.db, ana.user.id, p.user.id, at(month, 2), 30);
    await billedCall(t.db, zelia.user.id, p.user.id, at(month, 3), 30);
    const closing = await close(month);
    const anaPayment = paymentOf(closing, ana);
    const zeliaPayment = paymentOf(closing, zelia);
    // Fixed instants so the bytes are known: paid on 02/10, received 03/10 13:07 UTC (10:07 in São Paulo).
    await t.db
      .updateTable('payments')
      .set({ status: 'received', paid_on: '2025-10-02', received_at: '2025-10-03T13:07:00.000Z' })
      .where('id', '=', zeliaPayment)
      .execute();

    const res = await get(`/api/closings/export?month=${month}&format=csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="fechamento-${month}.csv"; filename*=UTF-8''fechamento-${month}.csv`);
    const code = buildPixPayload({
      key: '+5511987654321',
      name: '=Dra. Ana "Teste"; Silva',
      city: 'SAO PAULO',
      amountCents: 24_000,
      txid: paymentTxid({ id: anaPayment, month }),
    });
    const expected =
      '\uFEFFMédico;CRM/UF;Fechamento;Consultas;Valor bruto;Parte da clínica;Líquido ao médico;Tipo de chave PIX;Chave PIX;PIX copia e cola;Situação;Pago em;Recebido em\r\n' +
      `"'=Dra. Ana ""Teste""; Silva";${await crmOf(ana)};1;2;300,00;60,00;240,00;Celular;'+55 (11) 98765-4321;${code};Pendente;;\r\n` +
      `Zélia Costa;${await crmOf(zelia)};1;1;150,00;30,00;120,00;Sem chave PIX;;;Recebido;02/10/2025;03/10/2025 10:07\r\n`;
    expect(res.rawPayload.toString('utf8')).toBe(expected);
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(parsePixPayload(code)).toMatchObject({ ok: true, payload: { amountCents: 24_000, keyType: 'phone' } });
  });

  it('streams "Consultas" a keyset page at a time and still lists every record of the closing, oldest first per payment', async () => {
    const month = '2025-08';
    const d = await named(await doctor(), 'Eva Martins');
    const p = await patientOf(d.user);
    const days = [9, 2, 7, 4, 5, 3, 8];
    for (const day of days) await billedCall(t.db, d.user.id, p.user.id, at(month, day), 30);
    // Two records at the same instant: the id breaks the tie, and neither is lost between pages.
    await billedCall(t.db, d.user.id, p.user.id, at(month, 5), 30);
    await close(month);
    const adminUser = await t.db.selectFrom('users').selectAll().where('role', '=', 'admin').executeTakeFirstOrThrow();
    const file = await exportClosing(t.db, t.config, { user: adminUser, ip: null } as never, { month, format: 'xlsx' }, 2);
    const chunks: Buffer[] = [];
    for await (const chunk of file.body) chunks.push(chunk as Buffer);
    const records = (await workbookOf(Buffer.concat(chunks))).getWorksheet('Consultas')!;
    expect(records.rowCount).toBe(1 + 8 + 1);
    const dates = Array.from({ length: 8 }, (_, i) => (records.getRow(i + 2).getCell(4).value as Date).getUTCDate());
    expect(dates).toEqual([2, 3, 4, 5, 5, 7, 8, 9]);
  });

  it('answers 404 with a plain message for a month not closed yet, 400 for a bad query', async () => {
    const res = await get('/api/closings/export?month=2024-02&format=xlsx');
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toEqual({ code: 'closing_not_found', message: 'Fevereiro de 2024 ainda não foi fechado: não há pagamentos para exportar.' });
    for (const query of ['', 'month=2024-02', 'format=xlsx', 'month=2024-13&format=xlsx', 'month=2024-02&format=pdf']) {
      expect((await get(`/api/closings/export?${query}`)).statusCode, query).toBe(400);
    }
    expect((await get('/api/closings/export?month=2024-02&format=pdf')).json().error.fields.format).toBe('Formato inválido (use xlsx ou csv).');
  });

  it("is the admin's alone: doctor and patient 403, anonymous 401", async () => {
    const month = '2025-07';
    const d = await doctor();
    const p = await patientOf(d.user);
    await billedCall(t.db, d.user.id, p.user.id, at(month, 4), 30);
    await close(month);
    for (const format of ['xlsx', 'csv']) {
      const url = `/api/closings/export?month=${month}&format=${format}`;
      expect((await get(url, d.cookie)).statusCode).toBe(403);
      expect((await get(url, p.cookie)).statusCode).toBe(403);
      expect((await t.request({ method: 'GET', url })).statusCode).toBe(401);
    }
  });

  it('answers no HEAD, which would audit an export whose rows never leave', async () => {
    const before = await t.db.selectFrom('audit_log').select('id').where('action', '=', 'closing.exported').execute();
    expect((await t.request({ method: 'HEAD', url: '/api/closings/export?month=2025-07&format=csv', cookie: await admin() })).statusCode).toBe(404);
    expect(await t.db.selectFrom('audit_log').select('id').where('action', '=', 'closing.exported').execute()).toHaveLength(before.length);
  });
});
