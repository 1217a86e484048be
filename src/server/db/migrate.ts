import { type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import type { Db } from './database';
import * as foundation from './migrations/2026-11-28T16-00-foundation';
import * as rooms from './migrations/2026-11-28T17-30-rooms';
import * as records from './migrations/2026-11-28T20-00-records';
import * as uniqueCpf from './migrations/2026-11-30T06-00-unique-cpf';
import * as listSearch from './migrations/2026-12-01T09-00-list-search';
import * as listSearchCovering from './migrations/2026-12-01T10-00-list-search-covering';
import * as billing from './migrations/2026-12-01T12-00-billing';
import * as outsideConsultations from './migrations/2026-12-01T14-00-outside-consultations';
import * as billingReportIndexes from './migrations/2026-12-01T16-00-billing-report-indexes';
import * as billingTotals from './migrations/2026-12-01T17-00-billing-totals';
import * as doctorCity from './migrations/2026-12-01T18-00-doctor-city';
import * as payments from './migrations/2026-12-01T20-00-payments';
import * as billingMonthTotals from './migrations/2026-12-01T21-00-billing-month-totals';
import * as resetLog from './migrations/2026-12-01T22-00-reset-log';
import * as billingMonthTimeIndex from './migrations/2026-12-01T23-00-billing-month-time-index';
import * as doctorDraftsIndex from './migrations/2026-12-02T12-00-doctor-drafts-index';
import * as recordAccessGrants from './migrations/2026-12-02T11-00-record-access-grants';
import * as passwordResets from './migrations/2026-12-02T10-30-auth-password-resets';
import * as documentVerifications from './migrations/2026-12-02T10-00-document-verifications-call';

/**
 * Migrations are listed here rather than read from the folder, so they work the same under tsx,
 * in tests and in a bundle. Names sort by timestamp; add new ones at the end.
 */
const migrations: Record<string, Migration> = {
  '2026-11-28T16-00-foundation': foundation,
  '2026-11-28T17-30-rooms': rooms,
  '2026-11-28T20-00-records': records,
  '2026-11-30T06-00-unique-cpf': uniqueCpf,
  '2026-12-01T09-00-list-search': listSearch,
  '2026-12-01T10-00-list-search-covering': listSearchCovering,
  '2026-12-01T12-00-billing': billing,
  '2026-12-01T14-00-outside-consultations': outsideConsultations,
  '2026-12-01T16-00-billing-report-indexes': billingReportIndexes,
  '2026-12-01T17-00-billing-totals': billingTotals,
  '2026-12-01T18-00-doctor-city': doctorCity,
  '2026-12-01T20-00-payments': payments,
  '2026-12-01T21-00-billing-month-totals': billingMonthTotals,
  '2026-12-01T22-00-reset-log': resetLog,
  '2026-12-01T23-00-billing-month-time-index': billingMonthTimeIndex,
  '2026-12-02T12-00-doctor-drafts-index': doctorDraftsIndex,
  '2026-12-02T11-00-record-access-grants': recordAccessGrants,
  '2026-12-02T10-30-auth-password-resets': passwordResets,
  '2026-12-02T10-00-document-verifications-call': documentVerifications,
};

/** Every schema version this build knows, oldest first: a backup of a newer one can't be restored. */
export const MIGRATION_NAMES: readonly string[] = Object.keys(migrations).sort();

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** The migrations this build knows that the database has not run (the readiness check). */
export async function pendingMigrations(db: Db): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
  const applied = new Set(rows.map((r) => r.name));
  return MIGRATION_NAMES.filter((name) => !applied.has(name));
}

/**
 * Brings the schema up to date; throws with the failing migration's name. Returns the names of
 * the migrations this call ran (none when the schema was current). On PostgreSQL Kysely's
 * migrator holds an advisory lock while it checks and runs, so nodes starting together migrate
 * once: the others wait, then find nothing left to do (tested in multi-node.test.ts).
 */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${String(error)}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
