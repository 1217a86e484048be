import { History } from 'lucide-react';
import type { ReactNode } from 'react';
import { useRef } from 'react';
import { useSearchParams } from 'react-router';
import { clinicMonthOf } from '#shared/domain/clinic-month.ts';
import { ButtonLink } from '#web/components/ui/button-link.tsx';
import { Card } from '#web/components/ui/card.tsx';
import { ErrorState } from '#web/components/ui/error-state.tsx';
import { LoadingState } from '#web/components/ui/loading-state.tsx';
import { PageHeader } from '#web/components/ui/page-header.tsx';
import { useToast } from '#web/components/ui/toast-context.ts';
import { messageOf } from '#web/lib/api-error.ts';
import { useClosingPreview } from '#web/features/payments/api/get-closing-preview.ts';
import { paymentsCountText, pickedClosingMonth } from '#web/features/payments/model/closing-text.ts';
import { ClosingPreview } from './closing-preview';
import { MonthPayments } from './month-payments';
import './closing.css';

/** What the page needs of a month picker: the billing pages' one is composed in from app/pages. */
export interface MonthPickerProps {
  month: string;
  thisMonth: string;
  onChange: (month: string) => void;
}

/**
 * /admin/fechamentos: pick a month, see what is open per doctor, close it ("Fechar mês"), then
 * follow each payment. Last month is the one shown first: it is the one usually waiting.
 */
export function ClosingsPage({ monthPicker }: { monthPicker: (props: MonthPickerProps) => ReactNode }) {
  const [params, setParams] = useSearchParams();
  const thisMonth = clinicMonthOf(new Date());
  const month = pickedClosingMonth(params.get('mes'), thisMonth);
  const preview = useClosingPreview(month);
  const paymentsHeading = useRef<HTMLHeadingElement>(null);
  const toast = useToast();

  return (
    <>
      <PageHeader
        title="Fechamentos"
        description="Feche o mês para criar o pagamento de cada médico e acompanhe cada PIX até o médico confirmar que recebeu."
        actions={
          <div className="closing-header-actions">
            {monthPicker({ month, thisMonth, onChange: (m) => setParams(new URLSearchParams({ mes: m }), { replace: true }) })}
            <ButtonLink to="/admin/fechamentos/historico" variant="secondary" icon={<History aria-hidden="true" />}>
              Histórico de pagamentos
            </ButtonLink>
          </div>
        }
      />
      {preview.isPending ? (
        <LoadingState />
      ) : preview.isError ? (
        <Card>
          <ErrorState message={messageOf(preview.error)} onRetry={() => void preview.refetch()} retrying={preview.isFetching} />
        </Card>
      ) : (
        <div className="closing-layout" aria-busy={preview.isFetching}>
          <ClosingPreview
            preview={preview.data}
            onClosed={(n) => {
              toast.notify(`Mês fechado: ${paymentsCountText(n)} ${n === 1 ? 'criado' : 'criados'}.`);
              // The new payments are the next thing to look at.
              requestAnimationFrame(() => paymentsHeading.current?.focus());
            }}
          />
          <MonthPayments month={month} closings={preview.data.closings} headingRef={paymentsHeading} />
        </div>
      )}
    </>
  );
}
