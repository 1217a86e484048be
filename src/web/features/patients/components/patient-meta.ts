import type { PatientListItem } from '#shared/schemas/users.ts';
import { ageFrom, formatDate } from '#web/lib/format-date.ts';
import { formatPhone } from '#web/lib/format-phone.ts';

/** The middle column of a patient row: phone and age, when known. */
export function patientMeta(patient: PatientListItem): { title: string; detail?: string } {
  const age = patient.birthDate ? ageFrom(patient.birthDate) : null;
  return {
    title: patient.phone ? formatPhone(patient.phone) : 'Sem telefone',
    ...(age !== null ? { detail: `${age} ${age === 1 ? 'ano' : 'anos'}` } : {}),
  };
}

/** "Última consulta: 28/11/2026", or "Nenhuma consulta ainda" (tolerates servers that do not send the date yet). */
export function lastConsultationText(patient: Partial<Pick<PatientListItem, 'lastConsultationAt'>>): string {
  const at = patient.lastConsultationAt ?? null;
  return at ? `Última consulta: ${formatDate(at)}` : 'Última consulta: nenhuma ainda';
}
