import { formatBRL } from '#shared/domain/money.ts';
import { Alert } from '#web/components/ui/alert.tsx';
import { Button } from '#web/components/ui/button.tsx';
import { Dialog } from '#web/components/ui/dialog.tsx';
import { messageOf } from '#web/lib/api-error.ts';
import { useCloseMonth } from '#web/features/payments/api/close-month.ts';
import { doctorsCountText } from '#web/features/payments/model/closing-text.ts';
import { paymentMonthLabel, paymentMonthName } from '#web/features/payments/model/payment-text.ts';

interface Props {
  open: boolean;
  month: string;
  doctors: number;
  netCents: number;
  withoutKey: number;
  supplementary: boolean;
  onClose: () => void;
  onClosed: (payments: number) => void;
}

/** "Fechar mês?": what happens, in plain words, before anything is created. */
export function CloseMonthDialog({ open, month, doctors, netCents, withoutKey, supplementary, onClose, onClosed }: Props) {
  const close = useCloseMonth();
  const cancel = () => {
    close.reset();
    onClose();
  };
  return (
    <Dialog
      open={open}
      onClose={cancel}
      title={supplementary ? `Fechar o que ficou em aberto em ${paymentMonthName(month)}?` : `Fechar ${paymentMonthLabel(month)}?`}
      actions={
        <>
          <Button variant="secondary" onClick={cancel} disabled={close.isPending}>
            Voltar
          </Button>
          <Button
            loading={close.isPending}
            onClick={() =>
              close.mutate(month, {
                onSuccess: (result) => {
                  close.reset();
                  onClosed(result.payments.length);
                },
              })
            }
          >
            {supplementary ? 'Fazer fechamento complementar' : 'Fechar mês'}
          </Button>
        </>
      }
    >
      <div className="closing-dialog-text">
        {close.isError ? <Alert tone="danger">{messageOf(close.error)}</Alert> : null}
        <ul>
          <li>
            Cria um pagamento para cada médico da lista: {doctorsCountText(doctors)}, {formatBRL(netCents)} no total.
          </li>
          <li>As consultas desses pagamentos ficam travadas: não dá mais para anular nem mudar o valor delas.</li>
          <li>O nome, o CRM e a chave PIX de cada médico ficam guardados como estão hoje.</li>
          <li>Consultas que entrarem depois (uma aprovação, por exemplo) vão para um fechamento complementar.</li>
          {withoutKey > 0 ? <li>Quem está sem chave PIX só pode ser pago depois de cadastrar a chave.</li> : null}
        </ul>
        <p>Depois, pague cada médico por PIX e confirme o pagamento aqui. O médico confirma quando receber.</p>
      </div>
    </Dialog>
  );
}
