import type { BillingExportFormat } from '#shared/schemas/billing.ts';
import { queryString } from '#web/lib/api-client.ts';
import type { BillingRecordFilters } from './get-billing-records';

/** What an export link carries: a list's filters and order (a period, or one `month`). */
export type BillingExportFilters = Partial<BillingRecordFilters> & { month?: string | undefined };

/**
 * The URL that downloads a filtered billing list as a file: `/api/billing/export?format=csv&from=…`
 * (the admin's) or `/api/me/billing/export?…` (a doctor's own, which never carries a doctorId:
 * the server answers with the signed-in doctor's records whatever it says).
 */
export function billingExportUrl(basePath: '/api/billing' | '/api/me/billing', filters: BillingExportFilters, format: BillingExportFormat): string {
  const { doctorId, from, to, month, status, kind, sort } = filters;
  return `${basePath}/export${queryString({ format, month, from, to, ...(basePath === '/api/billing' ? { doctorId } : {}), status, kind, sort })}`;
}
