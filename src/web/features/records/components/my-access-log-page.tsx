import { Eye } from 'lucide-react';
import { useSearchParams } from 'react-router';
import { Card } from '#web/components/ui/card.tsx';
import { EmptyState } from '#web/components/ui/empty-state.tsx';
import { ErrorState } from '#web/components/ui/error-state.tsx';
import { LoadingState } from '#web/components/ui/loading-state.tsx';
import { PageHeader } from '#web/components/ui/page-header.tsx';
import { Pagination } from '#web/components/ui/pagination.tsx';
import { messageOf } from '#web/lib/api-error.ts';
import { useMyAccessLog } from '#web/features/records/api/get-access-log.ts';
import { accessSentence } from '#web/features/records/model/access-text.ts';
import './records.css';

/** /paciente/acessos: "Quem viu meus dados", one plain sentence per access (LGPD). */
export function MyAccessLogPage() {
  const [params, setParams] = useSearchParams();
  const pageParam = Number(params.get('pagina'));
  const page = Number.isInteger(pageParam) && pageParam >= 1 ? pageParam : 1;
  const log = useMyAccessLog(page);

  return (
    <>
      <PageHeader
        title="Quem viu meus dados"
        description="Cada vez que alguém abre seu prontuário ou um documento seu, ou passa a ter acesso a eles, fica registrado aqui."
      />
      <Card flush>
        {log.isPending ? (
          <LoadingState />
        ) : log.isError ? (
          <ErrorState message={messageOf(log.error)} onRetry={() => void log.refetch()} retrying={log.isFetching} />
        ) : log.data.items.length === 0 ? (
          <EmptyState icon={<Eye />} title="Ninguém abriu seus dados ainda" description="Quando seu médico abrir seu prontuário, isso aparece aqui." />
        ) : (
          <>
            <ul className="record-list access-list" aria-label="Acessos aos seus dados" aria-busy={log.isFetching}>
              {log.data.items.map((entry) => (
                <li key={entry.id}>
                  <p>{accessSentence(entry)}</p>
                </li>
              ))}
            </ul>
            <Pagination
              page={log.data.page}
              pageSize={log.data.pageSize}
              total={log.data.total}
              noun="acessos"
              onPageChange={(next) => setParams(next > 1 ? { pagina: String(next) } : {}, { replace: true })}
            />
          </>
        )}
      </Card>
    </>
  );
}
