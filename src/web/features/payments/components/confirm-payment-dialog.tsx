import { useState } from 'react';
import { formatBRL } from '#shared/domain/money.ts';
import type { Payment } from '#shared/schemas/payments.ts';
import { checkedIf, useSubmitForm } from '#web/components/forms/use-submit-form.ts';
import { Alert } from '#web/components/ui/alert.tsx';
import { Button } from '#web/components/ui/button.tsx';
import { Dialog } from '#web/components/ui/dialog.tsx';
import { Field } from '#web/components/ui/field.tsx';
import { TextField } from '#web/components/ui/text-field.tsx';
import { Textarea } from '#web/components/ui/textarea.tsx';
import { messageOf } from '#web/lib/api-error.ts';
import { todayYmd } from '#web/lib/format-date.ts';
import type { FieldErrors } from '#web/lib/form-errors.ts';
import { useConfirmPayment } from '#web/features/payments/api/payment-steps.ts';
import { endToEndIdError } from '#web/features/payments/model/closing-text.ts';

interface Props {
  payment: Payment | null;
  onClose: () => void;
}

/** "Confirmar pagamento": the admin says the PIX was made: when, and optionally its end-to-end id and a note. */
export function ConfirmPaymentDialog({ payment, onClose }: Props) {
  return (
    <Dialog
      open={payment !== null}
      onClose={onClose}
      title={payment?.status === 'disputed' ? 'Confirmar o pagamento de novo' : 'Confirmar pagamento'}
      description={
        payment ? `${formatBRL(payment.netCents)} para ${payment.doctor.name}. O médico recebe um aviso e confirma quando o dinheiro chegar.` : undefined
      }
    >
      {/* Keyed by payment, so each opening starts from today's date and empty fields. */}
      {payment ? <ConfirmForm key={payment.id} payment={payment} onDone={onClose} /> : null}
    </Dialog>
  );
}

function ConfirmForm({ payment, onDone }: { payment: Payment; onDone: () => void }) {
  const [today] = useState(todayYmd);
  const [paidOn, setPaidOn] = useState(today);
  const [e2e, setE2e] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const confirm = useConfirmPayment();
  const { formError, onSubmit } = useSubmitForm({
    mutation: confirm,
    setErrors,
    check: () => {
      const next: FieldErrors = {};
      if (!paidOn) next.paidOn = 'Informe a data do pagamento.';
      else if (paidOn > today) next.paidOn = 'A data do pagamento não pode ser depois de hoje.';
      const e2eError = endToEndIdError(e2e);
      if (e2eError) next.pixEndToEndId = e2eError;
      return checkedIf(next, { id: payment.id, paidOn, pixEndToEndId: e2e.trim() ? e2e.trim().toUpperCase() : undefined, note: note.trim() || undefined });
    },
    success: 'Pagamento confirmado. Agora o médico confirma quando receber.',
    onSuccess: () => onDone(),
    // The server's field messages stand next to their boxes; the alert is for the rest.
    formErrorOf: (error, fields) => (Object.keys(fields).length > 0 ? null : messageOf(error)),
  });

  return (
    <form className="closing-form" noValidate onSubmit={onSubmit}>
      {formError ? <Alert tone="danger">{formError}</Alert> : null}
      <TextField label="Data do pagamento" type="date" value={paidOn} max={today} required onChange={(e) => setPaidOn(e.target.value)} error={errors.paidOn} />
      <TextField
        label="Identificador do PIX (E2E)"
        optional
        value={e2e}
        autoComplete="off"
        spellCheck={false}
        maxLength={40}
        placeholder="E00000000202612011200XXXXXXXXXXX"
        hint="Está no comprovante do PIX: começa com E e tem 32 letras e números."
        onChange={(e) => setE2e(e.target.value)}
        error={errors.pixEndToEndId}
      />
      <Field label="Observação" optional error={errors.note}>
        {(control) => <Textarea {...control} value={note} rows={2} maxLength={500} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <div className="dialog-actions">
        <Button variant="secondary" onClick={onDone} disabled={confirm.isPending}>
          Voltar
        </Button>
        <Button type="submit" loading={confirm.isPending}>
          Confirmar pagamento
        </Button>
      </div>
    </form>
  );
}
