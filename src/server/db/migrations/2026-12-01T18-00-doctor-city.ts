import type { Kysely } from 'kysely';

// Frozen once merged: never import app code here.

/**
 * The doctor's city and its UF (issue 10): the receiver city of the PIX BR Code the clinic pays
 * them with. Optional; where missing, the payment uses the clinic's city (CLINIC_CITY). The app
 * validates both and saves them together; SQLite cannot add a table CHECK to an existing table.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // One column per statement: SQLite's ALTER TABLE adds a single column at a time.
  await db.schema.alterTable('doctor_profiles').addColumn('city', 'text').execute();
  await db.schema.alterTable('doctor_profiles').addColumn('city_uf', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('doctor_profiles').dropColumn('city_uf').execute();
  await db.schema.alterTable('doctor_profiles').dropColumn('city').execute();
}
