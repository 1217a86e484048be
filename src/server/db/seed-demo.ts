import { randomUUID } from 'node:crypto';
import { cpfCheckDigits } from '../../shared/domain/cpf-cnpj';
import { loadConfig } from '../config';
import { hashPassword } from '../lib/passwords';
import { ensureAdmin } from './bootstrap-admin';
import { type Db, createDb } from './database';
import { migrateToLatest } from './migrate';

/** Everyone in the demo logs in with this password. */
export const DEMO_PASSWORD = 'demo-medconnect';

const DOCTORS = [
  { name: 'Dra. Helena Duarte', email: 'helena@demo.medconnect', crm: '154321', uf: 'SP', specialty: 'Cardiologia', phone: '11987654321', pix: ['email', 'helena.duarte@exemplo.com.br'] },
  { name: 'Dr. Rafael Monteiro', email: 'rafael@demo.medconnect', crm: '52877', uf: 'RJ', specialty: 'Clínica médica', phone: '21998765432', pix: ['phone', '+5521998765432'] },
  { name: 'Dra. Camila Nogueira', email: 'camila@demo.medconnect', crm: '38211', uf: 'MG', specialty: 'Pediatria', phone: '31991234567', pix: ['evp', '3f2b8c1e-7d4a-4e9b-9c2f-1a6d5e8b7c40'] },
  { name: 'Dr. Tiago Albuquerque', email: 'tiago@demo.medconnect', crm: '21456', uf: 'PE', specialty: 'Dermatologia', phone: '81993456789', pix: null },
] as const;

const PATIENTS = [
  'Maria Aparecida Souza', 'João Pedro Lima', 'Ana Beatriz Rocha', 'Carlos Eduardo Santos', 'Fernanda Oliveira',
  'Lucas Gabriel Ferreira', 'Juliana Costa', 'Antônio Carlos Ribeiro', 'Beatriz Almeida', 'Rafaela Martins',
  'Paulo Henrique Barbosa', 'Letícia Cardoso',
];

/** A valid CPF derived from a number, so the demo data passes the same validation as real data. */
function demoCpf(n: number): string {
  const base = String(100_000_000 + n * 7_654_321).slice(0, 9);
  return base + cpfCheckDigits(base);
}

function slug(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().split(' ').slice(0, 2).join('.');
}

/** Fills an empty database with demo doctors and patients; refuses to touch one in use. */
export async function seedDemo(db: Db): Promise<{ doctors: number; patients: number }> {
  const inUse = await db.selectFrom('users').select('id').where('role', '!=', 'admin').executeTakeFirst();
  if (inUse) throw new Error('The database already has doctors or patients; the demo only fills an empty one.');
  const hash = await hashPassword(DEMO_PASSWORD);
  const start = Date.now() - 90 * 86_400_000;
  const doctorIds: string[] = [];
  await db.transaction().execute(async (trx) => {
    for (const [i, d] of DOCTORS.entries()) {
      const id = randomUUID();
      const at = new Date(start + i * 86_400_000).toISOString();
      doctorIds.push(id);
      await trx.insertInto('users').values({ id, email: d.email, name: d.name, role: 'doctor', status: 'active', password_hash: hash, photo_version: null, created_at: at, updated_at: at }).execute();
      await trx
        .insertInto('doctor_profiles')
        .values({ user_id: id, crm_number: d.crm, crm_uf: d.uf, rqe: i === 0 ? '48213' : null, specialty: d.specialty, phone: d.phone, pix_key_type: d.pix?.[0] ?? null, pix_key: d.pix?.[1] ?? null, updated_at: at })
        .execute();
    }
    for (const [i, name] of PATIENTS.entries()) {
      const id = randomUUID();
      const at = new Date(start + (5 + i * 6) * 86_400_000).toISOString();
      // The last two have not accepted their invite yet, so lists show "Convite pendente".
      const activated = i < PATIENTS.length - 2;
      await trx.insertInto('users').values({ id, email: `${slug(name)}@demo.medconnect`, name, role: 'patient', status: 'active', password_hash: activated ? hash : null, photo_version: null, created_at: at, updated_at: at }).execute();
      const year = 1950 + ((i * 7) % 60);
      await trx
        .insertInto('patient_profiles')
        .values({ user_id: id, cpf: demoCpf(i + 1), birth_date: `${year}-0${(i % 9) + 1}-1${i % 9}`, phone: `119${String(80_000_000 + i * 1_234_567).slice(0, 8)}`, updated_at: at })
        .execute();
      await trx.insertInto('doctor_patients').values({ doctor_id: doctorIds[i % doctorIds.length]!, patient_id: id, created_at: at }).execute();
      if (i % 4 === 0) await trx.insertInto('doctor_patients').values({ doctor_id: doctorIds[(i + 1) % doctorIds.length]!, patient_id: id, created_at: at }).execute();
    }
  });
  return { doctors: DOCTORS.length, patients: PATIENTS.length };
}

async function main(): Promise<void> {
  const config = loadConfig();
  const db = createDb(config.database);
  try {
    await migrateToLatest(db);
    const admin = await ensureAdmin(db, config);
    const result = await seedDemo(db);
    console.info(`Demo data added: ${result.doctors} doctors, ${result.patients} patients.`);
    console.info(`Log in as helena@demo.medconnect (doctor) or maria.aparecida@demo.medconnect (patient), password: ${DEMO_PASSWORD}`);
    if (admin) console.info(`Admin: ${admin.email}${admin.password ? ` / ${admin.password}` : ''}`);
  } finally {
    await db.destroy();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
