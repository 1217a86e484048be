import { ConfirmDialog } from '#web/components/confirm-dialog.tsx';
import { Button } from '#web/components/ui/button.tsx';
import { Dialog } from '#web/components/ui/dialog.tsx';

/** Which of the doctor's end-of-call questions is open. */
export type EndStep = 'hangup' | 'unsigned' | 'finalize' | null;

interface EndCallDialogsProps {
  step: EndStep;
  patientName: string;
  patientFirstName: string;
  finalizing: boolean;
  onClose: () => void;
  /** "Sair por enquanto": the room stays open and the patient is told the doctor will be back. */
  onLeaveForNow: () => void;
  /** "Finalizar consulta" chosen from the hang-up question: check for an unsigned evolution next. */
  onChooseFinalize: () => void;
  /** "Assinar agora": back to the notes, signing. */
  onSignNow: () => void;
  onFinalize: () => void;
}

/**
 * The doctor's way out of a call: the red button asks whether the consultation is over or she
 * steps out for a moment; finalizing with an unsigned evolution asks about it first.
 */
export function EndCallDialogs({
  step,
  patientName,
  patientFirstName,
  finalizing,
  onClose,
  onLeaveForNow,
  onChooseFinalize,
  onSignNow,
  onFinalize,
}: EndCallDialogsProps) {
  return (
    <>
      <Dialog
        open={step === 'hangup'}
        onClose={onClose}
        title="Sair da consulta?"
        description={`Se o atendimento terminou, finalize a consulta. Se precisa sair só por um momento, ${patientFirstName} espera na sala com um aviso de que você vai voltar.`}
        actions={
          <>
            <Button variant="secondary" onClick={onLeaveForNow}>
              Sair por enquanto
            </Button>
            <Button variant="danger" onClick={onChooseFinalize}>
              Finalizar consulta
            </Button>
          </>
        }
      />
      <Dialog
        open={step === 'unsigned'}
        onClose={onClose}
        title="A evolução ainda não foi assinada"
        description="Você escreveu uma evolução nesta consulta, mas ela ainda é um rascunho e não entra no prontuário. Assine agora, ou finalize e continue escrevendo depois."
        actions={
          <>
            <Button variant="secondary" onClick={onFinalize} loading={finalizing}>
              Finalizar mesmo assim
            </Button>
            <Button onClick={onSignNow} disabled={finalizing}>
              Assinar agora
            </Button>
          </>
        }
      />
      <ConfirmDialog
        open={step === 'finalize'}
        title="Finalizar a consulta?"
        description={`A sala fecha para sempre e a consulta com ${patientName} fica registrada com a duração de agora. Para outra consulta, será preciso abrir uma nova sala.`}
        confirmLabel="Sim, finalizar"
        confirmVariant="danger"
        loading={finalizing}
        onConfirm={onFinalize}
        onClose={onClose}
      />
    </>
  );
}
