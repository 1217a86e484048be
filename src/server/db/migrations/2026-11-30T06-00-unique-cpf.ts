import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';

// Frozen once merged: never import app code here.

/**
 * One CPF, one patient: a CPF is printed on prescriptions and identifies the person, so two
 * patients holding the same one is a data error (issue 8, item 10).
 *
 * The app has always stored CPFs as 11 digits (the shared schema strips the punctuation), so the
 * unique index is on the column itself; rows written some other way are first rewritten to their
 * digits so "529.982.247-25" and "52998224725" count as the same CPF. Values with no digit at all
 * are left as they are.
 *
 * A real database may already hold duplicates, and the index cannot be built over them. Nothing
 * clinical is deleted: the patient registered first (oldest `users.created_at`, then id) keeps
 * the CPF, and every later holder gets it set to null, with one audit_log row each
 * (`patient.cpf_cleared`, actor null = the system) that keeps the cleared value and who kept it,
 * so the admin can look into it and put the right CPF back by hand.
 *
 * NULLs stay allowed (most patients are registered without a CPF): the index is partial.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const rows: { user_id: string; cpf: string; created_at: string }[] = await db
    .selectFrom('patient_profiles')
    .innerJoin('users', 'users.id', 'patient_profiles.user_id')
    .select(['patient_profiles.user_id', 'patient_profiles.cpf', 'users.created_at'])
    .where('patient_profiles.cpf', 'is not', null)
    .orderBy('users.created_at')
    .orderBy('patient_profiles.user_id')
    .execute();

  const at = new Date().toISOString();
  const keeper = new Map<string, string>();
  for (const row of rows) {
    const digits = row.cpf.replace(/\D/g, '');
    const cpf = digits === '' ? row.cpf : digits;
    const kept = keeper.get(cpf);
    if (kept === undefined) {
      keeper.set(cpf, row.user_id);
      if (cpf !== row.cpf) await db.updateTable('patient_profiles').set({ cpf }).where('user_id', '=', row.user_id).execute();
      continue;
    }
    await db.updateTable('patient_profiles').set({ cpf: null, updated_at: at }).where('user_id', '=', row.user_id).execute();
    await db
      .insertInto('audit_log')
      .values({
        id: randomUUID(),
        actor_id: null,
        action: 'patient.cpf_cleared',
        entity_type: 'user',
        entity_id: row.user_id,
        details: JSON.stringify({ reason: 'duplicate_cpf', cpf: row.cpf, keptBy: kept }),
        ip: null,
        created_at: at,
      })
      .execute();
  }

  await db.schema.createIndex('patient_profiles_cpf').on('patient_profiles').column('cpf').unique().where('cpf', 'is not', null).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('patient_profiles_cpf').execute();
}
