import type { AccessAction, AccessLogEntry, DocumentKind, Evolution } from '../../../../shared/schemas/records';
import { doctorTitle } from '../../../lib/doctor-title';
import { formatDate, formatTime } from '../../../lib/format-date';

/** "28/11/2026 14:30" in the clinic's time zone. */
export function dateTimeText(iso: string): string {
  return `${formatDate(iso)} ${formatTime(iso)}`;
}

/** "28/11/2026 às 14:30". */
export function dateAtTimeText(iso: string): string {
  return `${formatDate(iso)} às ${formatTime(iso)}`;
}

/** The moment an entry stands for: when signed, or when started while a draft. */
export function entryMoment(e: Pick<Evolution, 'finalizedAt' | 'createdAt'>): string {
  return e.finalizedAt ?? e.createdAt;
}

/** "Evolução de 28/11/2026 14:30" / "Adendo de …". */
export function entryTitle(e: Pick<Evolution, 'kind' | 'finalizedAt' | 'createdAt'>): string {
  return `${e.kind === 'addendum' ? 'Adendo' : 'Evolução'} de ${dateTimeText(entryMoment(e))}`;
}

export const ACCESS_ACTION_LABELS: Readonly<Record<AccessAction, string>> = {
  'record.view': 'Abriu o prontuário',
  'evolution.view': 'Abriu uma evolução',
  'document.view': 'Abriu um documento para imprimir',
  'history.view': 'Abriu o próprio histórico',
};

const WHAT: Readonly<Record<AccessAction, string>> = {
  'record.view': 'abriu seu prontuário',
  'evolution.view': 'abriu uma evolução do seu prontuário',
  'document.view': 'abriu um documento seu (receita ou evolução)',
  'history.view': 'abriu seu histórico',
};

/** "Dr(a). Fulano abriu seu prontuário em 28/11/2026 às 14:30", for the patient. */
export function accessSentence(entry: Pick<AccessLogEntry, 'actor' | 'action' | 'at'>): string {
  const who = entry.actor.role === 'doctor' ? doctorTitle(entry.actor.name) : entry.actor.role === 'patient' ? 'Você' : `${entry.actor.name} (administração da clínica)`;
  return `${who} ${WHAT[entry.action]} em ${dateAtTimeText(entry.at)}`;
}

/** The URL path segment of a printable document. */
export const DOCUMENT_SLUGS: Readonly<Record<DocumentKind, string>> = { prescription: 'receita', evolution: 'evolucao' };

/** Reads a path segment back ("receita" or "prescription"); null for anything else. */
export function documentKindFromSlug(slug: string | undefined): DocumentKind | null {
  if (slug === 'receita' || slug === 'prescription') return 'prescription';
  if (slug === 'evolucao' || slug === 'evolution') return 'evolution';
  return null;
}

export function documentPath(kind: DocumentKind, id: string): string {
  return `/documentos/${DOCUMENT_SLUGS[kind]}/${id}`;
}

/** "28/11/2026 às 14:30 · 25 min" style pieces are built elsewhere; this names a consultation's state. */
/** What a consultation was: its reason for a video one, how it was held for the others. */
export function consultationWhatText(c: { kind: 'video' | 'in_person' | 'phone'; reason: string | null }): string {
  if (c.kind === 'in_person') return 'Consulta presencial';
  if (c.kind === 'phone') return 'Consulta por telefone';
  return c.reason ?? 'Consulta por vídeo';
}

export function consultationStatusText(c: { endedAt: string | null; finalizedBy: 'doctor' | 'auto' | null }): string {
  if (!c.endedAt) return 'Em andamento';
  return c.finalizedBy === 'auto' ? 'Encerrada automaticamente' : 'Realizada';
}

/** The consent term in plain words: "Aceito em 28/11/2026 às 14:30 (versão 2026-11)" or "Ainda não aceitou". */
export function consentText(consent: { currentVersion: string; accepted: { version: string; acceptedAt: string } | null }): { text: string; ok: boolean } {
  if (!consent.accepted) return { text: 'Ainda não aceitou', ok: false };
  const base = `Aceito em ${dateAtTimeText(consent.accepted.acceptedAt)} (versão ${consent.accepted.version})`;
  if (consent.accepted.version !== consent.currentVersion) return { text: `${base}; precisa aceitar a versão ${consent.currentVersion} na próxima consulta`, ok: false };
  return { text: base, ok: true };
}
