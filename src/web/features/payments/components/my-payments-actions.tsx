import { CircleCheck, MessageCircleWarning } from 'lucide-react';
import { useState } from 'react';
import { formatBRL } from '#shared/domain/money.ts';
import type { Payment } from '#shared/schemas/payments.ts';
import { Alert } from '#web/components/ui/alert.tsx';
import { Button } from '#web/components/ui/button.tsx';
import { Dialog } from '#web/components/ui/dialog.tsx';
import { Field } from '#web/components/ui/field.tsx';
import { Textarea } from '#web/components/ui/textarea.tsx';
import { useToast } from '#web/components/ui/toast-context.ts';
import { ApiError, messageOf } from '#web/lib/api-error.ts';
import { useAnswerMyPayment } from '#web/features/payments/api/my-payment-actions.ts';
import { paymentMonthName } from '#web/features/payments/model/payment-text.ts';
import { pixKeyText } from '#web/features/payments/model/payment-timeline.ts';

type Asking = 'received' | 'dispute' | null;

/**
 * The doctor's two answers to a payment the clinic marked as paid: "Confirmar recebimento"
 * (after a confirmation) and "Não recebi" (saying what happened). Nothing for other states.
 */
export function MyPaymentActions({ payment, size = 'md' }: { payment: Payment; size?: 'md' | 'sm' }) {
  const [asking, setAsking] = useState<Asking>(null);
  if (payment.status !== 'paid') return null;
  const month = paymentMonthName(payment.month);
  return (
    <div className="my-payments-actions">
      <Button
        size={size}
        icon={<CircleCheck aria-hidden="true" />}
        onClick={() => setAsking('received')}
        aria-label={`Confirmar recebimento do pagamento de ${month}`}
      >
        Confirmar recebimento
      </Button>
      <Button
        size={size}
        variant="secondary"
        icon={<MessageCircleWarning aria-hidden="true" />}
        onClick={() => setAsking('dispute')}
        aria-label={`Não recebi o pagamento de ${month}`}
      >
        Não recebi
      </Button>
      <ReceivedDialog payment={payment} open={asking === 'received'} onClose={() => setAsking(null)} />
      <Dialog
        open={asking === 'dispute'}
        onClose={() => setAsking(null)}
        title="O pagamento não chegou?"
        description={`Conte à clínica o que aconteceu com o pagamento de ${month} (${formatBRL(payment.netCents)}). Ela vai conferir e responder.`}
      >
        {/* Mounted per opening, so each starts with an empty message. */}
        {asking === 'dispute' ? <DisputeForm payment={payment} onDone={() => setAsking(null)} /> : null}
      </Dialog>
    </div>
  );
}

function ReceivedDialog({ payment, open, onClose }: { payment: Payment; open: boolean; onClose: () => void }) {
  const answer = useAnswerMyPayment();
  const toast = useToast();
  const key = pixKeyText(payment.pixKey);
  const close = () => {
    answer.reset();
    onClose();
  };
  return (
    <Dialog
      open={open}
      onClose={close}
      title="Confirmar recebimento"
      description={`Você recebeu ${formatBRL(payment.netCents)} do pagamento de ${paymentMonthName(payment.month)}${key ? ` na sua chave PIX (${key})` : ''}? Confira no seu banco antes de confirmar.`}
      actions={
        <>
          <Button variant="secondary" onClick={close} disabled={answer.isPending}>
            Cancelar
          </Button>
          <Button
            loading={answer.isPending}
            onClick={() =>
              answer.mutate(
                { id: payment.id, action: 'received' },
                {
                  onSuccess: () => {
                    toast.notify('Recebimento confirmado. Obrigado!');
                    close();
                  },
                },
              )
            }
          >
            Sim, recebi
          </Button>
        </>
      }
    >
      {answer.error ? <Alert tone="danger">{messageOf(answer.error)}</Alert> : null}
    </Dialog>
  );
}

function DisputeForm({ payment, onDone }: { payment: Payment; onDone: () => void }) {
  const [message, setMessage] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const answer = useAnswerMyPayment();
  const toast = useToast();
  const formError = answer.error && !(answer.error instanceof ApiError && answer.error.fields.message) ? messageOf(answer.error) : null;
  return (
    <form
      className="my-payments-dispute-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (message.trim().length < 3) {
          setFieldError('Diga o que aconteceu (pelo menos 3 letras).');
          return;
        }
        setFieldError(undefined);
        answer.mutate(
          { id: payment.id, action: 'dispute', message: message.trim() },
          {
            onSuccess: () => {
              toast.notify('Avisamos a clínica. A resposta aparece aqui, no histórico do pagamento.');
              onDone();
            },
            onError: (error) => {
              if (error instanceof ApiError && error.fields.message) setFieldError(error.fields.message);
            },
          },
        );
      }}
    >
      {formError ? <Alert tone="danger">{formError}</Alert> : null}
      <Field label="O que aconteceu?" error={fieldError} hint="Por exemplo: o PIX não apareceu no meu extrato até hoje.">
        {(control) => <Textarea {...control} value={message} rows={3} maxLength={500} onChange={(e) => setMessage(e.target.value)} autoFocus />}
      </Field>
      <div className="dialog-actions">
        <Button variant="secondary" onClick={onDone} disabled={answer.isPending}>
          Cancelar
        </Button>
        <Button type="submit" loading={answer.isPending}>
          Avisar a clínica
        </Button>
      </div>
    </form>
  );
}
