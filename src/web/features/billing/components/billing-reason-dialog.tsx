import { useState } from 'react';
import { formatBRL } from '../../../../shared/domain/money';
import type { BillingRecord } from '../../../../shared/schemas/billing';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { Field } from '../../../components/ui/field';
import { Textarea } from '../../../components/ui/textarea';
import { useToast } from '../../../components/ui/toast-context';
import { ApiError, messageOf } from '../../../lib/api-error';
import { formatDateTime } from '../../../lib/format-date';
import { useDecideBilling } from '../api/decide-billing';

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
      description={asking ? `${asking.record.patient.name} com ${asking.record.doctor.name}, ${formatDateTime(asking.record.finishedAt)}, ${formatBRL(asking.record.priceCents)}.` : undefined}
    >
      {/* Keyed by record, so a new request starts with an empty reason. */}
      {asking ? <ReasonForm key={`${asking.record.id}-${asking.action}`} record={asking.record} action={asking.action} onDone={onClose} /> : null}
    </Dialog>
  );
}

function ReasonForm({ record, action, onDone }: { record: BillingRecord; action: ReasonAction; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const decide = useDecideBilling();
  const toast = useToast();
  const text = TEXT[action];
  const formError = decide.error && !(decide.error instanceof ApiError && decide.error.fields.reason) ? messageOf(decide.error) : null;

  return (
    <form
      className="billing-reason-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (reason.trim().length < 3) {
          setFieldError('Diga o motivo (pelo menos 3 letras).');
          return;
        }
        setFieldError(undefined);
        decide.mutate(
          { id: record.id, action, reason: reason.trim() },
          {
            onSuccess: () => {
              toast.notify(text.done);
              onDone();
            },
            onError: (error) => {
              if (error instanceof ApiError && error.fields.reason) setFieldError(error.fields.reason);
            },
          },
        );
      }}
    >
      {formError ? <Alert tone="danger">{formError}</Alert> : null}
      <Field label="Motivo" error={fieldError} hint={text.hint}>
        {(control) => <Textarea {...control} value={reason} rows={3} maxLength={500} onChange={(e) => setReason(e.target.value)} autoFocus />}
      </Field>
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
