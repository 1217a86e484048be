import type { AccessAction, AccessLogEntry } from '#shared/schemas/records.ts';
import { doctorTitle } from '#web/lib/doctor-title.ts';
import { formatDateTime } from '#web/lib/format-date.ts';

/** The access log's words: the admin's filter and column labels, and the patient's sentences. */
export const ACCESS_ACTION_LABELS: Readonly<Record<AccessAction, string>> = {
  'record.view': 'Abriu o prontuário',
  'evolution.view': 'Abriu uma evolução',
  'document.view': 'Abriu um documento para imprimir',
  'history.view': 'Abriu o próprio histórico',
  'access.granted': 'Médico passou a ter acesso',
  'access.revoked': 'Médico deixou de ter acesso',
};

const WHAT_PATIENT_READS: Readonly<Record<AccessAction, string>> = {
  'record.view': 'abriu seu prontuário',
  'evolution.view': 'abriu uma evolução do seu prontuário',
  'document.view': 'abriu um documento seu (receita ou evolução)',
  'history.view': 'abriu seu histórico',
  'access.granted': 'passou a ter acesso ao seu prontuário',
  'access.revoked': 'deixou de ter acesso ao seu prontuário',
};

type Entry = Pick<AccessLogEntry, 'actor' | 'action' | 'at' | 'subject'>;

const isAccessChange = (action: AccessAction) => action === 'access.granted' || action === 'access.revoked';

/** The doctor whose access changed, with their title; a neutral word if the row lost them. */
function subjectName(entry: Entry): string {
  return entry.subject ? doctorTitle(entry.subject.name) : 'Um médico';
}

/**
 * One sentence per row of the patient's "Quem viu meus dados":
 * "Dr(a). Fulano abriu seu prontuário em 28/11/2026 às 14:30", or, when the clinic linked a doctor,
 * "Dr(a). Fulano passou a ter acesso ao seu prontuário (por Administração, em 28/11/2026 às 14:30)".
 */
export function accessSentence(entry: Entry): string {
  const when = formatDateTime(entry.at);
  if (isAccessChange(entry.action)) {
    // The patient learns that the clinic did it, not which employee: that detail is the admin's log.
    const by = entry.actor.role === 'admin' ? 'Administração' : entry.actor.role === 'doctor' ? doctorTitle(entry.actor.name) : 'você';
    return `${subjectName(entry)} ${WHAT_PATIENT_READS[entry.action]} (por ${by}, em ${when})`;
  }
  const who =
    entry.actor.role === 'doctor' ? doctorTitle(entry.actor.name) : entry.actor.role === 'patient' ? 'Você' : `${entry.actor.name} (administração da clínica)`;
  return `${who} ${WHAT_PATIENT_READS[entry.action]} em ${when}`;
}

/** The admin log's "Tipo de acesso" cell: the label, or "Dr(a). Fulano passou a ter acesso ao prontuário". */
export function accessWhatText(entry: Entry): string {
  if (entry.action === 'access.granted') return `${subjectName(entry)} passou a ter acesso ao prontuário`;
  if (entry.action === 'access.revoked') return `${subjectName(entry)} deixou de ter acesso ao prontuário`;
  return ACCESS_ACTION_LABELS[entry.action];
}
