import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { messageOf } from '#web/lib/api-error.ts';
import { fieldErrorsFromApi, fieldErrorsFromIssues, focusFirstInvalid } from '#web/lib/form-errors.ts';
import type { FieldErrors } from '#web/lib/form-errors.ts';
import { useToast } from '#web/components/ui/toast-context.ts';

/** What a form's check gives: the data to send, or the messages to show beside the fields. */
export type Checked<T> = { data: T; errors?: undefined } | { data?: undefined; errors: FieldErrors };

type ParseResult<T> = { success: true; data: T } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };

/** A zod `safeParse` result as a {@link Checked}: its issues keyed by field, or its data (or what `toSend` makes of it). */
export function checkedBy<T>(result: ParseResult<T>): Checked<T>;
export function checkedBy<T, R>(result: ParseResult<T>, toSend: (data: T) => R): Checked<R>;
export function checkedBy<T, R>(result: ParseResult<T>, toSend?: (data: T) => R): Checked<T | R> {
  if (!result.success) return { errors: fieldErrorsFromIssues(result.error.issues) };
  return { data: toSend ? toSend(result.data) : result.data };
}

/** Field errors as a {@link Checked}: the data when there are none. */
export function checkedIf<T>(errors: FieldErrors, data: T): Checked<T> {
  return Object.keys(errors).length > 0 ? { errors } : { data };
}

/** The part of a TanStack mutation the form uses. */
interface FormMutation<TData, TResult> {
  mutate: (data: TData, callbacks: { onSuccess: (result: TResult) => void; onError: (error: unknown) => void }) => void;
}

interface SubmitFormOptions<TData, TResult> {
  mutation: FormMutation<TData, TResult>;
  /** Shows messages beside the fields: `useFormValues`' `setErrors`, or a state setter. */
  setErrors: (errors: FieldErrors) => void;
  /** Checks what was typed: the data to send, or the field errors (then nothing is sent). */
  check: () => Checked<TData>;
  /** The toast after the server said yes. */
  success?: string;
  onSuccess?: (result: TResult, data: TData) => void;
  /** The alert above the fields for an error the server sent; its message unless this says otherwise (null: none). */
  formErrorOf?: (error: unknown, fields: FieldErrors) => string | null;
}

/**
 * Every form's submit: check what was typed (messages beside the fields, focus on the first
 * invalid one), send it, then a toast and `onSuccess`; or the server's per-field messages beside
 * the fields and its message in an alert above them. Put `formRef` on the form (forms without it
 * do not move the focus) and show `formError` above the fields.
 */
export function useSubmitForm<TData, TResult>({ mutation, setErrors, check, success, onSuccess, formErrorOf = messageOf }: SubmitFormOptions<TData, TResult>) {
  const formRef = useRef<HTMLFormElement>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const toast = useToast();

  /** Sends data as it is (no check), e.g. from a second button; `message` replaces the success toast. */
  const send = (data: TData, message = success) => {
    setFormError(null);
    setErrors({});
    mutation.mutate(data, {
      onSuccess: (result) => {
        if (message) toast.notify(message);
        onSuccess?.(result, data);
      },
      onError: (error) => {
        const fields = fieldErrorsFromApi(error);
        setErrors(fields);
        setFormError(formErrorOf(error, fields));
        if (Object.keys(fields).length > 0) focusFirstInvalid(formRef.current);
      },
    });
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const checked = check();
    if (checked.errors) {
      setErrors(checked.errors);
      focusFirstInvalid(formRef.current);
      return;
    }
    send(checked.data);
  };

  return { formRef, formError, onSubmit, send };
}
