import type { PixKeyType } from '#shared/domain/pix.ts';

/** What each kind of PIX key looks like, shown under the key box (to the doctor and to the admin: no "seu"). */
export const PIX_KEY_HINTS: Readonly<Record<PixKeyType, string>> = {
  cpf: 'O CPF cadastrado como chave no banco, ex.: 123.456.789-09.',
  cnpj: 'O CNPJ cadastrado como chave, com 14 caracteres, ex.: 12.345.678/0001-95.',
  email: 'O e-mail cadastrado como chave no banco.',
  phone: 'O celular cadastrado como chave, com DDD, ex.: (11) 91234-5678.',
  evp: 'A chave aleatória que o banco gerou, ex.: 123e4567-e89b-12d3-a456-426614174000.',
};

export const PIX_INPUT_MODES: Readonly<Record<PixKeyType, 'numeric' | 'text' | 'email' | 'tel'>> = {
  cpf: 'numeric',
  cnpj: 'text',
  email: 'email',
  phone: 'tel',
  evp: 'text',
};
