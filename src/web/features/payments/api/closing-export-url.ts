import type { ClosingExportQuery } from '#shared/schemas/payments.ts';
import { queryString } from '#web/lib/api-client.ts';

/**
 * The URL that downloads a month's closing (the admin's): `.xlsx` with the payments and every
 * consultation they hold, or CSV with the payments. A month not closed yet answers 404.
 */
export function closingExportUrl(month: string, format: ClosingExportQuery['format']): string {
  return `/api/closings/export${queryString({ month, format })}`;
}
