import { useQuery } from '@tanstack/react-query';
import type { DocumentKind, PrintableDocument } from '#shared/schemas/records.ts';
import { apiFetch } from '#web/lib/api-client.ts';

/** What a printed prescription or evolution shows. 409 evolution_not_final / no_prescription. */
export function getDocument(kind: DocumentKind, id: string, signal?: AbortSignal): Promise<PrintableDocument> {
  return apiFetch<PrintableDocument>(`/api/documents/${kind}/${encodeURIComponent(id)}`, { signal });
}

export function useDocument(kind: DocumentKind, id: string) {
  return useQuery({ queryKey: ['document', kind, id], queryFn: ({ signal }) => getDocument(kind, id, signal), retry: false });
}
