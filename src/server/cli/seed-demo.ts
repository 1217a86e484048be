import { randomBytes, randomUUID } from 'node:crypto';
import { cpfCheckDigits } from '#shared/domain/cpf-cnpj.ts';
import { userSearchText } from '#shared/domain/search-text.ts';
import { loadConfig } from '#server/config.ts';
import { billFinishedConsultation } from '#server/features/billing/billing.service.ts';
import { contentHashOf } from '#server/features/records/record-views.ts';
import { hashPassword } from '#server/lib/passwords.ts';
import { ensureAdmin } from '#server/db/bootstrap-admin.ts';
import { type Db, type DbOrTrx, createDb } from '#server/db/database.ts';
import { migrateToLatest } from '#server/db/migrate.ts';

/** Everyone in the demo logs in with this password. */
export const DEMO_PASSWORD = 'demo-medconnect';

const DOCTORS = [
  {
    name: 'Dra. Helena Duarte',
    email: 'helena@demo.medconnect',
    crm: '154321',
    uf: 'SP',
    specialty: 'Cardiologia',
    phone: '11987654321',
    pix: ['email', 'helena.duarte@exemplo.com.br'],
  },
  {
    name: 'Dr. Rafael Monteiro',
    email: 'rafael@demo.medconnect',
    crm: '52877',
    uf: 'RJ',
    specialty: 'Clínica médica',
    phone: '21998765432',
    pix: ['phone', '+5521998765432'],
  },
  {
    name: 'Dra. Camila Nogueira',
    email: 'camila@demo.medconnect',
    crm: '38211',
    uf: 'MG',
    specialty: 'Pediatria',
    phone: '31991234567',
    pix: ['evp', '3f2b8c1e-7d4a-4e9b-9c2f-1a6d5e8b7c40'],
  },
  { name: 'Dr. Tiago Albuquerque', email: 'tiago@demo.medconnect', crm: '21456', uf: 'PE', specialty: 'Dermatologia', phone: '81993456789', pix: null },
] as const;

const PATIENTS = [
  'Maria Aparecida Souza',
  'João Pedro Lima',
  'Ana Beatriz Rocha',
  'Carlos Eduardo Santos',
  'Fernanda Oliveira',
  'Lucas Gabriel Ferreira',
  'Juliana Costa',
  'Antônio Carlos Ribeiro',
  'Beatriz Almeida',
  'Rafaela Martins',
  'Paulo Henrique Barbosa',
  'Letícia Cardoso',
];

/** A valid CPF derived from a number, so the demo data passes the same validation as real data. */
function demoCpf(n: number): string {
  const base = String(100_000_000 + n * 7_654_321).slice(0, 9);
  return base + cpfCheckDigits(base);
}

type DemoVisit = {
  doctorId: string;
  patientId: string;
  daysAgo: number;
  reason: string;
  content: { complaint: string; history: string; exam: string; plan: string; notes: string };
  diagnoses: { code: string; description: string }[];
  prescriptions: { medicine: string; dose: string; route: string; frequency: string; duration: string; instructions: string }[];
};

/** A finished video consultation with its signed evolution, so the record pages have something real to show. */
async function seedVisit(trx: DbOrTrx, v: DemoVisit): Promise<void> {
  const started = new Date(Date.now() - v.daysAgo * 86_400_000);
  const ended = new Date(started.getTime() + 18 * 60_000).toISOString();
  const finalizedAt = new Date(started.getTime() + 25 * 60_000).toISOString();
  const roomId = randomUUID();
  await trx
    .insertInto('rooms')
    .values({
      id: roomId,
      code: randomBytes(16).toString('base64url'),
      doctor_id: v.doctorId,
      patient_id: v.patientId,
      status: 'finished',
      reason: v.reason,
      scheduled_at: started.toISOString(),
      admitted_at: started.toISOString(),
      last_activity_at: ended,
      created_at: new Date(started.getTime() - 86_400_000).toISOString(),
      closed_at: ended,
    })
    .execute();
  const consultation = {
    id: randomUUID(),
    room_id: roomId,
    doctor_id: v.doctorId,
    patient_id: v.patientId,
    started_at: started.toISOString(),
    ended_at: ended,
    duration_seconds: 18 * 60,
    finalized_by: 'doctor' as const,
    doctor_connected_at: started.toISOString(),
    patient_connected_at: started.toISOString(),
  };
  await trx.insertInto('consultations').values(consultation).execute();
  // Billed by the same code that bills a real call when it finishes, at the clinic's fees.
  await billFinishedConsultation(trx, consultation);
  const id = randomUUID();
  const hash = contentHashOf({
    id,
    patientId: v.patientId,
    doctorId: v.doctorId,
    kind: 'evolution',
    amendsId: null,
    finalizedAt,
    content: v.content,
    diagnoses: v.diagnoses,
    prescriptions: v.prescriptions,
  });
  await trx
    .insertInto('evolutions')
    .values({
      id,
      patient_id: v.patientId,
      doctor_id: v.doctorId,
      room_id: roomId,
      kind: 'evolution',
      amends_id: null,
      status: 'final',
      ...v.content,
      version: 3,
      content_hash: hash,
      created_at: started.toISOString(),
      updated_at: finalizedAt,
      finalized_at: finalizedAt,
      discarded_at: null,
    })
    .execute();
  for (const [position, d] of v.diagnoses.entries())
    await trx
      .insertInto('evolution_diagnoses')
      .values({ id: randomUUID(), evolution_id: id, position, ...d })
      .execute();
  for (const [position, p] of v.prescriptions.entries())
    await trx
      .insertInto('prescription_items')
      .values({ id: randomUUID(), evolution_id: id, position, ...p })
      .execute();
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
  const patientIds: string[] = [];
  await db.transaction().execute(async (trx) => {
    for (const [i, d] of DOCTORS.entries()) {
      const id = randomUUID();
      const at = new Date(start + i * 86_400_000).toISOString();
      doctorIds.push(id);
      await trx
        .insertInto('users')
        .values({
          id,
          email: d.email,
          name: d.name,
          role: 'doctor',
          status: 'active',
          password_hash: hash,
          photo_version: null,
          created_at: at,
          updated_at: at,
          search_text: userSearchText(d),
        })
        .execute();
      await trx
        .insertInto('doctor_profiles')
        .values({
          user_id: id,
          crm_number: d.crm,
          crm_uf: d.uf,
          rqe: i === 0 ? '48213' : null,
          specialty: d.specialty,
          phone: d.phone,
          pix_key_type: d.pix?.[0] ?? null,
          pix_key: d.pix?.[1] ?? null,
          updated_at: at,
        })
        .execute();
    }
    for (const [i, name] of PATIENTS.entries()) {
      const id = randomUUID();
      patientIds.push(id);
      const at = new Date(start + (5 + i * 6) * 86_400_000).toISOString();
      // The last two have not accepted their invite yet, so lists show "Convite pendente".
      const activated = i < PATIENTS.length - 2;
      const email = `${slug(name)}@demo.medconnect`;
      await trx
        .insertInto('users')
        .values({
          id,
          email,
          name,
          role: 'patient',
          status: 'active',
          password_hash: activated ? hash : null,
          photo_version: null,
          created_at: at,
          updated_at: at,
          search_text: userSearchText({ name, email }),
        })
        .execute();
      const year = 1950 + ((i * 7) % 60);
      await trx
        .insertInto('patient_profiles')
        .values({
          user_id: id,
          cpf: demoCpf(i + 1),
          birth_date: `${year}-0${(i % 9) + 1}-1${i % 9}`,
          phone: `119${String(80_000_000 + i * 1_234_567).slice(0, 8)}`,
          updated_at: at,
        })
        .execute();
      await trx
        .insertInto('doctor_patients')
        .values({ doctor_id: doctorIds[i % doctorIds.length]!, patient_id: id, created_at: at })
        .execute();
      if (i % 4 === 0)
        await trx
          .insertInto('doctor_patients')
          .values({ doctor_id: doctorIds[(i + 1) % doctorIds.length]!, patient_id: id, created_at: at })
          .execute();
    }
    await seedVisit(trx, {
      doctorId: doctorIds[0]!,
      patientId: patientIds[0]!,
      daysAgo: 12,
      reason: 'Retorno — pressão alta',
      content: {
        complaint: 'Retorno para controle da pressão arterial. Relata cefaleia ocasional no fim da tarde.',
        history: 'Hipertensa há 6 anos, em uso irregular de losartana. Nega dor torácica ou falta de ar.',
        exam: 'PA aferida em casa pela paciente: 152/96 mmHg (média de 3 medidas). Sem edema visível.',
        plan: 'Retomar losartana diariamente, reduzir sal, caminhada 30 min 5x/semana. Diário de PA por 15 dias.',
        notes: 'Retorno em 30 dias com o diário de pressão e exames laboratoriais.',
      },
      diagnoses: [{ code: 'I10', description: 'Hipertensão essencial (primária)' }],
      prescriptions: [
        {
          medicine: 'Losartana potássica 50 mg',
          dose: '1 comprimido',
          route: 'oral',
          frequency: '1 vez ao dia, pela manhã',
          duration: 'uso contínuo',
          instructions: 'Não interromper sem orientação médica.',
        },
      ],
    });
    await seedVisit(trx, {
      doctorId: doctorIds[1]!,
      patientId: patientIds[1]!,
      daysAgo: 4,
      reason: 'Dor de garganta',
      content: {
        complaint: 'Dor de garganta e coriza há 3 dias, febre de 37,8 °C ontem.',
        history: 'Sem comorbidades. Nega alergias a medicamentos.',
        exam: 'Orofaringe levemente hiperemiada à câmera, sem placas visíveis.',
        plan: 'Sintomáticos, hidratação, repouso. Procurar atendimento presencial se febre persistir por mais de 3 dias.',
        notes: '',
      },
      diagnoses: [{ code: 'J06.9', description: 'Infecção aguda das vias aéreas superiores não especificada' }],
      prescriptions: [
        {
          medicine: 'Paracetamol 750 mg',
          dose: '1 comprimido',
          route: 'oral',
          frequency: 'de 6 em 6 horas se dor ou febre',
          duration: '5 dias',
          instructions: 'Não exceder 4 comprimidos por dia.',
        },
        {
          medicine: 'Soro fisiológico 0,9%',
          dose: '2 jatos em cada narina',
          route: 'nasal',
          frequency: '4 vezes ao dia',
          duration: '7 dias',
          instructions: '',
        },
      ],
    });
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
