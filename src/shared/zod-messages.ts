import { z } from 'zod';

/**
 * Zod's built-in messages ("Invalid input: expected string, received undefined") in plain
 * Portuguese, for the fields whose schema names no message of its own. Schemas that say
 * "Informe o e-mail." keep their words: zod prefers a schema's message to this map.
 */
export const plainZodMessage: z.core.$ZodErrorMap = (issue) => {
  // Nothing typed: the person has to fill it in, not fix it.
  if (issue.input === undefined || issue.input === null || issue.input === '') return 'Preencha este campo.';
  if (issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) <= 1) return 'Preencha este campo.';
  if (issue.code === 'invalid_value') return 'Escolha uma das opções.';
  if (issue.code === 'too_big') return 'Valor grande demais.';
  return 'Confira este campo.';
};

/** Makes the map zod's default, on the server and in the browser (call once, at start). */
export function configurePlainZodMessages(): void {
  z.config({ customError: plainZodMessage });
}
