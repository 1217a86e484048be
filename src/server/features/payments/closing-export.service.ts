import type { ClosingExportQuery } from '#shared/schemas/payments.ts';
import type { Config } from '#server/config.ts';
import type { Db } from '#server/db/database.ts';
import { AppError } from '#server/errors.ts';
import type { Download } from '#server/lib/download.ts';
import { CSV_TYPE, XLSX_TYPE } from '#server/lib/spreadsheet.ts';
import { recordAudit } from '#server/core/audit.repository.ts';
import { pixReceiverOf } from './pix-receiver';
import type { Actor } from '#server/core/actor.ts';
import { type PaymentLine, type RecordPage, closingXlsx, monthLabel, paymentsCsv } from './closing-export-files';
import { type ExportPayment, type ExportRecordKey, listPaymentRecordsPage, listPaymentsOfMonthForExport } from './closing-export.repository';
import { paymentPixPayload } from './payment-pix';

/** Records read per query: big enough to be quick, small enough that SQLite's one connection is never held long. */
export const CLOSING_EXPORT_PAGE_SIZE = 1000;

/** Every record of every payment, in the payments' order, a keyset page of one payment at a time. */
async function* recordPages(db: Db, lines: readonly PaymentLine[], size: number): AsyncGenerator<RecordPage> {
  for (const line of lines) {
    let after: ExportRecordKey | undefined;
    for (;;) {
      const records = await listPaymentRecordsPage(db, line.payment.id, after, size);
      if (records.length > 0) yield { line, records };
      const last = records.at(-1);
      if (!last || records.length < size) break;
      after = { at: last.finished_at, id: last.id };
    }
  }
}

/**
 * The "PIX copia e cola" of a payment in the file: the same code the payment's screen shows (its
 * snapshot key and name, the doctor's city, the net amount, the payment's txid). None for a
 * cancelled payment (it must not be paid) or one without a usable key.
 */
function lineOf(p: ExportPayment, config: Pick<Config, 'clinic'>): PaymentLine {
  if (p.status === 'cancelled') return { payment: p, pixPayload: null };
  const receiver = pixReceiverOf({ name: p.doctor_name, pixKey: p.pix_key, city: p.doctor_city }, config);
  return { payment: p, pixPayload: paymentPixPayload({ id: p.id, month: p.month, netCents: p.net_cents }, receiver) };
}

/**
 * The monthly closing as a file: every payment of the month across its closings (cancelled ones
 * included, with their status), and in .xlsx also every billing record they hold. A month with no
 * closing is a 404 with a plain message rather than an empty file: there is nothing to pay yet.
 * Financial data and PIX keys leaving the system: audited (who, month, format, how many rows)
 * before the first byte goes.
 */
export async function exportClosing(
  db: Db,
  config: Pick<Config, 'clinic'>,
  actor: Actor,
  q: ClosingExportQuery,
  pageSize = CLOSING_EXPORT_PAGE_SIZE,
): Promise<Download> {
  const payments = await listPaymentsOfMonthForExport(db, q.month);
  if (payments.length === 0) {
    throw new AppError('closing_not_found', 404, `${monthLabel(q.month)} ainda não foi fechado: não há pagamentos para exportar.`);
  }
  const lines = payments.map((p) => lineOf(p, config));
  const records = payments.reduce((n, p) => n + p.consultations, 0);
  await recordAudit(db, {
    actorId: actor.user.id,
    action: 'closing.exported',
    entityType: 'closing',
    entityId: null,
    details: {
      month: q.month,
      format: q.format,
      closings: new Set(payments.map((p) => p.closing_id)).size,
      payments: payments.length,
      records: q.format === 'xlsx' ? records : 0,
    },
    ip: actor.ip,
  });
  const fileName = `fechamento-${q.month}.${q.format}`;
  if (q.format === 'csv') return { fileName, contentType: CSV_TYPE, body: paymentsCsv(lines) };
  const head = { clinicName: config.clinic.name, month: q.month, generatedAt: new Date(), generatedBy: actor.user.name };
  return { fileName, contentType: XLSX_TYPE, body: closingXlsx(head, lines, recordPages(db, lines, pageSize)) };
}
