import { useQuery } from '@tanstack/react-query';
import type { DocumentVerification } from '#shared/schemas/document-verification.ts';
import { verificationCodeSchema } from '#shared/schemas/document-verification.ts';
import { apiFetch } from '#web/lib/api-client.ts';
import { ApiError } from '#web/lib/api-error.ts';

/** The public check of a printed document, by the code in its QR link (no session needed). */
export function verifyDocument(code: string, signal?: AbortSignal): Promise<DocumentVerification> {
  return apiFetch<DocumentVerification>(`/api/document-verifications/${encodeURIComponent(code)}`, { signal });
}

export function useDocumentVerification(code: string) {
  const wellFormed = verificationCodeSchema.safeParse(code).success;
  return useQuery({
    queryKey: ['document-verification', code],
    queryFn: ({ signal }) => verifyDocument(code, signal),
    enabled: wellFormed,
    // An unknown code or a throttled address won't change by asking again at once.
    retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
    staleTime: Infinity,
  });
}
