import { CircleCheck, Lock } from 'lucide-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatBRL } from '#shared/domain/money.ts';
import type { ClosingPreview as Preview } from '#shared/schemas/payments.ts';
import { Alert } from '#web/components/ui/alert.tsx';
import { Button } from '#web/components/ui/button.tsx';
import { Card, CardHeader } from '#web/components/ui/card.tsx';
import { EmptyState } from '#web/components/ui/empty-state.tsx';
import { SplitCells, SplitHeaders } from '#web/components/split-columns.tsx';
import type { SplitFigures } from '#web/components/split-columns.tsx';
import { doctorsCountText, underReviewWaitingText } from '#web/features/payments/model/closing-text.ts';
import { pixKeyText } from '#web/features/payments/model/payment-timeline.ts';
import { paymentMonthLabel, paymentMonthName } from '#web/features/payments/model/payment-text.ts';
import { CloseMonthDialog } from './close-month-dialog';
import { NoPixKeyFlag } from './payment-badges';

interface Props {
  preview: Preview;
  /** After a closing: the page shows the payments it made. */
  onClosed: (payments: number) => void;
}

/**
 * What is still open in the month, doctor by doctor, and "Fechar mês": the figures each payment
 * will carry, the PIX key on file (or its absence), the calls still under review, and why a month
 * that has not ended can't be closed.
 */
export function ClosingPreview({ preview, onClosed }: Props) {
  const [asking, setAsking] = useState(false);
  const { month, doctors } = preview;
  const total = doctors.reduce<SplitFigures>(
    (t, d) => ({
      consultations: t.consultations + d.consultations,
      grossCents: t.grossCents + d.grossCents,
      clinicCents: t.clinicCents + d.clinicCents,
      netCents: t.netCents + d.netCents,
    }),
    { consultations: 0, grossCents: 0, clinicCents: 0, netCents: 0 },
  );
  const withoutKey = doctors.filter((d) => !d.pixKey).length;
  const supplementary = preview.closings.length > 0;
  const name = paymentMonthName(month);

  return (
    <Card as="section" flush aria-labelledby="closing-open-title">
      <div className="closing-card-head">
        <CardHeader
          id="closing-open-title"
          title={`Em aberto em ${name}`}
          description={
            supplementary
              ? 'Consultas faturadas que ainda não estão em nenhum fechamento deste mês (aprovadas ou finalizadas depois do último).'
              : 'Consultas faturadas do mês que ainda não estão em nenhum pagamento, por médico.'
          }
        />
      </div>

      {preview.underReview > 0 ? (
        <div className="closing-notes">
          <Alert tone="warning" title={underReviewWaitingText(preview.underReview)}>
            <p>
              Elas ficam fora deste fechamento até você decidir. Se aprovar depois, entram num fechamento complementar.{' '}
              <Link to={`/admin/faturamento?mes=${month}&situacao=under_review`}>Ver em Faturamento</Link>
            </p>
          </Alert>
        </div>
      ) : null}

      {doctors.length === 0 ? (
        <EmptyState
          level={3}
          icon={<CircleCheck />}
          title={supplementary ? 'Tudo deste mês já está fechado' : 'Nenhuma consulta em aberto neste mês'}
          description={
            supplementary ? `Todas as consultas faturadas de ${name} já estão nos pagamentos abaixo.` : `Não há consultas faturadas em ${name} para pagar.`
          }
        />
      ) : (
        <>
          {withoutKey > 0 ? (
            <div className="closing-notes">
              <Alert tone="warning" title={withoutKey === 1 ? '1 médico está sem chave PIX' : `${withoutKey} médicos estão sem chave PIX`}>
                <p>O pagamento é criado mesmo assim, mas só dá para pagar depois que o médico cadastrar a chave no perfil dele.</p>
              </Alert>
            </div>
          ) : null}
          <table className="closing-table">
            <caption className="sr-only">Em aberto em {paymentMonthLabel(month)}, por médico</caption>
            <thead>
              <tr>
                <th scope="col">Médico</th>
                <SplitHeaders netLabel="Valor líquido" />
                <th scope="col">Chave PIX</th>
              </tr>
            </thead>
            <tbody>
              {doctors.map((d) => (
                <tr key={d.doctor.id}>
                  <th scope="row" className="closing-person">
                    <span>{d.doctor.name}</span>
                    <span className="closing-sub">{d.crm}</span>
                  </th>
                  <SplitCells figures={d} netLabel="Valor líquido" netClassName="closing-strong" />
                  <td data-label="Chave PIX" className="closing-key">
                    {d.pixKey ? pixKeyText(d.pixKey) : <NoPixKeyFlag />}
                  </td>
                </tr>
              ))}
            </tbody>
            {doctors.length > 1 ? (
              <tfoot>
                <tr>
                  <th scope="row">Total</th>
                  <SplitCells figures={total} netLabel="Valor líquido" netClassName="closing-strong" />
                  <td className="closing-key-empty" />
                </tr>
              </tfoot>
            ) : null}
          </table>
        </>
      )}

      {doctors.length > 0 || !preview.closable ? (
        <div className="closing-action">
          <Button
            icon={<Lock aria-hidden="true" />}
            disabled={!preview.closable || doctors.length === 0}
            aria-describedby={!preview.closable ? 'closing-not-ended' : undefined}
            onClick={() => setAsking(true)}
          >
            {supplementary ? 'Fechar o que ficou em aberto' : 'Fechar mês'}
          </Button>
          {!preview.closable ? (
            <p id="closing-not-ended" className="closing-action-note">
              {paymentMonthLabel(month)} ainda não terminou. Só dá para fechar um mês depois do último dia, porque até lá ainda entram consultas.
            </p>
          ) : (
            <p className="closing-action-note">
              {doctorsCountText(doctors.length)}, {formatBRL(total.netCents)} a pagar.
            </p>
          )}
        </div>
      ) : null}

      <CloseMonthDialog
        open={asking}
        month={month}
        doctors={doctors.length}
        netCents={total.netCents}
        withoutKey={withoutKey}
        supplementary={supplementary}
        onClose={() => setAsking(false)}
        onClosed={(n) => {
          setAsking(false);
          onClosed(n);
        }}
      />
    </Card>
  );
}
