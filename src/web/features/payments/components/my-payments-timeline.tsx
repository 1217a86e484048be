import type { PaymentDetail } from '#shared/schemas/payments.ts';
import { Card, CardHeader } from '#web/components/ui/card.tsx';
import { formatDateTime } from '#web/lib/format-date.ts';
import { paymentEventText } from '#web/features/payments/model/payment-timeline.ts';

/** The payment's history in the doctor's words, oldest first ("A clínica pagou…", "Você confirmou…"). */
export function MyPaymentsTimeline({ payment }: { payment: PaymentDetail }) {
  return (
    <Card as="section" aria-labelledby="my-payment-timeline-title">
      <CardHeader
        id="my-payment-timeline-title"
        title="Histórico"
        description="Cada passo deste pagamento, do fechamento do mês até hoje. Horários de Brasília."
      />
      <ol className="my-payments-timeline">
        {payment.events.map((e) => {
          const text = paymentEventText(e, { viewer: 'doctor', doctor: payment.doctor });
          return (
            <li key={e.id} data-action={e.action}>
              <time dateTime={e.at}>{formatDateTime(e.at)}</time>
              <p className="my-payments-timeline-sentence">{text.sentence}</p>
              {text.detail ? <p className="my-payments-timeline-detail">{text.detail}</p> : null}
            </li>
          );
        })}
      </ol>
    </Card>
  );
}
