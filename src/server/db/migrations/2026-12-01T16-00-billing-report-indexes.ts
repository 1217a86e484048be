import type { Kysely } from 'kysely';

// Frozen once merged: never import app code here.

/**
 * Billing reports (issue 9): lists and exports ordered by time or by price, over a period, paged
 * by keyset. Each order ends in the id, so an index on the order's columns serves a page as a
 * short range read, already in order, instead of sorting the period for every page (a month is
 * ~28,000 records at a million; three years, all of them):
 * - (finished_at, id): newest/oldest over any period (the query adds an instant range around the
 *   months); the existing (doctor_id, finished_at) and (status, finished_at) serve those filters;
 * - (month, price_cents, finished_at, id): one month by price, and counts of a month;
 * - (price_cents, finished_at, id): by price over everything (an export of all years by price).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('billing_records_time').on('billing_records').columns(['finished_at', 'id']).execute();
  await db.schema.createIndex('billing_records_month_price').on('billing_records').columns(['month', 'price_cents', 'finished_at', 'id']).execute();
  await db.schema.createIndex('billing_records_price').on('billing_records').columns(['price_cents', 'finished_at', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const name of ['billing_records_price', 'billing_records_month_price', 'billing_records_time']) await db.schema.dropIndex(name).execute();
}
