import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { AckError } from '#shared/realtime/events.ts';
import type { ToastApi } from '#web/components/ui/toast-context.ts';
import { getRoomEvolution, roomEvolutionQueryKey, unsignedDraftIn } from '#web/features/records/api/get-room-evolution.ts';
import { finalizeRoom } from '#web/features/rooms/api/finalize-room.ts';
import type { EndStep } from './end-call-dialogs';

/** How long "Finalizar consulta" waits for the notes being typed to reach the server before asking about them. */
const DRAFT_SAVE_WAIT_MS = 5_000;

/** The Portuguese message of an ack error or ApiError. */
function messageIn(error: unknown, fallback: string): string {
  return error && typeof error === 'object' && 'message' in error && typeof error.message === 'string' ? error.message : fallback;
}

interface EndCallOptions {
  code: string;
  toast: ToastApi;
  /** Finalizes through the socket (rejects with code 'offline' when it is down). */
  finalizeViaSocket: () => Promise<{ durationSeconds: number | null }>;
  onFinalized: (durationSeconds: number | null) => void;
  /** "Assinar agora": back to the notes. */
  openNotesToSign: () => void;
  /** Sends what is being typed in the notes now. */
  saveNotes: () => Promise<unknown>;
}

/** The doctor's end of the call: which question is open, checking for an unsigned evolution, finalizing. */
export function useEndCall({ code, toast, finalizeViaSocket, onFinalized, openNotesToSign, saveNotes }: EndCallOptions) {
  const queryClient = useQueryClient();
  const [step, setStep] = useState<EndStep>(null);
  const checkingDraftRef = useRef(false);
  const [finalizing, setFinalizing] = useState(false);

  const finalize = () => {
    setFinalizing(true);
    // Through the socket when it is up; over HTTP when the realtime server is out of reach.
    const viaSocket = finalizeViaSocket().then((result) => result.durationSeconds);
    viaSocket
      .catch((error: AckError) => (error.code === 'offline' ? finalizeRoom(code).then((r) => r.consultation?.durationSeconds ?? null) : Promise.reject(error)))
      .then(
        (durationSeconds) => {
          setFinalizing(false);
          setStep(null);
          onFinalized(durationSeconds);
        },
        (error: unknown) => {
          setFinalizing(false);
          toast.notify(messageIn(error, 'Não foi possível finalizar. Tente de novo.'), 'error');
        },
      );
  };

  /**
   * "Finalizar consulta": first save what is being typed and ask the server whether this call's
   * evolution is still an unsigned draft; if so, say so before the room closes for good.
   */
  const askToFinalize = () => {
    if (checkingDraftRef.current) return;
    checkingDraftRef.current = true;
    const saved = Promise.race([saveNotes(), new Promise((resolve) => setTimeout(resolve, DRAFT_SAVE_WAIT_MS))]);
    saved
      .then(() => queryClient.fetchQuery({ queryKey: roomEvolutionQueryKey(code), queryFn: ({ signal }) => getRoomEvolution(code, signal), staleTime: 0 }))
      .then(
        (result) => setStep(unsignedDraftIn(result) ? 'unsigned' : 'finalize'),
        // Not knowing must not stop the doctor from finalizing; the end screen checks again.
        () => setStep('finalize'),
      )
      .finally(() => {
        checkingDraftRef.current = false;
      });
  };

  const signNow = () => {
    setStep(null);
    openNotesToSign();
  };

  return { step, setStep, finalizing, finalize, askToFinalize, signNow };
}

export type EndCallState = ReturnType<typeof useEndCall>;
