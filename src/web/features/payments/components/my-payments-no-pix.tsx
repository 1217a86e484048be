import { Link } from 'react-router';
import { formatBRL } from '#shared/domain/money.ts';
import type { Payment } from '#shared/schemas/payments.ts';
import { Alert } from '#web/components/ui/alert.tsx';
import { paymentMonthName } from '#web/features/payments/model/payment-text.ts';

/** Payments the clinic closed while the doctor had no PIX key: it can't pay them until there is one. */
export function waitingForPixKey(payments: readonly Payment[]): Payment[] {
  return payments.filter((p) => p.pixKey === null && p.status === 'pending');
}

/** "Sem chave PIX", said plainly, with the way to fix it. */
export function MyPaymentsNoPix({ payments }: { payments: readonly Payment[] }) {
  const waiting = waitingForPixKey(payments);
  if (waiting.length === 0) return null;
  const total = waiting.reduce((sum, p) => sum + p.netCents, 0);
  const months = waiting.map((p) => paymentMonthName(p.month));
  const which = months.length === 1 ? `o pagamento de ${months[0]}` : `os pagamentos de ${months.slice(0, -1).join(', ')} e ${months.at(-1)}`;
  return (
    <Alert tone="warning" title="Cadastre sua chave PIX para receber" className="my-payments-no-pix">
      <p>
        A clínica fechou {which} ({formatBRL(total)}), mas você ainda não tem chave PIX no seu perfil. Sem a chave, a clínica não consegue pagar. Assim que você
        cadastrar, o pagamento é atualizado sozinho.
      </p>
      <p>
        <Link to="/perfil">Cadastrar minha chave PIX no perfil</Link>
      </p>
    </Alert>
  );
}
