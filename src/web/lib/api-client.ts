import { ApiError } from './api-error';
import { takeFirstAnswer } from './first-data';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiRequest {
  method?: Method;
  /** Sent as JSON, or as-is when it is FormData (the browser sets the multipart boundary). */
  body?: unknown;
  signal?: AbortSignal;
}

const NETWORK_MESSAGE = 'Sem conexão com o servidor. Confira sua internet e tente de novo.';
const SERVER_MESSAGE = 'Algo deu errado do nosso lado. Tente de novo em instantes.';

/** Turns a non-2xx response into an ApiError, whatever its body looks like. */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  // The server's one error shape, with a code from the shared list; anything else (a proxy's
  // page, an empty body) gets a code and words from its status below. Its schema (and zod) load
  // with the first error answer, not with the entry every first screen evaluates.
  const [body, schemas] = await Promise.all([response.json().catch(() => null), import('#shared/schemas/common.ts').catch(() => null)]);
  const parsed = schemas?.apiErrorSchema.safeParse(body);
  if (parsed?.success) {
    const { code, message, fields } = parsed.data.error;
    return new ApiError(response.status, code, message, fields ?? {});
  }
  if (response.status === 401) return new ApiError(401, 'unauthenticated', 'Sua sessão terminou. Entre de novo.');
  if (response.status === 413) return new ApiError(413, 'payload_too_large', 'O arquivo enviado é grande demais.');
  return new ApiError(response.status, response.status >= 500 ? 'internal_error' : 'bad_request', SERVER_MESSAGE);
}

/**
 * Calls the MedConnect API on the same origin (the session cookie goes along) and returns the
 * parsed JSON. Throws ApiError for network failures and every non-2xx answer.
 */
export async function apiFetch<T>(path: string, request: ApiRequest = {}): Promise<T> {
  const { method = 'GET', body, signal } = request;
  if (method === 'GET') {
    const first = takeFirstAnswer(path);
    if (first) return first.body as T;
  }
  const headers: Record<string, string> = { Accept: 'application/json' };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) {
    payload = body;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }

  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: payload, signal, credentials: 'same-origin' });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError(0, 'network_error', NETWORK_MESSAGE);
  }

  if (!response.ok) throw await errorFromResponse(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** Builds `?a=1&b=x` from the defined, non-empty values. */
export function queryString(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
