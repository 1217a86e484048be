import type { Backup } from '#shared/schemas/backups.ts';
import type { ResetCounts } from '#shared/schemas/reset.ts';

/** Why a backup was made, in the admin's words. */
export const TRIGGER_LABELS: Readonly<Record<Backup['trigger'], string>> = {
  manual: 'Manual',
  daily: 'Diário',
  cli: 'Linha de comando',
  reset: 'Antes da redefinição',
};

/** Bytes as "12,4 MB" (at least "0,1 MB", so a small file never reads as empty). */
export function megabytes(bytes: number): string {
  const mb = Math.max(bytes / 1_000_000, bytes > 0 ? 0.1 : 0);
  return `${mb.toLocaleString('pt-BR', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} MB`;
}

/** The start and end of a SHA-256, enough to compare by eye: "3f2a9c…e41b07". */
export function shortHash(sha256: string): string {
  return sha256.length > 14 ? `${sha256.slice(0, 6)}…${sha256.slice(-6)}` : sha256;
}

/** Database tables in plain words (row counts of a backup and of a reset). */
const TABLE_LABELS: Readonly<Record<string, string>> = {
  users: 'Usuários',
  doctor_profiles: 'Perfis de médicos',
  patient_profiles: 'Perfis de pacientes',
  doctor_patients: 'Vínculos entre médico e paciente',
  rooms: 'Salas',
  consultations: 'Consultas',
  consents: 'Termos de consentimento aceitos',
  chat_messages: 'Mensagens do chat',
  evolutions: 'Evoluções',
  evolution_diagnoses: 'Diagnósticos',
  prescription_items: 'Itens de prescrição',
  record_access_log: 'Registros de acesso a prontuários',
  billing_records: 'Registros de faturamento',
  fee_changes: 'Mudanças de valores',
  doctor_fees: 'Valores por médico',
  closings: 'Fechamentos',
  payments: 'Pagamentos',
  payment_records: 'Consultas ligadas a pagamentos',
  payment_events: 'Histórico dos pagamentos',
  invites: 'Convites',
  login_throttle: 'Tentativas de entrada',
  audit_log: 'Histórico de alterações',
  photos: 'Fotos de perfil',
  sessions: 'Sessões abertas',
};

export const tableLabel = (table: string) => TABLE_LABELS[table] ?? table;

/** Row counts as labelled lines, biggest first, leaving out the empty tables. */
export function countLines(counts: Readonly<Record<string, number>>): { table: string; label: string; count: number }[] {
  return Object.entries(counts)
    .filter(([, count]) => count > 0)
    .sort((a, b) => b[1] - a[1] || tableLabel(a[0]).localeCompare(tableLabel(b[0]), 'pt-BR'))
    .map(([table, count]) => ({ table, label: tableLabel(table), count }));
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('pt-BR')} ${n === 1 ? one : many}`;

/** What a reset erases, one line each, in the words the reset screen uses. */
export function erasesLines(counts: ResetCounts): string[] {
  return [
    plural(counts.doctors, 'médico', 'médicos'),
    plural(counts.patients, 'paciente', 'pacientes'),
    `${plural(counts.users, 'conta', 'contas')} de acesso (médicos e pacientes)`,
    plural(counts.consultations, 'consulta', 'consultas'),
    `${plural(counts.records, 'registro', 'registros')} de prontuário (evoluções e prescrições)`,
    `${plural(counts.billing, 'registro', 'registros')} de faturamento`,
    plural(counts.payments, 'pagamento', 'pagamentos'),
  ];
}

export const adminsText = (n: number) => plural(n, 'conta de administração', 'contas de administração');

/** The total rows a reset erased. */
export const erasedTotal = (erased: Readonly<Record<string, number>>) => Object.values(erased).reduce((sum, n) => sum + n, 0);
