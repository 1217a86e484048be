import type { BillingSummary } from '#shared/schemas/billing.ts';
import { addMonths, clinicMonthOf } from '#shared/domain/clinic-month.ts';
import type { Db } from '#server/db/database.ts';
import { sumTotalsByDoctor, sumTotalsByMonth } from './billing-totals.repository';

/**
 * The figures of the billing dashboards: the 12 months up to `month` (the current São Paulo month
 * by default) and `month` by doctor, from the billing totals the database keeps per month, doctor
 * and status (ADR 009): at most months × doctors rows are read, however many records there are.
 * With `doctorId`, only that doctor's (their "Meus ganhos").
 */
export async function billingSummary(db: Db, month: string | undefined, doctorId?: string): Promise<BillingSummary> {
  const to = month ?? clinicMonthOf(new Date());
  const from = addMonths(to, -11);
  const [byMonth, byDoctor] = await Promise.all([sumTotalsByMonth(db, from, to, doctorId), sumTotalsByDoctor(db, to, doctorId)]);
  const found = new Map(byMonth.map((r) => [r.month, r]));
  const months = Array.from({ length: 12 }, (_, i) => {
    const m = addMonths(from, i);
    const r = found.get(m);
    return {
      month: m,
      consultations: r?.consultations ?? 0,
      grossCents: r?.gross ?? 0,
      clinicCents: r?.clinic ?? 0,
      doctorCents: r?.doctor ?? 0,
      underReview: r?.underReview ?? 0,
    };
  });
  return {
    month: to,
    months,
    byDoctor: byDoctor.map((d) => ({
      doctor: { id: d.doctorId, name: d.name },
      consultations: d.consultations,
      grossCents: d.gross,
      clinicCents: d.clinic,
      doctorCents: d.doctor,
    })),
  };
}
