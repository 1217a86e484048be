import type { Role } from '#shared/permissions.ts';
import type { UserStatus } from '#shared/schemas/common.ts';

/** The list's filters as they live in the address bar (Portuguese words, shareable links). */
export interface UserFilterValues {
  q: string;
  role: Role | null;
  status: UserStatus | null;
  page: number;
}

export const ROLE_PARAM: Readonly<Record<Role, string>> = { admin: 'admin', doctor: 'medico', patient: 'paciente' };
export const STATUS_PARAM: Readonly<Record<UserStatus, string>> = { active: 'ativo', inactive: 'inativo' };

function keyOf<T extends string>(table: Readonly<Record<T, string>>, value: string | null): T | null {
  const entry = Object.entries(table).find(([, v]) => v === value);
  return entry ? (entry[0] as T) : null;
}

/** Reads ?busca=&perfil=&situacao=&pagina= with safe defaults for anything odd. */
export function readUserFilters(params: URLSearchParams): UserFilterValues {
  const page = Number(params.get('pagina'));
  return {
    q: (params.get('busca') ?? '').slice(0, 100),
    role: keyOf(ROLE_PARAM, params.get('perfil')),
    status: keyOf(STATUS_PARAM, params.get('situacao')),
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}
