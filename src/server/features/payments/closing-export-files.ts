import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { formatCrm } from '#shared/domain/crm.ts';
import { formatBRL } from '#shared/domain/money.ts';
import { PIX_KEY_TYPE_LABELS, formatPixKey } from '#shared/domain/pix.ts';
import type { PaymentStatus } from '#shared/schemas/payments.ts';
import {
  BRL_FORMAT,
  CSV_BOM,
  DATE_FORMAT,
  DATE_TIME_FORMAT,
  clinicWallClock,
  columnLetter,
  csvDate,
  csvDateTime,
  csvLine,
  csvText,
  dayDate,
  decimalComma,
  roomIn,
  xlsxStream,
} from '#server/lib/spreadsheet.ts';
import type { ExportPayment, ExportRecord } from './closing-export.repository';

/*
 * The monthly closing as files: "fechamento-AAAA-MM.xlsx" with a sheet "Pagamentos" (one row per
 * payment of the month, what to pay and to which PIX key, totals) and a sheet "Consultas" (every
 * billing record those payments hold), and the "Pagamentos" rows alone as CSV.
 */

/** What each payment status is called in the files. */
export const PAYMENT_STATUS_LABELS: Readonly<Record<PaymentStatus, string>> = {
  pending: 'Pendente',
  paid: 'Pago',
  received: 'Recebido',
  disputed: 'Contestado',
  cancelled: 'Cancelado',
};

const KIND_LABELS: Readonly<Record<ExportRecord['kind'], string>> = { video: 'Vídeo', in_person: 'Presencial', phone: 'Telefone' };

/** Fill and text colours of the status cell: yellow waits, blue is on its way, green is done, red needs the admin, grey is gone. */
const STATUS_COLOURS: Readonly<Record<PaymentStatus, { fill: string; font: string }>> = {
  pending: { fill: 'FFFFF2CC', font: 'FF7F6000' },
  paid: { fill: 'FFDDEBF7', font: 'FF1F4E78' },
  received: { fill: 'FFC6EFCE', font: 'FF006100' },
  disputed: { fill: 'FFFFC7CE', font: 'FF9C0006' },
  cancelled: { fill: 'FFE7E6E6', font: 'FF595959' },
};

/** The label of the totals rows: a cancelled payment's records went back to open, and may be in a later payment. */
export const TOTALS_LABEL = 'Total (sem cancelados)';

const LONG_MONTH = new Intl.DateTimeFormat('pt-BR', { timeZone: 'UTC', month: 'long', year: 'numeric' });

/** "2026-11" → "Novembro de 2026". */
export function monthLabel(month: string): string {
  const text = LONG_MONTH.format(new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1)));
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A payment as the files show it: the row and its "PIX copia e cola" (null: none to show). */
export type PaymentLine = { payment: ExportPayment; pixPayload: string | null };

/** Who the file is for and from: the title rows of "Pagamentos". */
export type ClosingHead = { clinicName: string; month: string; generatedAt: Date; generatedBy: string };

/** The records of one payment, a page at a time, in the order of the payments. */
export type RecordPage = { line: PaymentLine; records: ExportRecord[] };

type Cell = string | number | Date | null;

type PaymentColumn = {
  header: string;
  /** Narrowest and widest the column may be, in characters; it fits its longest text in between. */
  min: number;
  max: number;
  numFmt?: string;
  /** Summed on the totals row (cents for money, a plain count otherwise). */
  total?: (p: ExportPayment) => number;
  money?: boolean;
  xlsx: (l: PaymentLine) => Cell;
  csv: (l: PaymentLine) => string;
  /** The text a reader sees, for the width; the CSV text when absent. */
  shown?: (l: PaymentLine) => string;
};

const keyType = (p: ExportPayment) => (p.pix_key_type && p.pix_key ? PIX_KEY_TYPE_LABELS[p.pix_key_type] : 'Sem chave PIX');
const keyText = (p: ExportPayment) => (p.pix_key_type && p.pix_key ? formatPixKey(p.pix_key_type, p.pix_key) : '');

/** An amount: "1234,56" in CSV, a number of reais in the `R$` format in .xlsx. */
function money(header: string, cents: (p: ExportPayment) => number): PaymentColumn {
  return {
    header,
    min: 14,
    max: 20,
    numFmt: BRL_FORMAT,
    total: cents,
    money: true,
    xlsx: (l) => cents(l.payment) / 100,
    csv: (l) => decimalComma(cents(l.payment)),
    shown: (l) => formatBRL(cents(l.payment)),
  };
}

const PAYMENT_COLUMNS: readonly PaymentColumn[] = [
  { header: 'Médico', min: 20, max: 45, xlsx: (l) => l.payment.doctor_name, csv: (l) => csvText(l.payment.doctor_name), shown: (l) => l.payment.doctor_name },
  {
    header: 'CRM/UF',
    min: 12,
    max: 20,
    xlsx: (l) => formatCrm(l.payment.crm_number, l.payment.crm_uf),
    csv: (l) => csvText(formatCrm(l.payment.crm_number, l.payment.crm_uf)),
  },
  { header: 'Fechamento', min: 11, max: 12, numFmt: '0', xlsx: (l) => l.payment.closing_seq, csv: (l) => String(l.payment.closing_seq) },
  {
    header: 'Consultas',
    min: 10,
    max: 12,
    numFmt: '#,##0',
    total: (p) => p.consultations,
    xlsx: (l) => l.payment.consultations,
    csv: (l) => String(l.payment.consultations),
  },
  money('Valor bruto', (p) => p.gross_cents),
  money('Parte da clínica', (p) => p.clinic_cents),
  money('Líquido ao médico', (p) => p.net_cents),
  { header: 'Tipo de chave PIX', min: 12, max: 18, xlsx: (l) => keyType(l.payment), csv: (l) => keyType(l.payment) },
  { header: 'Chave PIX', min: 14, max: 45, xlsx: (l) => keyText(l.payment) || null, csv: (l) => csvText(keyText(l.payment)), shown: (l) => keyText(l.payment) },
  { header: 'PIX copia e cola', min: 18, max: 60, xlsx: (l) => l.pixPayload, csv: (l) => csvText(l.pixPayload), shown: (l) => l.pixPayload ?? '' },
  { header: 'Situação', min: 11, max: 12, xlsx: (l) => PAYMENT_STATUS_LABELS[l.payment.status], csv: (l) => PAYMENT_STATUS_LABELS[l.payment.status] },
  {
    header: 'Pago em',
    min: 11,
    max: 12,
    numFmt: DATE_FORMAT,
    xlsx: (l) => (l.payment.paid_on ? dayDate(l.payment.paid_on) : null),
    csv: (l) => (l.payment.paid_on ? csvDate(l.payment.paid_on) : ''),
  },
  {
    header: 'Recebido em',
    min: 17,
    max: 17,
    numFmt: DATE_TIME_FORMAT,
    xlsx: (l) => (l.payment.received_at ? clinicWallClock(l.payment.received_at) : null),
    csv: (l) => (l.payment.received_at ? csvDateTime(l.payment.received_at) : ''),
  },
];

const STATUS_INDEX = PAYMENT_COLUMNS.findIndex((c) => c.header === 'Situação');

/** The "Pagamentos" rows as CSV: a header line and one line per payment (no title rows, no totals: for other programs). */
export function paymentsCsv(lines: readonly PaymentLine[]): Readable {
  let text = CSV_BOM + csvLine(PAYMENT_COLUMNS.map((c) => c.header));
  for (const l of lines) text += csvLine(PAYMENT_COLUMNS.map((c) => c.csv(l)));
  return Readable.from([text], { objectMode: false });
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E78' } };
const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFFFFFFF' } };
const TOTALS_BORDER: Partial<ExcelJS.Borders> = { top: { style: 'thin', color: { argb: 'FF1F4E78' } } };

/** The header row's look: white bold text on dark blue, wrapped, the same on both sheets. */
function styleHeader(row: ExcelJS.Row, count: number): void {
  for (let i = 1; i <= count; i += 1) {
    const cell = row.getCell(i);
    cell.fill = HEADER_FILL;
    cell.font = HEADER_FONT;
    cell.numFmt = 'General';
    cell.alignment = { vertical: 'middle', wrapText: true };
  }
  row.height = 20;
}

/** A SUMIFS over `column`'s rows from `first` to `last` that leaves out the cancelled payments (status in `statusColumn`). */
function sumOfValid(column: string, statusColumn: string, first: number, last: number): string {
  return `SUMIFS(${column}${first}:${column}${last},${statusColumn}${first}:${statusColumn}${last},"<>${PAYMENT_STATUS_LABELS.cancelled}")`;
}

/** Writes "Pagamentos": title rows, a styled header, one row per payment, totals. */
function writePayments(workbook: ExcelJS.stream.xlsx.WorkbookWriter, head: ClosingHead, lines: readonly PaymentLine[]): void {
  const headerRow = 5;
  const first = headerRow + 1;
  const last = headerRow + lines.length;
  const sheet = workbook.addWorksheet('Pagamentos', { views: [{ state: 'frozen', xSplit: 1, ySplit: headerRow, topLeftCell: `B${first}` }] });
  sheet.columns = PAYMENT_COLUMNS.map((c) => {
    const longest = Math.max(c.header.length, ...lines.map((l) => (c.shown ?? c.csv)(l).length));
    return { width: Math.min(c.max, Math.max(c.min, longest + 2)), ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}) };
  });
  const title = (text: string, font: Partial<ExcelJS.Font>) => {
    const row = sheet.addRow([text]);
    row.getCell(1).font = font;
    row.getCell(1).numFmt = 'General';
    row.commit();
  };
  title(head.clinicName, { bold: true, size: 14 });
  title(`Fechamento de ${monthLabel(head.month)}`, { bold: true, size: 12 });
  title(`Gerado em ${csvDateTime(head.generatedAt)} (horário de São Paulo) por ${head.generatedBy}`, { italic: true, color: { argb: 'FF595959' } });
  sheet.addRow([]).commit();

  const header = sheet.addRow(PAYMENT_COLUMNS.map((c) => c.header));
  styleHeader(header, PAYMENT_COLUMNS.length);
  header.commit();

  for (const l of lines) {
    const row = sheet.addRow(PAYMENT_COLUMNS.map((c) => c.xlsx(l)));
    const status = row.getCell(STATUS_INDEX + 1);
    const colours = STATUS_COLOURS[l.payment.status];
    status.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: colours.fill } };
    status.font = { bold: true, color: { argb: colours.font } };
    row.commit();
  }

  if (lines.length > 0) sheet.autoFilter = `A${headerRow}:${columnLetter(PAYMENT_COLUMNS.length - 1)}${last}`;
  const valid = lines.filter((l) => l.payment.status !== 'cancelled');
  const statusColumn = columnLetter(STATUS_INDEX);
  const totals = sheet.addRow(
    PAYMENT_COLUMNS.map((c, i) => {
      if (i === 0) return TOTALS_LABEL;
      if (!c.total) return null;
      const sum = valid.reduce((s, l) => s + c.total!(l.payment), 0);
      const result = c.money ? sum / 100 : sum;
      return lines.length === 0 ? result : { formula: sumOfValid(columnLetter(i), statusColumn, first, last), result };
    }),
  );
  totals.font = { bold: true };
  totals.getCell(1).numFmt = 'General';
  for (let i = 1; i <= PAYMENT_COLUMNS.length; i += 1) totals.getCell(i).border = TOTALS_BORDER;
  totals.commit();
  sheet.commit();
}

type RecordColumn = { header: string; width: number; numFmt?: string; cents?: (r: ExportRecord) => number; xlsx: (r: ExportRecord, l: PaymentLine) => Cell };

const RECORD_COLUMNS: readonly RecordColumn[] = [
  { header: 'Médico', width: 32, xlsx: (_, l) => l.payment.doctor_name },
  { header: 'Fechamento', width: 11, numFmt: '0', xlsx: (_, l) => l.payment.closing_seq },
  { header: 'Paciente', width: 32, xlsx: (r) => r.patient_name },
  { header: 'Data', width: 17, numFmt: DATE_TIME_FORMAT, xlsx: (r) => clinicWallClock(r.finished_at) },
  { header: 'Tipo', width: 11, xlsx: (r) => KIND_LABELS[r.kind] },
  { header: 'Valor', width: 14, numFmt: BRL_FORMAT, cents: (r) => r.price_cents, xlsx: (r) => r.price_cents / 100 },
  { header: 'Parte da clínica', width: 16, numFmt: BRL_FORMAT, cents: (r) => r.clinic_cents, xlsx: (r) => r.clinic_cents / 100 },
  { header: 'Parte do médico', width: 16, numFmt: BRL_FORMAT, cents: (r) => r.doctor_cents, xlsx: (r) => r.doctor_cents / 100 },
  { header: 'Situação do pagamento', width: 14, xlsx: (_, l) => PAYMENT_STATUS_LABELS[l.payment.status] },
];

/**
 * One style object per column, shared by every row: exceljs remembers the style of an object it
 * has seen, where a style of its own per cell is worked out again each time (a tenth of the time
 * of a million rows).
 */
const RECORD_STYLES: readonly Partial<ExcelJS.Style>[] = RECORD_COLUMNS.map((c) => (c.numFmt ? { numFmt: c.numFmt } : {}));

/** Writes "Consultas" page by page (one page in memory at a time): header, a row per record, totals. */
async function writeRecords(workbook: ExcelJS.stream.xlsx.WorkbookWriter, out: Parameters<typeof roomIn>[0], pages: AsyncIterable<RecordPage>): Promise<void> {
  const sheet = workbook.addWorksheet('Consultas', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = RECORD_COLUMNS.map((c) => ({ width: c.width, ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}) }));
  const header = sheet.addRow(RECORD_COLUMNS.map((c) => c.header));
  styleHeader(header, RECORD_COLUMNS.length);
  header.commit();
  let count = 0;
  const sums = RECORD_COLUMNS.map(() => 0);
  for await (const { line, records } of pages) {
    if (out.destroyed) return;
    const valid = line.payment.status !== 'cancelled';
    for (const r of records) {
      const row = sheet.addRow(RECORD_COLUMNS.map((c) => c.xlsx(r, line)));
      for (let i = 0; i < RECORD_STYLES.length; i += 1) row.getCell(i + 1).style = RECORD_STYLES[i]!;
      row.commit();
      if (valid) RECORD_COLUMNS.forEach((c, i) => c.cents && (sums[i]! += c.cents(r)));
    }
    count += records.length;
    await roomIn(out, sheet);
  }
  const last = count + 1;
  const lastColumn = columnLetter(RECORD_COLUMNS.length - 1);
  if (count > 0) sheet.autoFilter = `A1:${lastColumn}${last}`;
  const totals = sheet.addRow(
    RECORD_COLUMNS.map((c, i) => {
      if (i === 0) return TOTALS_LABEL;
      if (!c.cents) return null;
      const result = sums[i]! / 100;
      return count === 0 ? result : { formula: sumOfValid(columnLetter(i), lastColumn, 2, last), result };
    }),
  );
  totals.font = { bold: true };
  totals.getCell(1).numFmt = 'General';
  totals.commit();
  sheet.commit();
}

/**
 * "fechamento-AAAA-MM.xlsx": "Pagamentos" (written whole, it is a row per payment) then
 * "Consultas", streamed from `pages`, both through the streaming writer into the returned stream.
 */
export function closingXlsx(head: ClosingHead, lines: readonly PaymentLine[], pages: AsyncIterable<RecordPage>): Readable {
  return xlsxStream(async ({ workbook, out }) => {
    writePayments(workbook, head, lines);
    await writeRecords(workbook, out, pages);
  });
}
