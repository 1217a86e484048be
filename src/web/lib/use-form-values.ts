import { useCallback, useState } from 'react';
import type { FieldErrors } from './form-errors';

/**
 * Form values plus per-field errors. Changing a field clears its error, so a message never
 * lingers after the person has started fixing it.
 */
export function useFormValues<T extends Record<string, string>>(initial: T | (() => T)) {
  const [values, setValues] = useState<T>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});

  const setField = useCallback(<K extends keyof T & string>(field: K, value: T[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => {
      if (!(field in current)) return current;
      const { [field]: _removed, ...rest } = current;
      return rest;
    });
  }, []);

  const setFieldError = useCallback((field: string, message: string | null) => {
    setErrors((current) => {
      if (message) return { ...current, [field]: message };
      if (!(field in current)) return current;
      const { [field]: _removed, ...rest } = current;
      return rest;
    });
  }, []);

  return { values, setValues, setField, errors, setErrors, setFieldError };
}
