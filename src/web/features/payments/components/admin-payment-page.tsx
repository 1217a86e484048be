import { Ban, CircleCheck } from 'lucide-react';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { formatBRL } from '#shared/domain/money.ts';
import type { AdminPaymentDetail } from '#shared/schemas/payments.ts';
import { Alert } from '#web/components/ui/alert.tsx';
import { Button } from '#web/components/ui/button.tsx';
import { Card, CardHeader } from '#web/components/ui/card.tsx';
import { ErrorState } from '#web/components/ui/error-state.tsx';
import { LoadingState } from '#web/components/ui/loading-state.tsx';
import { PageHeader } from '#web/components/ui/page-header.tsx';
import { PixQr } from '#web/components/ui/pix-qr.tsx';
import { messageOf } from '#web/lib/api-error.ts';
import { doctorTitle } from '#web/lib/doctor-title.ts';
import { formatCalendarDate, formatDateTime } from '#web/lib/format-date.ts';
import { usePayment } from '#web/features/payments/api/get-payment.ts';
import { ADMIN_STATUS_HINT, closingSeqText } from '#web/features/payments/model/closing-text.ts';
import { paymentMonthLabel } from '#web/features/payments/model/payment-text.ts';
import { pixKeyText } from '#web/features/payments/model/payment-timeline.ts';
import { AdminPaymentTimeline } from './admin-payment-timeline';
import { CancelPaymentDialog } from './cancel-payment-dialog';
import { ConfirmPaymentDialog } from './confirm-payment-dialog';
import { AdminPaymentStatusBadge, NoPixKeyFlag } from './payment-badges';
import './closing.css';
import { lazyIntl } from '#shared/domain/lazy-intl.ts';

const INTEGER = lazyIntl(() => new Intl.NumberFormat('pt-BR'));

/** /admin/fechamentos/pagamentos/:id: one payment, the PIX code to pay it, its two steps and its history. */
export function AdminPaymentPage() {
  const { id = '' } = useParams();
  const query = usePayment(id);

  if (query.isPending) {
    return (
      <>
        <PageHeader title="Pagamento" back={{ to: '/admin/fechamentos', label: 'Fechamentos' }} />
        <LoadingState />
      </>
    );
  }
  if (query.isError) {
    return (
      <>
        <PageHeader title="Pagamento" back={{ to: '/admin/fechamentos', label: 'Fechamentos' }} />
        <Card>
          <ErrorState message={messageOf(query.error)} onRetry={() => void query.refetch()} retrying={query.isFetching} />
        </Card>
      </>
    );
  }
  return <PaymentView payment={query.data} refreshing={query.isFetching} />;
}

function PaymentView({ payment: p, refreshing }: { payment: AdminPaymentDetail; refreshing: boolean }) {
  const [dialog, setDialog] = useState<'confirm' | 'cancel' | null>(null);
  const open = p.status === 'pending' || p.status === 'disputed';

  return (
    <>
      <PageHeader
        title={`Pagamento de ${p.doctor.name}`}
        description={`${paymentMonthLabel(p.month)} · ${closingSeqText(p.closingSeq)}`}
        back={{ to: `/admin/fechamentos?mes=${p.month}`, label: `Fechamentos de ${paymentMonthLabel(p.month).toLowerCase()}` }}
      />
      <div className="closing-layout" aria-busy={refreshing}>
        {p.status === 'disputed' && p.disputeMessage ? (
          <Alert tone="danger" live={false} title={`${doctorTitle(p.doctor.name)} disse que não recebeu`} className="closing-dispute">
            <blockquote>“{p.disputeMessage}”</blockquote>
            <p>Confira no banco. Se o PIX não saiu, pague de novo e confirme; se foi outro problema, cancele com o motivo.</p>
          </Alert>
        ) : null}

        {/* Status first, then the code to pay (next to the rest on wide screens, right after the status on a phone). */}
        <div className="closing-payment-grid">
          <Card as="section" aria-labelledby="payment-status-title" className="closing-area-status">
            <CardHeader id="payment-status-title" title="Situação" />
            <div className="closing-status-row">
              <AdminPaymentStatusBadge status={p.status} />
              {!p.pixKey && open ? <NoPixKeyFlag /> : null}
            </div>
            <p className="closing-hint">{ADMIN_STATUS_HINT[p.status]}</p>
            <dl className="closing-facts">
              {p.paidOn ? <Fact label={p.status === 'disputed' ? 'Último pagamento em' : 'Pago em'}>{formatCalendarDate(p.paidOn)}</Fact> : null}
              {p.pixEndToEndId ? (
                <Fact label={p.status === 'disputed' ? 'Identificador do último PIX' : 'Identificador do PIX'}>
                  <span className="closing-code">{p.pixEndToEndId}</span>
                </Fact>
              ) : null}
              {p.paidNote ? <Fact label="Observação">{p.paidNote}</Fact> : null}
              {p.receivedAt ? <Fact label="Recebimento confirmado em">{formatDateTime(p.receivedAt)}</Fact> : null}
              {p.cancelReason ? <Fact label="Motivo do cancelamento">{p.cancelReason}</Fact> : null}
            </dl>
            {open ? (
              <div className="closing-buttons">
                <Button icon={<CircleCheck aria-hidden="true" />} onClick={() => setDialog('confirm')}>
                  {p.status === 'disputed' ? 'Confirmar pagamento de novo' : 'Confirmar pagamento'}
                </Button>
                <Button variant="danger-outline" icon={<Ban aria-hidden="true" />} onClick={() => setDialog('cancel')}>
                  Cancelar pagamento
                </Button>
              </div>
            ) : null}
          </Card>

          <Card as="section" aria-labelledby="payment-pix-title" className="closing-area-pix">
            <CardHeader id="payment-pix-title" title={open ? 'Pagar por PIX' : 'PIX'} />
            <PixSection payment={p} />
          </Card>

          <Card as="section" aria-labelledby="payment-figures-title" className="closing-area-figures">
            <CardHeader id="payment-figures-title" title="Valores" />
            <dl className="closing-figures">
              <Fact label="Consultas">{INTEGER.format(p.consultations)}</Fact>
              <Fact label="Valor bruto">{formatBRL(p.grossCents)}</Fact>
              <Fact label="Comissão da clínica">{formatBRL(p.clinicCents)}</Fact>
              <Fact label="Valor líquido" strong>
                {formatBRL(p.netCents)}
              </Fact>
            </dl>
          </Card>

          <Card as="section" aria-labelledby="payment-doctor-title" className="closing-area-doctor">
            <CardHeader
              id="payment-doctor-title"
              title="Dados do médico"
              description="Como estavam no fechamento. A chave PIX acompanha o perfil até o pagamento ser feito."
            />
            <dl className="closing-facts">
              <Fact label="Nome">{p.doctor.name}</Fact>
              <Fact label="CRM">{p.crm}</Fact>
              <Fact label="Chave PIX">{p.pixKey ? pixKeyText(p.pixKey) : <NoPixKeyFlag />}</Fact>
            </dl>
          </Card>
        </div>

        <AdminPaymentTimeline payment={p} />
      </div>
      <ConfirmPaymentDialog payment={dialog === 'confirm' ? p : null} onClose={() => setDialog(null)} />
      <CancelPaymentDialog payment={dialog === 'cancel' ? p : null} onClose={() => setDialog(null)} />
    </>
  );
}

function PixSection({ payment: p }: { payment: AdminPaymentDetail }) {
  if (p.status === 'cancelled') return <p className="closing-hint">Pagamento cancelado: não há nada a pagar.</p>;
  if (p.status === 'paid' || p.status === 'received') {
    return (
      <p className="closing-hint">
        Este pagamento já foi feito{p.paidOn ? ` em ${formatCalendarDate(p.paidOn)}` : ''}. O código não aparece mais, para ninguém pagar duas vezes.
      </p>
    );
  }
  if (!p.pixKey) {
    return (
      <Alert tone="warning" title="Sem chave PIX">
        <p>Peça ao médico que cadastre a chave PIX em “Meu perfil”. O pagamento é atualizado sozinho e o código aparece aqui.</p>
      </Alert>
    );
  }
  if (!p.pixPayload) {
    return (
      <Alert tone="warning" title="Não deu para montar o código PIX">
        <p>Pague pela chave {pixKeyText(p.pixKey)} no app do banco, ou peça ao médico que confira a chave no perfil.</p>
      </Alert>
    );
  }
  return (
    <div className="closing-pix">
      <p className="closing-hint">
        No app do banco, escolha pagar com PIX copia e cola ou QR Code e confira o nome e o valor: <strong className="tabular">{formatBRL(p.netCents)}</strong>.
      </p>
      <PixQr payload={p.pixPayload} label={`QR Code PIX de ${formatBRL(p.netCents)} para ${p.doctor.name}`} />
    </div>
  );
}

function Fact({ label, children, strong = false }: { label: string; children: ReactNode; strong?: boolean }) {
  return (
    <div className={strong ? 'closing-fact is-strong' : 'closing-fact'}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
