import { ApiError } from './api-error';

/** Field name → message, one message per field. */
export type FieldErrors = Record<string, string>;

/**
 * Reduces an issue path to the form field it belongs to: nested profile fields and array items
 * map to the input that edits them ("profile.pixKey" → "pixKey", "doctorIds.0" → "doctorIds").
 */
export function fieldKey(path: readonly PropertyKey[] | string): string {
  const parts = (typeof path === 'string' ? path.split('.') : path.map(String)).filter((p) => p !== '');
  const rest = parts[0] === 'profile' ? parts.slice(1) : parts;
  return rest[0] ?? '_';
}

/** Maps zod issues (from `schema.safeParse`) to field errors, keeping the first message per field. */
export function fieldErrorsFromIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = fieldKey(issue.path);
    errors[key] ??= issue.message;
  }
  return errors;
}

/** The server's per-field messages, keyed like the form's fields. */
export function fieldErrorsFromApi(error: unknown): FieldErrors {
  const errors: FieldErrors = {};
  if (!(error instanceof ApiError)) return errors;
  for (const [path, message] of Object.entries(error.fields)) {
    const key = fieldKey(path);
    errors[key] ??= message;
  }
  return errors;
}

/** Moves focus to the first invalid control once React has rendered the messages. */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  if (!form) return;
  requestAnimationFrame(() => {
    form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  });
}
