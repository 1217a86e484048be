import type { ZodError } from 'zod';
import type { ErrorCode } from '#shared/error-codes.ts';

/**
 * The one error type services throw. `message` is plain Portuguese for the person using the
 * app; the error handler turns it into `{error:{code,message,fields?}}`. Anything that is not
 * an AppError becomes a generic 500 whose details only reach the log. `code` is one of the shared
 * ERROR_CODES, the list the web reads answers against.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (message = 'Não encontramos o que você procurou.') => new AppError('not_found', 404, message);
export const forbidden = (message = 'Você não tem permissão para fazer isso.') => new AppError('forbidden', 403, message);
export const unauthenticated = (message = 'Entre na sua conta para continuar.') => new AppError('unauthenticated', 401, message);
export const conflict = (code: ErrorCode, message: string, fields?: Record<string, string>) => new AppError(code, 409, message, fields);
export const badRequest = (code: ErrorCode, message: string, fields?: Record<string, string>) => new AppError(code, 400, message, fields);

/** Maps zod issues to `{ "profile.pixKey": "message" }`, the first message per field. */
export function fieldsOf(issues: ZodError['issues']): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.') || '_';
    fields[key] ??= issue.message;
  }
  return fields;
}
