import type { ClosingExportQuery } from '../../../../shared/schemas/payments';
import { queryString } from '../../../lib/api-client';

/**
 * The URL that downloads a month's closing (the admin's): `.xlsx` with the payments and every
 * consultation they hold, or CSV with the payments. A month not closed yet answers 404.
 */
export function closingExportUrl(month: string, format: ClosingExportQuery['format']): string {
  return `/api/closings/export${queryString({ month, format })}`;
}
