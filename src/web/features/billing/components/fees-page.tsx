import { Card } from '#web/components/ui/card.tsx';
import { ErrorState } from '#web/components/ui/error-state.tsx';
import { LoadingState } from '#web/components/ui/loading-state.tsx';
import { PageHeader } from '#web/components/ui/page-header.tsx';
import { messageOf } from '#web/lib/api-error.ts';
import { useFees } from '#web/features/billing/api/get-fees.ts';
import { ClinicFeesForm } from './clinic-fees-form';
import { FeeHistory } from './fee-history';
import './fees.css';

const TITLE = 'Valores e repasse';
const DESCRIPTION = 'Quanto custa uma consulta e quanto fica com a clínica. O valor de cada médico pode ser mudado na página dele, em Usuários.';

/** /admin/valores: the clinic's price, share and short-call minimum, with the change history. */
export function FeesPage() {
  const fees = useFees();

  return (
    <>
      <PageHeader title={TITLE} description={DESCRIPTION} />
      {fees.isPending ? (
        <LoadingState />
      ) : fees.isError ? (
        <Card>
          <ErrorState message={messageOf(fees.error)} onRetry={() => void fees.refetch()} retrying={fees.isFetching} />
        </Card>
      ) : (
        <div className="fees-layout">
          <ClinicFeesForm fees={fees.data} />
          <Card>
            <FeeHistory history={fees.data.history} title="Histórico de mudanças" empty="Nenhuma mudança ainda: valem os valores iniciais." />
          </Card>
        </div>
      )}
    </>
  );
}
