import type { DocumentKind, Evolution } from '#shared/schemas/records.ts';
import { formatDateTime } from '#web/lib/format-date.ts';

/** The moment an entry stands for: when signed, or when started while a draft. */
export function entryMoment(e: Pick<Evolution, 'finalizedAt' | 'createdAt'>): string {
  return e.finalizedAt ?? e.createdAt;
}

/** "Evolução de 28/11/2026 às 14:30" / "Adendo de …". */
export function entryTitle(e: Pick<Evolution, 'kind' | 'finalizedAt' | 'createdAt'>): string {
  return `${e.kind === 'addendum' ? 'Adendo' : 'Evolução'} de ${formatDateTime(entryMoment(e))}`;
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
  const base = `Aceito em ${formatDateTime(consent.accepted.acceptedAt)} (versão ${consent.accepted.version})`;
  if (consent.accepted.version !== consent.currentVersion)
    return { text: `${base}; precisa aceitar a versão ${consent.currentVersion} na próxima consulta`, ok: false };
  return { text: base, ok: true };
}
