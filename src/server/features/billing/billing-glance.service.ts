import { addMonths, clinicMonthOf } from '#shared/domain/clinic-month.ts';
import type { BillingGlance } from '#shared/schemas/dashboard.ts';
import type { Db } from '#server/db/database.ts';
import { sumTotalsByMonth } from './billing-totals.repository';

/**
 * The dashboards' money cards: this São Paulo month and the one before, summed in the database
 * (one grouped query on the billing totals, ADR 009). With `doctorId`, only that doctor's records count.
 */
export async function billingGlance(db: Db, doctorId?: string, now: Date = new Date()): Promise<BillingGlance> {
  const current = clinicMonthOf(now);
  const previous = addMonths(current, -1);
  const rows = await sumTotalsByMonth(db, previous, current, doctorId);
  const totalsOf = (month: string) => {
    const r = rows.find((row) => row.month === month);
    return {
      month,
      consultations: r?.consultations ?? 0,
      grossCents: r?.gross ?? 0,
      clinicCents: r?.clinic ?? 0,
      doctorCents: r?.doctor ?? 0,
      underReview: r?.underReview ?? 0,
    };
  };
  return { current: totalsOf(current), previous: totalsOf(previous) };
}
