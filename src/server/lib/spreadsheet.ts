import { EventEmitter } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { CLINIC_TIME_ZONE } from '#shared/domain/clinic-month.ts';
import { holdExportMemory } from './export-gc';

/*
 * Building blocks of the spreadsheets the server hands out (the billing list, the monthly closing):
 * files a Brazilian spreadsheet opens as they are. CSV in UTF-8 with a BOM, `;` between cells,
 * CRLF, decimal commas (Excel pt-BR reads "1234,56" as a number and sums it); .xlsx through
 * exceljs's streaming writer, with real numbers, dates and an `R$` number format, written as rows
 * come so a file of a million rows holds one page of them in memory at a time.
 */

/** Excel's and LibreOffice's own "R$" currency format (the quotes keep the letters literal). */
export const BRL_FORMAT = '"R$" #,##0.00';
export const DATE_TIME_FORMAT = 'dd/mm/yyyy hh:mm';
export const DATE_FORMAT = 'dd/mm/yyyy';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_TYPE = 'text/csv; charset=utf-8';

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
export function clinicWallClock(iso: string | Date): Date {
  const ms = typeof iso === 'string' ? Date.parse(iso) : iso.getTime();
  return new Date(ms + clinicOffsetAt(ms));
}

const two = (n: number) => String(n).padStart(2, '0');

/** "2026-11-05T13:07:00Z" → "05/11/2026 10:07" (São Paulo). */
export function csvDateTime(iso: string | Date): string {
  const d = clinicWallClock(iso);
  return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

/** A calendar day "2026-11-05" → "05/11/2026". */
export function csvDate(day: string): string {
  return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
}

/** A calendar day "2026-11-05" as the date a spreadsheet shows (midnight, no zone). */
export function dayDate(day: string): Date {
  return new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))));
}

/** 123456 centavos → "1234,56": a plain number with a decimal comma, no "R$", no thousands dots. */
export function decimalComma(cents: number): string {
  const abs = Math.abs(cents);
  return `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)},${two(abs % 100)}`;
}

/**
 * Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading
 * apostrophe: names and notes are typed by people (OWASP "CSV injection").
 */
export function neutralised(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One CSV cell: quoted when it holds a `;`, a quote or a line break (quotes doubled). */
export function csvCell(text: string): string {
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Text typed by people as a CSV cell: neutralised, then quoted if it needs to be. */
export function csvText(text: string | null | undefined): string {
  return csvCell(neutralised(text ?? ''));
}

export const CSV_BOM = '\uFEFF';
export const CSV_EOL = '\r\n';

/** One CSV line of cells already written as CSV ({@link csvCell}, {@link decimalComma}…). */
export function csvLine(cells: readonly string[]): string {
  return cells.join(';') + CSV_EOL;
}

/** 0 → "A", 25 → "Z", 26 → "AA": a column's letters in a cell reference. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** Resolves on the first of `events` from `emitter`, or after `ms` (a missed event never stalls the export). */
function firstOf(emitter: EventEmitter, events: string[], ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      for (const e of events) emitter.off(e, done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    for (const e of events) emitter.once(e, done);
  });
}

type Buffered = EventEmitter & { _writableState?: { length?: number } };
type SheetStream = { pipes?: unknown; buffers?: unknown; bufSize?: unknown };

const BACKLOG_BYTES = 1024 * 1024;

/**
 * How much of a sheet's XML is waiting on its way into the zip, in bytes. exceljs writes a
 * sheet's rows into a buffer stream without waiting; once the zip reaches the sheet that buffer
 * is piped into the zip's deflate, which queues what it cannot take yet; before (a second sheet
 * waits for the first), the buffer just grows. Either way the XML piles up when the writer runs
 * ahead: tens of MB per 100,000 rows. Read through exceljs 4.4 internals (the version is pinned);
 * 0 if they change, and then only the response stream is watched.
 */
function sheetBacklog(sheet: ExcelJS.Worksheet): { bytes: number; zip: Buffered | undefined } {
  const stream = (sheet as unknown as { stream?: SheetStream }).stream;
  const pipes = stream?.pipes;
  const zip: unknown = Array.isArray(pipes) ? pipes[0] : undefined;
  if (zip instanceof EventEmitter && typeof (zip as Buffered)._writableState?.length === 'number') {
    return { bytes: (zip as Buffered)._writableState!.length!, zip: zip as Buffered };
  }
  const chunks = Array.isArray(stream?.buffers) ? stream.buffers.length : 0;
  return { bytes: chunks * (typeof stream?.bufSize === 'number' ? stream.bufSize : 0), zip: undefined };
}

/**
 * Waits until the zip has caught up with what was written into `sheet` and `out` can take more
 * (or is gone), so a slow deflate or a slow reader slows the writer instead of filling memory.
 * Call it after each page of rows.
 */
export async function roomIn(out: PassThrough, sheet: ExcelJS.Worksheet): Promise<void> {
  // Let the zip move what was just written before looking.
  await new Promise((resolve) => setImmediate(resolve));
  for (;;) {
    if (out.destroyed) return;
    if (out.writableNeedDrain) {
      await firstOf(out, ['drain', 'close'], 100);
      continue;
    }
    const backlog = sheetBacklog(sheet);
    if (backlog.bytes <= BACKLOG_BYTES) return;
    if (backlog.zip) await firstOf(backlog.zip, ['drain'], 10);
    else await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** What the body of an .xlsx is written with: the workbook and the stream it goes out through. */
export type XlsxWriting = { workbook: ExcelJS.stream.xlsx.WorkbookWriter; out: PassThrough };

/**
 * An .xlsx written by `write` through exceljs's streaming writer (styles on, no shared strings
 * table: each row is written and forgotten), as a stream to send. `write` adds and commits its
 * sheets, calling {@link roomIn} between pages; the workbook is committed after it. A failure
 * destroys the stream, which cuts the download short rather than sending a broken file as whole.
 */
export function xlsxStream(write: (w: XlsxWriting) => Promise<void>): Readable {
  const out = new PassThrough({ highWaterMark: 256 * 1024 });
  const run = async () => {
    const release = holdExportMemory();
    try {
      // Loaded with the first export rather than at start, and only the writer: all of exceljs is
      // ~20 MB of a server's memory, its streaming writer ~15 (exceljs-workbook-writer.d.ts).
      const { default: WorkbookWriter } = await import('exceljs/lib/stream/xlsx/workbook-writer.js');
      const workbook = new WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
      workbook.creator = 'MedConnect';
      await write({ workbook, out });
      if (out.destroyed) return;
      await workbook.commit();
    } finally {
      release();
    }
  };
  run().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}
