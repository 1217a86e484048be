import { useState } from 'react';
import { formatBRL } from '#shared/domain/money.ts';
import type { Payment } from '#shared/schemas/payments.ts';
import { ReasonField, checkedReason } from '#web/components/forms/reason-field.tsx';
import { useSubmitForm } from '#web/components/forms/use-submit-form.ts';
import { Alert } from '#web/components/ui/alert.tsx';
import { Button } from '#web/components/ui/button.tsx';
import { Dialog } from '#web/components/ui/dialog.tsx';
import { messageOf } from '#web/lib/api-error.ts';
import type { FieldErrors } from '#web/lib/form-errors.ts';
import { useCancelPayment } from '#web/features/payments/api/payment-steps.ts';

/** "Cancelar pagamento" asks why; the consultations go back to open for the next closing. */
export function CancelPaymentDialog({ payment, onClose }: { payment: Payment | null; onClose: () => void }) {
  return (
    <Dialog
      open={payment !== null}
      onClose={onClose}
      title="Cancelar pagamento"
      description={
        payment
          ? `${formatBRL(payment.netCents)} para ${payment.doctor.name}. As consultas deste pagamento voltam a ficar em aberto e entram no próximo fechamento do mês.`
          : undefined
      }
    >
      {payment ? <CancelForm key={payment.id} payment={payment} onDone={onClose} /> : null}
    </Dialog>
  );
}

function CancelForm({ payment, onDone }: { payment: Payment; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const cancel = useCancelPayment();
  const { formError, onSubmit } = useSubmitForm({
    mutation: cancel,
    setErrors,
    check: () => checkedReason(reason, (trimmed) => ({ id: payment.id, reason: trimmed })),
    success: 'Pagamento cancelado. As consultas voltaram a ficar em aberto.',
    onSuccess: () => onDone(),
    // A reason the server refused is explained next to its box.
    formErrorOf: (error, fields) => (fields.reason ? null : messageOf(error)),
  });

  return (
    <form className="closing-form" noValidate onSubmit={onSubmit}>
      {formError ? <Alert tone="danger">{formError}</Alert> : null}
      <ReasonField
        value={reason}
        onChange={setReason}
        error={errors.reason}
        hint="Fica no histórico do pagamento. Por exemplo: valor errado, vai entrar no próximo fechamento."
      />
      <div className="dialog-actions">
        <Button variant="secondary" onClick={onDone} disabled={cancel.isPending}>
          Voltar
        </Button>
        <Button type="submit" variant="danger" loading={cancel.isPending}>
          Cancelar pagamento
        </Button>
      </div>
    </form>
  );
}
