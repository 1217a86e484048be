import type { BillingExportQuery } from '#shared/schemas/billing.ts';
import type { Db } from '#server/db/database.ts';
import { recordAudit } from '#server/core/audit.repository.ts';
import type { Actor } from '#server/core/actor.ts';
import { CSV_TYPE, XLSX_TYPE } from '#server/lib/spreadsheet.ts';
import type { Download } from '#server/lib/download.ts';
import { billingXlsxStream, csvStream, exportColumns } from './billing-export-files';
import { billingFilterOf } from './billing-records.service';
import { type BillingExportRow, type BillingFilter, type BillingKey, type BillingSort, countBillingRecords, listBillingExportRows } from './billing.repository';

/** Rows read per query: big enough to be quick, small enough that SQLite's one connection is never held long. */
export const EXPORT_PAGE_SIZE = 1000;

/** Every record the filter matches, in the list's order, a keyset page at a time. */
async function* exportPages(db: Db, filter: BillingFilter, sort: BillingSort, size: number): AsyncGenerator<BillingExportRow[]> {
  const byPrice = sort === 'price_desc' || sort === 'price_asc';
  let after: BillingKey | undefined;
  for (;;) {
    const rows = await listBillingExportRows(db, filter, sort, after, size);
    if (rows.length > 0) yield rows;
    const last = rows.at(-1);
    if (!last || rows.length < size) return;
    after = { at: last.finished_at, id: last.id, priceCents: byPrice ? last.price_cents : null };
  }
}

const TYPES = { csv: CSV_TYPE, xlsx: XLSX_TYPE } as const;

/** "faturamento-2026-11", "faturamento-2026-09-a-2026-11", "faturamento-desde-2026-09", "faturamento". */
function fileName(filter: BillingFilter, format: BillingExportQuery['format']): string {
  const { from, to } = filter;
  const period = from && to ? (from === to ? from : `${from}-a-${to}`) : from ? `desde-${from}` : to ? `ate-${to}` : '';
  return `faturamento${period ? `-${period}` : ''}.${format}`;
}

/**
 * The filtered billing list as a file, every page of it, in the list's order. The admin's covers
 * every doctor (or the one asked); a doctor's (`own`) only ever theirs. Financial data leaving
 * the system: the export is audited (who, filters, how many rows) before the first byte goes.
 */
export async function exportBilling(db: Db, actor: Actor, q: BillingExportQuery, own: boolean, pageSize = EXPORT_PAGE_SIZE): Promise<Download> {
  const filter: BillingFilter = own ? { ...billingFilterOf({ ...q, doctorId: undefined }), doctorId: actor.user.id } : billingFilterOf(q);
  const rows = await countBillingRecords(db, filter);
  await recordAudit(db, {
    actorId: actor.user.id,
    action: 'billing.exported',
    entityType: 'billing_record',
    entityId: null,
    details: { format: q.format, scope: own ? 'own' : 'all', filters: { ...filter }, sort: q.sort, rows },
    ip: actor.ip,
  });
  const pages = exportPages(db, filter, q.sort, pageSize);
  const columns = exportColumns(own);
  return {
    fileName: fileName(filter, q.format),
    contentType: TYPES[q.format],
    body: q.format === 'csv' ? csvStream(pages, columns) : billingXlsxStream(pages, columns),
  };
}
