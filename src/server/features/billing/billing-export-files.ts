import { Readable } from 'node:stream';
import type { BillingStatus } from '#server/db/types.ts';
import {
  BRL_FORMAT,
  CSV_BOM,
  DATE_TIME_FORMAT,
  clinicWallClock,
  columnLetter,
  csvCell,
  csvDateTime,
  csvLine,
  csvText,
  decimalComma,
  roomIn,
  xlsxStream,
} from '#server/lib/spreadsheet.ts';
import type { BillingExportRow } from './billing.repository';

/*
 * The billing list as files a Brazilian spreadsheet opens as they are (the pieces are in
 * lib/spreadsheet): CSV with a BOM, `;`, CRLF and decimal commas; .xlsx with real numbers, dates
 * and an `R$` number format. Both are written as the rows come, page by page, so an export of a
 * million records holds one page in memory at a time.
 */

const STATUS: Readonly<Record<BillingStatus, string>> = { billed: 'Faturada', under_review: 'Em análise', rejected: 'Recusada', voided: 'Anulada' };
const KIND: Readonly<Record<BillingExportRow['kind'], string>> = { video: 'Vídeo', in_person: 'Presencial', phone: 'Telefone' };

const MONTH_FORMAT = 'mm/yyyy';
const DURATION_FORMAT = '[h]:mm:ss';

const two = (n: number) => String(n).padStart(2, '0');

/** 1805 s → "0:30:05"; a consultation without a measured duration → "". */
export function clockDuration(seconds: number | null): string {
  if (seconds === null) return '';
  return `${Math.floor(seconds / 3600)}:${two(Math.floor((seconds % 3600) / 60))}:${two(seconds % 60)}`;
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
  { key: 'doctor', header: 'Médico', width: 28, csv: (r) => csvText(r.doctor_name), xlsx: (r) => r.doctor_name },
  { key: 'patient', header: 'Paciente', width: 28, csv: (r) => csvText(r.patient_name), xlsx: (r) => r.patient_name },
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
  { key: 'note', header: 'Observação', width: 40, csv: (r) => csvText(r.note), xlsx: (r) => r.note },
];

/** The columns of an export; a doctor's own leaves out "Médico" (it is always them). */
export function exportColumns(own: boolean): readonly ExportColumn[] {
  return own ? COLUMNS.filter((c) => c.key !== 'doctor') : COLUMNS;
}

/** The export as CSV, one chunk per page of rows; the stream pulls the next page only when the reader wants more. */
export function csvStream(pages: AsyncIterable<BillingExportRow[]>, columns: readonly ExportColumn[]): Readable {
  async function* chunks() {
    yield CSV_BOM + csvLine(columns.map((c) => csvCell(c.header)));
    for await (const rows of pages) {
      let chunk = '';
      for (const r of rows) chunk += csvLine(columns.map((c) => c.csv(r)));
      yield chunk;
    }
  }
  return Readable.from(chunks(), { objectMode: false });
}

/**
 * The export as .xlsx through exceljs's streaming writer (rows committed as they are written, no
 * shared strings table): a bold, frozen header with autofilter, column widths, amounts as numbers
 * in `R$`, dates as dates, and a last row totalling the billed records. Text goes in as text
 * cells, which a spreadsheet never runs as a formula.
 */
export function billingXlsxStream(pages: AsyncIterable<BillingExportRow[]>, columns: readonly ExportColumn[]): Readable {
  return xlsxStream(async ({ workbook, out }) => {
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
      await roomIn(out, sheet);
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
  });
}
