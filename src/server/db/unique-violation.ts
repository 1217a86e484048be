/**
 * True when `error` is the database refusing a write on this unique index: what two concurrent
 * writes that both passed a "does it exist?" check run into. PostgreSQL names the constraint;
 * SQLite names the columns (`UNIQUE constraint failed: users.email`).
 */
export function isUniqueViolation(error: unknown, index: { pgName: string; sqliteColumns: string }): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { code?: unknown; constraint?: unknown; message?: unknown };
  if (e.code === '23505') return e.constraint === index.pgName;
  return e.code === 'SQLITE_CONSTRAINT_UNIQUE' && typeof e.message === 'string' && e.message.endsWith(`: ${index.sqliteColumns}`);
}

/** The unique indexes services turn into a 409 of their own. */
export const UNIQUE = {
  userEmail: { pgName: 'users_email_key', sqliteColumns: 'users.email' },
  doctorCrm: { pgName: 'doctor_profiles_crm', sqliteColumns: 'doctor_profiles.crm_uf, doctor_profiles.crm_number' },
  patientCpf: { pgName: 'patient_profiles_cpf', sqliteColumns: 'patient_profiles.cpf' },
  closingMonthSeq: { pgName: 'closings_month_seq', sqliteColumns: 'closings.month, closings.seq' },
} as const;
