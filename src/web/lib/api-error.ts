/** A failed API call, carrying the server's `{error:{code,message,fields}}` in Portuguese. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Per-field messages keyed by the field's path ("profile.pixKey", "email"). */
    readonly fields: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

/** True when the session is gone and the person must sign in again. */
export function isUnauthenticated(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401 && error.code === 'unauthenticated';
}

/** The message to show a person for any thrown value. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Algo deu errado. Tente de novo em instantes.';
}
