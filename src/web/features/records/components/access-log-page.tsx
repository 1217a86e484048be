import { ShieldCheck } from 'lucide-react';
import { useSearchParams } from 'react-router';
import type { AccessAction } from '#shared/schemas/records.ts';
import { ACCESS_ACTIONS } from '#shared/schemas/records.ts';
import { Card } from '#web/components/ui/card.tsx';
import { EmptyState } from '#web/components/ui/empty-state.tsx';
import { ErrorState } from '#web/components/ui/error-state.tsx';
import { LoadingState } from '#web/components/ui/loading-state.tsx';
import { PageHeader } from '#web/components/ui/page-header.tsx';
import { Pagination } from '#web/components/ui/pagination.tsx';
import { messageOf } from '#web/lib/api-error.ts';
import { ROLE_LABELS } from '#web/lib/role-labels.ts';
import { useAccessLog } from '#web/features/records/api/get-access-log.ts';
import { formatDateTime } from '#web/lib/format-date.ts';
import { accessWhatText } from '#web/features/records/model/access-text.ts';
import { AccessLogFilters } from './access-log-filters';
import type { AccessLogFilterValues } from './access-log-filters';
import './access-log.css';

const PAGE_SIZE = 25;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function filtersFrom(params: URLSearchParams): AccessLogFilterValues {
  const action = params.get('tipo') ?? '';
  const day = (v: string | null) => (v && DAY.test(v) ? v : '');
  return {
    patientId: params.get('paciente') ?? '',
    actorId: params.get('quem') ?? '',
    action: (ACCESS_ACTIONS as readonly string[]).includes(action) ? (action as AccessAction) : '',
    from: day(params.get('de')),
    to: day(params.get('ate')),
  };
}

/** /admin/acessos: who opened which patient's record, and when (LGPD), with filters. */
export function AccessLogPage() {
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  // "Nothing matches these filters" only makes sense when there are filters.
  const filtered = Object.values(filters).some((v) => v !== '');
  const pageParam = Number(params.get('pagina'));
  const page = Number.isInteger(pageParam) && pageParam >= 1 ? pageParam : 1;
  const log = useAccessLog({
    patientId: filters.patientId || undefined,
    actorId: filters.actorId || undefined,
    action: filters.action || undefined,
    from: filters.from || undefined,
    to: filters.to || undefined,
    page,
    pageSize: PAGE_SIZE,
  });

  const update = (next: AccessLogFilterValues, nextPage = 1) => {
    const search = new URLSearchParams();
    if (next.patientId) search.set('paciente', next.patientId);
    if (next.actorId) search.set('quem', next.actorId);
    if (next.action) search.set('tipo', next.action);
    if (next.from) search.set('de', next.from);
    if (next.to) search.set('ate', next.to);
    if (nextPage > 1) search.set('pagina', String(nextPage));
    setParams(search, { replace: true });
  };

  return (
    <>
      <PageHeader
        title="Registro de acessos"
        description="Quem abriu o prontuário de cada paciente, quem passou a ter acesso a ele, e quando. Guardado para a LGPD; ninguém pode apagar."
      />
      <Card flush>
        <AccessLogFilters values={filters} onChange={(next) => update(next)} />
        {log.isPending ? (
          <LoadingState />
        ) : log.isError ? (
          <ErrorState message={messageOf(log.error)} onRetry={() => void log.refetch()} retrying={log.isFetching} />
        ) : log.data.items.length === 0 ? (
          filtered ? (
            <EmptyState icon={<ShieldCheck />} title="Nenhum acesso encontrado" description="Nenhum acesso corresponde a esses filtros." />
          ) : (
            <EmptyState
              icon={<ShieldCheck />}
              title="Nenhum acesso registrado ainda"
              description="Quando alguém abrir o prontuário de um paciente, ou um médico passar a ter acesso a ele, isso aparece aqui."
            />
          )
        ) : (
          <>
            <table className="access-table" aria-busy={log.isFetching}>
              <caption className="sr-only">Acessos a prontuários, do mais recente para o mais antigo</caption>
              <thead>
                <tr>
                  <th scope="col">Quando</th>
                  <th scope="col">Quem acessou</th>
                  <th scope="col">Paciente</th>
                  <th scope="col">Tipo de acesso</th>
                  <th scope="col">IP</th>
                </tr>
              </thead>
              <tbody>
                {log.data.items.map((entry) => (
                  <tr key={entry.id}>
                    <td data-label="Quando" className="tabular">
                      {formatDateTime(entry.at)}
                    </td>
                    <td data-label="Quem acessou">
                      <div>
                        <span className="access-who">{entry.actor.name}</span>
                        <span className="access-role">{ROLE_LABELS[entry.actor.role]}</span>
                      </div>
                    </td>
                    <td data-label="Paciente">{entry.patient.name}</td>
                    <td data-label="Tipo de acesso">{accessWhatText(entry)}</td>
                    <td data-label="IP" className="tabular access-ip">
                      {entry.ip ?? '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pagination
              page={log.data.page}
              pageSize={log.data.pageSize}
              total={log.data.total}
              noun="acessos"
              onPageChange={(next) => update(filters, next)}
            />
          </>
        )}
      </Card>
    </>
  );
}
