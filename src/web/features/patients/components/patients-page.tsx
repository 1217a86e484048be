import { SearchX, UserPlus, Users } from 'lucide-react';
import { useNavigate, useSearchParams } from 'react-router';
import { PersonListSkeleton } from '#web/components/person-list-skeleton.tsx';
import { PersonRow } from '#web/components/person-row.tsx';
import { SearchBox } from '#web/components/search-box.tsx';
import { Button } from '#web/components/ui/button.tsx';
import { Card } from '#web/components/ui/card.tsx';
import { EmptyState } from '#web/components/ui/empty-state.tsx';
import { ErrorState } from '#web/components/ui/error-state.tsx';
import { PageHeader } from '#web/components/ui/page-header.tsx';
import { Pagination } from '#web/components/ui/pagination.tsx';
import { messageOf } from '#web/lib/api-error.ts';
import { usePatients } from '#web/features/patients/api/get-patients.ts';
import { lastConsultationText, patientMeta } from './patient-meta';
import '#web/components/person-list.css';

const PAGE_SIZE = 20;

/** /medico/pacientes: the doctor's own patients, searchable, and the way to register a new one. */
export function PatientsPage() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const q = (params.get('busca') ?? '').slice(0, 100);
  const pageParam = Number(params.get('pagina'));
  const page = Number.isInteger(pageParam) && pageParam >= 1 ? pageParam : 1;
  const patients = usePatients({ q: q || undefined, page, pageSize: PAGE_SIZE });

  const update = (next: { q?: string; page?: number }) => {
    const search = new URLSearchParams();
    const nextQ = next.q ?? q;
    const nextPage = next.page ?? 1;
    if (nextQ) search.set('busca', nextQ);
    if (nextPage > 1) search.set('pagina', String(nextPage));
    setParams(search, { replace: true });
  };

  return (
    <>
      <PageHeader
        title="Pacientes"
        description="As pessoas que você acompanha. Só você e a administração da clínica veem esta lista."
        actions={
          <Button icon={<UserPlus aria-hidden="true" />} onClick={() => void navigate('/medico/pacientes/novo')}>
            Cadastrar paciente
          </Button>
        }
      />
      <Card flush>
        <div className="filters filters-simple" role="search">
          <SearchBox initial={q} onSearch={(value) => update({ q: value })} placeholder="Nome, e-mail ou telefone" />
        </div>
        {patients.isPending ? (
          <PersonListSkeleton />
        ) : patients.isError ? (
          <ErrorState message={messageOf(patients.error)} onRetry={() => void patients.refetch()} retrying={patients.isFetching} />
        ) : patients.data.items.length === 0 ? (
          q ? (
            <EmptyState
              icon={<SearchX />}
              title="Nenhum paciente encontrado"
              description={`Nenhum dos seus pacientes corresponde a “${q}”.`}
              action={
                <Button variant="secondary" onClick={() => update({ q: '' })}>
                  Limpar busca
                </Button>
              }
            />
          ) : (
            <EmptyState
              icon={<Users />}
              title="Você ainda não tem pacientes"
              description="Cadastre seu primeiro paciente. Ele recebe um link para criar a senha e poderá entrar nas consultas por vídeo."
            />
          )
        ) : (
          <>
            <ul
              className={patients.isPlaceholderData ? 'person-list list-updating' : 'person-list'}
              aria-label="Lista de pacientes"
              aria-busy={patients.isFetching}
            >
              {patients.data.items.map((patient) => (
                <PersonRow
                  key={patient.id}
                  user={patient}
                  to={`/medico/pacientes/${patient.id}`}
                  meta={patientMeta(patient)}
                  note={lastConsultationText(patient)}
                />
              ))}
            </ul>
            <Pagination
              page={patients.data.page}
              pageSize={patients.data.pageSize}
              total={patients.data.total}
              noun="pacientes"
              onPageChange={(next) => update({ page: next })}
            />
          </>
        )}
      </Card>
    </>
  );
}
