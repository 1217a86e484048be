import { useState } from 'react';
import { formatBRL } from '#shared/domain/money.ts';
import type { BillingRecord } from '#shared/schemas/billing.ts';
import { ReasonField, checkedReason } from '#web/components/forms/reason-field.tsx';
import { useSubmitForm } from '#web/components/forms/use-submit-form.ts';
import { Alert } from '#web/components/ui/alert.tsx';
import { Button } from '#web/components/ui/button.tsx';
import { Dialog } from '#web/components/ui/dialog.tsx';
import { messageOf } from '#web/lib/api-error.ts';
import { formatDateTime } from '#web/lib/format-date.ts';
import type { FieldErrors } from '#web/lib/form-errors.ts';
import { useDecideBilling } from '#web/features/billing/api/decide-billing.ts';

export type ReasonAction = 'reject' | 'void';

const TEXT: Readonly<Record<ReasonAction, { title: string; confirm: string; done: string; hint: string }>> = {
  reject: {
    title: 'Recusar consulta',
    confirm: 'Recusar consulta',
    done: 'Consulta recusada: não entra no faturamento.',
    hint: 'Por exemplo: o paciente não chegou a entrar na chamada.',
  },
  void: {
    title: 'Anular consulta',
    confirm: 'Anular consulta',
    done: 'Consulta anulada: saiu do faturamento.',
    hint: 'Por exemplo: consulta registrada duas vezes. O registro fica guardado, riscado.',
  },
};

/** Rejecting or voiding asks why; the reason is kept with the record. */
export function BillingReasonDialog({ asking, onClose }: { asking: { record: BillingRecord; action: ReasonAction } | null; onClose: () => void }) {
  return (
    <Dialog
      open={asking !== null}
      onClose={onClose}
      title={asking ? TEXT[asking.action].title : ''}
      description={
        asking
          ? `${asking.record.patient.name} com ${asking.record.doctor.name}, ${formatDateTime(asking.record.finishedAt)}, ${formatBRL(asking.record.priceCents)}.`
          : undefined
      }
    >
      {/* Keyed by record, so a new request starts with an empty reason. */}
      {asking ? <ReasonForm key={`${asking.record.id}-${asking.action}`} record={asking.record} action={asking.action} onDone={onClose} /> : null}
    </Dialog>
  );
}

function ReasonForm({ record, action, onDone }: { record: BillingRecord; action: ReasonAction; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const decide = useDecideBilling();
  const text = TEXT[action];
  const { formError, onSubmit } = useSubmitForm({
    mutation: decide,
    setErrors,
    check: () => checkedReason(reason, (trimmed) => ({ id: record.id, action, reason: trimmed })),
    success: text.done,
    onSuccess: () => onDone(),
    // A reason the server refused is explained next to its box.
    formErrorOf: (error, fields) => (fields.reason ? null : messageOf(error)),
  });

  return (
    <form className="billing-reason-form" noValidate onSubmit={onSubmit}>
      {formError ? <Alert tone="danger">{formError}</Alert> : null}
      <ReasonField value={reason} onChange={setReason} error={errors.reason} hint={text.hint} />
      <div className="dialog-actions">
        <Button variant="secondary" onClick={onDone} disabled={decide.isPending}>
          Cancelar
        </Button>
        <Button type="submit" variant="danger" loading={decide.isPending}>
          {text.confirm}
        </Button>
      </div>
    </form>
  );
}
