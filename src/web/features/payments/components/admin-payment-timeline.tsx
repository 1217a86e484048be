import type { PaymentDetail } from '#shared/schemas/payments.ts';
import { Card, CardHeader } from '#web/components/ui/card.tsx';
import { formatDateTime } from '#web/lib/format-date.ts';
import { paymentEventText } from '#web/features/payments/model/payment-timeline.ts';

/** A payment's history, oldest first, each step in words with who and when. */
export function AdminPaymentTimeline({ payment }: { payment: PaymentDetail }) {
  return (
    <Card as="section" aria-labelledby="payment-timeline-title">
      <CardHeader id="payment-timeline-title" title="Histórico" description="Cada passo deste pagamento, do fechamento até hoje. Horários de Brasília." />
      <ol className="closing-timeline">
        {payment.events.map((e) => {
          const text = paymentEventText(e, { viewer: 'admin', doctor: payment.doctor });
          return (
            <li key={e.id} className={`closing-timeline-${e.action}`}>
              <time dateTime={e.at}>{formatDateTime(e.at)}</time>
              <p className="closing-timeline-sentence">{text.sentence}</p>
              {text.detail ? <p className="closing-timeline-detail">{text.detail}</p> : null}
            </li>
          );
        })}
      </ol>
    </Card>
  );
}
