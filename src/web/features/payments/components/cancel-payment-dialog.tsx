import { useState } from 'react';
import { formatBRL } from '../../../../shared/domain/money';
import type { Payment } from '../../../../shared/schemas/payments';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { Field } from '../../../components/ui/field';
import { Textarea } from '../../../components/ui/textarea';
import { useToast } from '../../../components/ui/toast-context';
import { ApiError, messageOf } from '../../../lib/api-error';
import { useCancelPayment } from '../api/payment-steps';

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
  const [fieldError, setFieldError] = useState<string | undefined>();
  const cancel = useCancelPayment();
  const toast = useToast();
  const serverField = cancel.error instanceof ApiError ? cancel.error.fields.reason : undefined;
  const formError = cancel.error && !serverField ? messageOf(cancel.error) : null;

  return (
    <form
      className="closing-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (reason.trim().length < 3) {
          setFieldError('Diga o motivo (pelo menos 3 letras).');
          return;
        }
        setFieldError(undefined);
        cancel.mutate(
          { id: payment.id, reason: reason.trim() },
          {
            onSuccess: () => {
              toast.notify('Pagamento cancelado. As consultas voltaram a ficar em aberto.');
              onDone();
            },
          },
        );
      }}
    >
      {formError ? <Alert tone="danger">{formError}</Alert> : null}
      <Field label="Motivo" error={fieldError ?? serverField} hint="Fica no histórico do pagamento. Por exemplo: valor errado, vai entrar no próximo fechamento.">
        {(control) => <Textarea {...control} value={reason} rows={3} maxLength={500} onChange={(e) => setReason(e.target.value)} autoFocus />}
      </Field>
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
