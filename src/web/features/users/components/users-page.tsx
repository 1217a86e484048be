import { SearchX, UserPlus, Users } from 'lucide-react';
import { useNavigate, useSearchParams } from 'react-router';
import { Button } from '#web/components/ui/button.tsx';
import { Card } from '#web/components/ui/card.tsx';
import { EmptyState } from '#web/components/ui/empty-state.tsx';
import { ErrorState } from '#web/components/ui/error-state.tsx';
import { PageHeader } from '#web/components/ui/page-header.tsx';
import { PersonListSkeleton } from '#web/components/person-list-skeleton.tsx';
import { Pagination } from '#web/components/ui/pagination.tsx';
import { messageOf } from '#web/lib/api-error.ts';
import { useUsers } from '#web/features/users/api/get-users.ts';
import type { UserListQuery } from '#web/features/users/api/get-users.ts';
import { UserFilters } from './user-filters';
import { UsersTable } from './users-table';
import { ROLE_PARAM, STATUS_PARAM, readUserFilters } from './user-filter-params';
import type { UserFilterValues } from './user-filter-params';
import '#web/components/person-list.css';

const PAGE_SIZE = 20;

/** /admin/usuarios: everyone in the clinic, searchable and filterable, with pagination. */
export function UsersPage() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const filters = readUserFilters(params);
  const query: UserListQuery = {
    q: filters.q || undefined,
    role: filters.role ?? undefined,
    status: filters.status ?? undefined,
    page: filters.page,
    pageSize: PAGE_SIZE,
  };
  const users = useUsers(query);
  const filtered = Boolean(filters.q || filters.role || filters.status);

  const update = (next: Partial<UserFilterValues>) => {
    const merged = { ...filters, page: 1, ...next };
    const search = new URLSearchParams();
    if (merged.q) search.set('busca', merged.q);
    if (merged.role) search.set('perfil', ROLE_PARAM[merged.role]);
    if (merged.status) search.set('situacao', STATUS_PARAM[merged.status]);
    if (merged.page > 1) search.set('pagina', String(merged.page));
    setParams(search, { replace: true });
  };

  return (
    <>
      <PageHeader
        title="Usuários"
        description="Médicos, pacientes e administradores da clínica."
        actions={
          <Button icon={<UserPlus aria-hidden="true" />} onClick={() => void navigate('/admin/usuarios/novo')}>
            Novo usuário
          </Button>
        }
      />
      <Card flush>
        <UserFilters filters={filters} onChange={update} />
        {users.isPending ? (
          <PersonListSkeleton />
        ) : users.isError ? (
          <ErrorState message={messageOf(users.error)} onRetry={() => void users.refetch()} retrying={users.isFetching} />
        ) : users.data.items.length === 0 ? (
          filtered ? (
            <EmptyState
              icon={<SearchX />}
              title="Ninguém encontrado"
              description="Nenhuma pessoa corresponde à busca e aos filtros escolhidos."
              action={
                <Button variant="secondary" onClick={() => update({ q: '', role: null, status: null })}>
                  Limpar filtros
                </Button>
              }
            />
          ) : (
            <EmptyState
              icon={<Users />}
              title="Nenhuma pessoa cadastrada ainda"
              description="Cadastre os médicos e pacientes da clínica com o botão Novo usuário. Cada um recebe um link para criar a própria senha."
            />
          )
        ) : (
          <>
            <UsersTable users={users.data.items} busy={users.isFetching} updating={users.isPlaceholderData} />
            <Pagination
              page={users.data.page}
              pageSize={users.data.pageSize}
              total={users.data.total}
              noun="pessoas"
              onPageChange={(page) => update({ page })}
            />
          </>
        )}
      </Card>
    </>
  );
}
