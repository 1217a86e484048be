import { KeyRound } from 'lucide-react';
import type { PaymentStatus } from '#shared/schemas/payments.ts';
import { Badge } from '#web/components/ui/badge.tsx';
import { paymentStatusText } from '#web/features/payments/model/payment-text.ts';

/** A payment's state as the admin reads it ("A pagar", "Pago — aguardando o médico", …). */
export function AdminPaymentStatusBadge({ status }: { status: PaymentStatus }) {
  const text = paymentStatusText(status, 'admin');
  return <Badge tone={text.tone}>{text.label}</Badge>;
}

/** "Sem chave PIX": the payment exists but can't be paid until the doctor adds a key. */
export function NoPixKeyFlag() {
  return (
    <span className="closing-no-key">
      <KeyRound aria-hidden="true" />
      Sem chave PIX
    </span>
  );
}
