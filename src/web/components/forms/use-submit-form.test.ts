import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkedBy, checkedIf } from './use-submit-form';

describe('form checks', () => {
  const schema = z.object({ email: z.string().email('E-mail inválido.'), profile: z.object({ name: z.string().min(1, 'Informe o nome.') }) });

  it('gives the parsed data, or what the form sends made of it', () => {
    expect(checkedBy(schema.safeParse({ email: 'a@b.co', profile: { name: 'Ana' } }))).toEqual({ data: { email: 'a@b.co', profile: { name: 'Ana' } } });
    expect(checkedBy(schema.safeParse({ email: 'a@b.co', profile: { name: 'Ana' } }), (data) => data.email)).toEqual({ data: 'a@b.co' });
  });

  it('keys the issues by the field that edits them', () => {
    expect(checkedBy(schema.safeParse({ email: 'x', profile: { name: '' } }))).toEqual({ errors: { email: 'E-mail inválido.', name: 'Informe o nome.' } });
  });

  it('sends only when there is no field error', () => {
    expect(checkedIf({}, 'senha')).toEqual({ data: 'senha' });
    expect(checkedIf({ confirm: 'As duas senhas não são iguais.' }, 'senha')).toEqual({ errors: { confirm: 'As duas senhas não são iguais.' } });
  });
});
