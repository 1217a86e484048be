import { FileSpreadsheet, FileText, Wallet } from 'lucide-react';
import type { RefObject } from 'react';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatBRL } from '#shared/domain/money.ts';
import type { ClosingPreview, PaymentStatus } from '#shared/schemas/payments.ts';
import { buttonClass } from '#web/components/ui/button.tsx';
import { Card } from '#web/components/ui/card.tsx';
import { EmptyState } from '#web/components/ui/empty-state.tsx';
import { ErrorState } from '#web/components/ui/error-state.tsx';
import { LoadingState } from '#web/components/ui/loading-state.tsx';
import { NumCell, NumHeader } from '#web/components/ui/num-cells.tsx';
import { SelectField } from '#web/components/ui/select-field.tsx';
import { messageOf } from '#web/lib/api-error.ts';
import { formatDateTime } from '#web/lib/format-date.ts';
import { closingExportUrl } from '#web/features/payments/api/closing-export-url.ts';
import { usePayments } from '#web/features/payments/api/get-payments.ts';
import { PAYMENT_STATUS_OPTIONS, closingSeqText, paymentsCountText } from '#web/features/payments/model/closing-text.ts';
import { paymentMonthLabel, paymentMonthName, paymentStatusText } from '#web/features/payments/model/payment-text.ts';
import { AdminPaymentStatusBadge, NoPixKeyFlag } from './payment-badges';
import { lazyIntl } from '#shared/domain/lazy-intl.ts';

const INTEGER = lazyIntl(() => new Intl.NumberFormat('pt-BR'));

interface Props {
  month: string;
  closings: ClosingPreview['closings'];
  headingRef: RefObject<HTMLHeadingElement | null>;
}

/** The closings made for the month and their payments, each linking to its page. */
export function MonthPayments({ month, closings, headingRef }: Props) {
  const [status, setStatus] = useState<PaymentStatus | undefined>();
  const query = usePayments({ month, status });
  const items = query.data?.items ?? [];
  const name = paymentMonthName(month);

  return (
    <Card as="section" flush aria-labelledby="closing-payments-title">
      <div className="closing-card-head">
        <div className="card-header">
          <div>
            <h2 id="closing-payments-title" ref={headingRef} tabIndex={-1}>
              Pagamentos de {name}
            </h2>
            <p>Abra um pagamento para ver o PIX copia e cola e confirmar que pagou.</p>
          </div>
          {closings.length > 0 ? (
            <div className="closing-header-actions" role="group" aria-label={`Baixar o fechamento de ${name}`}>
              <a className={buttonClass('secondary', 'sm')} href={closingExportUrl(month, 'xlsx')} download>
                <FileSpreadsheet aria-hidden="true" />
                Baixar planilha (Excel)
              </a>
              <a className={buttonClass('secondary', 'sm')} href={closingExportUrl(month, 'csv')} download>
                <FileText aria-hidden="true" />
                <span className="sr-only">Baixar em </span>CSV
              </a>
            </div>
          ) : null}
        </div>
      </div>

      {closings.length > 0 ? (
        <ul className="closing-list" aria-label={`Fechamentos de ${name}`}>
          {closings.map((c) => (
            <li key={c.id}>
              <strong>{closingSeqText(c.seq)}</strong>
              <span>
                {formatDateTime(c.createdAt)}
                {c.createdBy ? ` por ${c.createdBy.name}` : ''} · {paymentsCountText(c.payments)}
              </span>
            </li>
          ))}
        </ul>
      ) : null}

      {closings.length === 0 && !status ? (
        <EmptyState
          level={3}
          icon={<Wallet />}
          title="Nenhum pagamento neste mês ainda"
          description="Os pagamentos aparecem aqui depois que você fechar o mês."
        />
      ) : (
        <>
          <div className="closing-filters">
            <SelectField
              label="Situação"
              value={status ?? ''}
              onChange={(e) => setStatus((e.target.value || undefined) as PaymentStatus | undefined)}
              placeholder="Todas"
              options={PAYMENT_STATUS_OPTIONS.map((s) => ({ value: s, label: paymentStatusText(s, 'admin').label }))}
            />
          </div>
          <p className="sr-only" role="status">
            {query.isSuccess ? `${paymentsCountText(items.length)} na lista.` : ''}
          </p>
          {query.isPending ? (
            <LoadingState />
          ) : query.isError ? (
            <ErrorState message={messageOf(query.error)} onRetry={() => void query.refetch()} retrying={query.isFetching} />
          ) : items.length === 0 ? (
            <EmptyState level={3} icon={<Wallet />} title="Nenhum pagamento nesta situação" />
          ) : (
            <table className="closing-table" aria-busy={query.isFetching}>
              <caption className="sr-only">Pagamentos de {paymentMonthLabel(month)}</caption>
              <thead>
                <tr>
                  <th scope="col">Médico</th>
                  <th scope="col">Fechamento</th>
                  <NumHeader>Consultas</NumHeader>
                  <NumHeader>Valor líquido</NumHeader>
                  <th scope="col">Situação</th>
                </tr>
              </thead>
              <tbody>
                {items.map((p) => (
                  <tr key={p.id}>
                    <th scope="row" className="closing-person">
                      <Link to={`/admin/fechamentos/pagamentos/${p.id}`}>{p.doctor.name}</Link>
                      <span className="closing-sub">{p.crm}</span>
                    </th>
                    <td data-label="Fechamento">{closingSeqText(p.closingSeq)}</td>
                    <NumCell label="Consultas">{INTEGER.format(p.consultations)}</NumCell>
                    <NumCell label="Valor líquido" className="closing-strong">
                      {formatBRL(p.netCents)}
                    </NumCell>
                    <td data-label="Situação">
                      <div className="closing-status">
                        <AdminPaymentStatusBadge status={p.status} />
                        {!p.pixKey && (p.status === 'pending' || p.status === 'disputed') ? <NoPixKeyFlag /> : null}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </Card>
  );
}
