import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { emailSchema } from './schemas/common';
import { plainZodMessage } from './zod-messages';

const messages = (schema: z.ZodType, input: unknown) => {
  const r = schema.safeParse(input, { error: plainZodMessage });
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

describe('plain zod messages', () => {
  it('asks to fill in an empty field instead of calling it invalid', () => {
    const form = z.object({ name: z.string(), kind: z.enum(['a', 'b']), note: z.string().min(1) });
    expect(messages(form, { kind: '', note: '' })).toEqual(['Preencha este campo.', 'Preencha este campo.', 'Preencha este campo.']);
    expect(messages(form, { name: 'x', kind: 'c', note: 'ok' })).toEqual(['Escolha uma das opções.']);
    expect(messages(z.uuid(), 'abc')).toEqual(['Confira este campo.']);
  });

  it("keeps a schema's own words", () => {
    expect(messages(emailSchema, '')).toEqual(['Informe o e-mail.']);
    expect(messages(emailSchema, '   ')).toEqual(['Informe o e-mail.']);
    expect(messages(emailSchema, 'maria@')).toEqual(['E-mail inválido. Confira se digitou certo.']);
  });
});
