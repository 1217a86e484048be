import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { CLINIC_TIME_ZONE } from '../../../shared/domain/clinic-month';
import type { BillingStatus } from '../../db/types';
import type { BillingExportRow } from './billing.repository';

/*
 * The billing export as files a Brazilian spreadsheet opens as it is: CSV in UTF-8 with a BOM,
 * `;` between cells, CRLF, decimal commas (Excel pt-BR reads "1234,56" as a number and sums it),
 * and .xlsx with real numbers, dates and an `R$` number format. Both are written as the rows come,
 * page by page, so an export of a million records holds one page in memory at a time.
 */

const STATUS: Readonly<Record<BillingStatus, string>> = { billed: 'Faturada', under_review: 'Em análise', rejected: 'Recusada', voided: 'Anulada' };
const KIND: Readonly<Record<BillingExportRow['kind'], string>> = { video: 'Vídeo', in_person: 'Presencial', phone: 'Telefone' };

/** Excel's and LibreOffice's own "R$" currency format (the quotes keep the letters literal). */
export const BRL_FORMAT = '"R$" #,##0.00';
const DATE_TIME_FORMAT = 'dd/mm/yyyy hh:mm';
const MONTH_FORMAT = 'mm/yyyy';
const DURATION_FORMAT = '[h]:mm:ss';
const HOUR_MS = 3_600_000;

const wallParts = new Intl.DateTimeFormat('en-US', {
  timeZone: CLINIC_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});
const offsets = new Map<number, number>();

/**
 * São Paulo's offset from UTC at an instant, in ms. It only ever changes on a whole UTC hour, so
 * it is worked out once per hour (Intl is slow for a million rows) and remembered.
 */
function clinicOffsetAt(ms: number): number {
  const hour = Math.floor(ms / HOUR_MS);
  let offset = offsets.get(hour);
  if (offset === undefined) {
    const p = Object.fromEntries(wallParts.formatToParts(new Date(hour * HOUR_MS)).map((x) => [x.type, Number(x.value)]));
    offset = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - hour * HOUR_MS;
    if (offsets.size > 200_000) offsets.clear();
    offsets.set(hour, offset);
  }
  return offset;
}

/** A Date whose UTC fields read the São Paulo wall clock at `iso` (what a spreadsheet shows as the time). */
export function clinicWallClock(iso: string): Date {
  const ms = Date.parse(iso);
  return new Date(ms + clinicOffsetAt(ms));
}

const two = (n: number) => String(n).padStart(2, '0');

/** "2026-11-05T13:07:00Z" → "05/11/2026 10:07" (São Paulo). */
export function csvDateTime(iso: string): string {
  const d = clinicWallClock(iso);
  return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

/** 123456 centavos → "1234,56": a plain number with a decimal comma, no "R$", no thousands dots. */
export function decimalComma(cents: number): string {
  const abs = Math.abs(cents);
  return `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)},${two(abs % 100)}`;
}

/** 1805 s → "0:30:05"; a consultation without a measured duration → "". */
export function clockDuration(seconds: number | null): string {
  if (seconds === null) return '';
  return `${Math.floor(seconds / 3600)}:${two(Math.floor((seconds % 3600) / 60))}:${two(seconds % 60)}`;
}

/**
 * Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading
 * apostrophe: patient names and notes are typed by people (OWASP "CSV injection").
 */
export function neutralised(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One CSV cell: quoted when it holds a `;`, a quote or a line break (quotes doubled). */
export function csvCell(text: string): string {
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

type Cell = string | number | Date | null;

/** One column of the export: its header, how CSV and .xlsx write it, its width and number format. */
export type ExportColumn = {
  key: string;
  header: string;
  width: number;
  numFmt?: string;
  /** Money columns: the amount in centavos (and a total of the billed records under them). */
  cents?: (r: BillingExportRow) => number;
  csv: (r: BillingExportRow) => string;
  xlsx: (r: BillingExportRow) => Cell;
};

const text = (s: string | null) => s ?? '';

/** An amount: "1234,56" in CSV, a number of reais in the `R$` format in .xlsx. */
function money(key: string, header: string, width: number, cents: (r: BillingExportRow) => number): ExportColumn {
  return { key, header, width, numFmt: BRL_FORMAT, cents, csv: (r) => decimalComma(cents(r)), xlsx: (r) => cents(r) / 100 };
}

const COLUMNS: readonly ExportColumn[] = [
  { key: 'date', header: 'Data', width: 17, numFmt: DATE_TIME_FORMAT, csv: (r) => csvDateTime(r.finished_at), xlsx: (r) => clinicWallClock(r.finished_at) },
  {
    key: 'month',
    header: 'Mês',
    width: 9,
    numFmt: MONTH_FORMAT,
    csv: (r) => `${r.month.slice(5, 7)}/${r.month.slice(0, 4)}`,
    xlsx: (r) => new Date(Date.UTC(Number(r.month.slice(0, 4)), Number(r.month.slice(5, 7)) - 1, 1)),
  },
  { key: 'doctor', header: 'Médico', width: 28, csv: (r) => csvCell(neutralised(r.doctor_name)), xlsx: (r) => r.doctor_name },
  { key: 'patient', header: 'Paciente', width: 28, csv: (r) => csvCell(neutralised(r.patient_name)), xlsx: (r) => r.patient_name },
  { key: 'kind', header: 'Tipo', width: 11, csv: (r) => KIND[r.kind], xlsx: (r) => KIND[r.kind] },
  {
    key: 'duration',
    header: 'Duração',
    width: 10,
    numFmt: DURATION_FORMAT,
    csv: (r) => clockDuration(r.duration_seconds),
    xlsx: (r) => (r.duration_seconds === null ? null : r.duration_seconds / 86_400),
  },
  money('price', 'Valor', 14, (r) => r.price_cents),
  money('clinic', 'Parte da clínica', 16, (r) => r.clinic_cents),
  money('doctorShare', 'Parte do médico', 16, (r) => r.doctor_cents),
  { key: 'status', header: 'Situação', width: 12, csv: (r) => STATUS[r.status], xlsx: (r) => STATUS[r.status] },
  { key: 'note', header: 'Observação', width: 40, csv: (r) => csvCell(neutralised(text(r.note))), xlsx: (r) => r.note },
];

/** The columns of an export; a doctor's own leaves out "Médico" (it is always them). */
export function exportColumns(own: boolean): readonly ExportColumn[] {
  return own ? COLUMNS.filter((c) => c.key !== 'doctor') : COLUMNS;
}

const BOM = '\uFEFF';
const CRLF = '\r\n';

/** The export as CSV, one chunk per page of rows; the stream pulls the next page only when the reader wants more. */
export function csvStream(pages: AsyncIterable<BillingExportRow[]>, columns: readonly ExportColumn[]): Readable {
  async function* chunks() {
    yield BOM + columns.map((c) => csvCell(c.header)).join(';') + CRLF;
    for await (const rows of pages) {
      let chunk = '';
      for (const r of rows) chunk += columns.map((c) => c.csv(r)).join(';') + CRLF;
      yield chunk;
    }
  }
  return Readable.from(chunks(), { objectMode: false });
}

/** Resolves when `out` can take more (or is gone), so a slow reader slows the writer instead of filling memory. */
async function roomIn(out: PassThrough): Promise<void> {
  // Let the zip move what was just written into `out` before looking.
  await new Promise((resolve) => setImmediate(resolve));
  while (out.writableNeedDrain && !out.destroyed) {
    await new Promise<void>((resolve) => {
      const done = () => {
        out.off('drain', done);
        out.off('close', done);
        resolve();
      };
      out.on('drain', done);
      out.on('close', done);
    });
  }
}

const columnLetter = (index: number) => String.fromCharCode(65 + index);

/**
 * The export as .xlsx through exceljs's streaming writer (rows committed as they are written, no
 * shared strings table): a bold, frozen header with autofilter, column widths, amounts as numbers
 * in `R$`, dates as dates, and a last row totalling the billed records. Text goes in as text
 * cells, which a spreadsheet never runs as a formula.
 */
export function xlsxStream(pages: AsyncIterable<BillingExportRow[]>, columns: readonly ExportColumn[]): Readable {
  const out = new PassThrough({ highWaterMark: 256 * 1024 });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'MedConnect';
  const write = async () => {
    const sheet = workbook.addWorksheet('Faturamento', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = columns.map((c) => ({ key: c.key, width: c.width, ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}) }));
    const header = sheet.addRow(columns.map((c) => c.header));
    header.font = { bold: true };
    header.numFmt = 'General';
    header.commit();
    let count = 0;
    // The billed totals, so the formulas carry their value for readers that do not recalculate.
    const billed = new Map<string, number>();
    for await (const rows of pages) {
      if (out.destroyed) return;
      for (const r of rows) {
        sheet.addRow(columns.map((c) => c.xlsx(r))).commit();
        if (r.status === 'billed') for (const c of columns) if (c.cents) billed.set(c.key, (billed.get(c.key) ?? 0) + c.cents(r));
      }
      count += rows.length;
      await roomIn(out);
    }
    const last = count + 1;
    if (count > 0) sheet.autoFilter = `A1:${columnLetter(columns.length - 1)}${last}`;
    const status = columnLetter(columns.findIndex((c) => c.key === 'status'));
    const totals = sheet.addRow(
      columns.map((c, i) => {
        if (i === 0) return 'Total faturado';
        if (!c.cents) return null;
        if (count === 0) return 0;
        const col = columnLetter(i);
        return { formula: `SUMIFS(${col}2:${col}${last},${status}2:${status}${last},"${STATUS.billed}")`, result: (billed.get(c.key) ?? 0) / 100 };
      }),
    );
    totals.font = { bold: true };
    totals.getCell(1).numFmt = 'General';
    totals.commit();
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}
