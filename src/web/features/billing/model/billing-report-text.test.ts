import { describe, expect, it } from 'vitest';
import { billingExportUrl } from '#web/features/billing/api/billing-export-url.ts';
import { periodName } from './billing-report-text';

describe('periodName', () => {
  it('names one month as before, a period in one year once, and a period across years in full', () => {
    expect(periodName('2026-11', '2026-11')).toBe('novembro');
    expect(periodName('2026-09', '2026-11')).toBe('setembro a novembro de 2026');
    expect(periodName('2025-12', '2026-02')).toBe('dezembro de 2025 a fevereiro de 2026');
  });
});

describe('billingExportUrl', () => {
  it("carries the filters and order of the list, and no doctorId on a doctor's own", () => {
    const filters = { from: '2026-09', to: '2026-11', doctorId: 'd1', status: 'billed' as const, kind: 'phone' as const, sort: 'price_desc' as const };
    expect(billingExportUrl('/api/billing', filters, 'csv')).toBe(
      '/api/billing/export?format=csv&from=2026-09&to=2026-11&doctorId=d1&status=billed&kind=phone&sort=price_desc',
    );
    expect(billingExportUrl('/api/me/billing', filters, 'xlsx')).toBe(
      '/api/me/billing/export?format=xlsx&from=2026-09&to=2026-11&status=billed&kind=phone&sort=price_desc',
    );
    expect(billingExportUrl('/api/me/billing', { month: '2026-11' }, 'csv')).toBe('/api/me/billing/export?format=csv&month=2026-11');
  });
});
