import { useCallback } from 'react';
import type { ToastApi } from '#web/components/ui/toast-context.ts';
import type { LocalMediaStore } from '#web/features/call/media/media-store.ts';

/** Microphone, camera and screen-share buttons of the call, with a toast when the device fails. */
export function useMediaToggles(store: LocalMediaStore, toast: ToastApi) {
  const toggleMic = useCallback(() => {
    if (!store.microphone) {
      store
        .reopenMicrophone()
        .catch(() =>
          toast.notify(
            `${store.getSnapshot().audioProblem?.title ?? 'Não foi possível ligar o microfone'}. ${store.getSnapshot().audioProblem?.help ?? ''}`,
            'error',
          ),
        );
      return;
    }
    store.setMicOn(!store.getSnapshot().micOn);
  }, [store, toast]);

  const toggleCamera = useCallback(() => {
    const on = store.getSnapshot().camera !== null;
    store
      .setCameraOn(!on)
      .catch(() =>
        toast.notify(
          `${store.getSnapshot().videoProblem?.title ?? 'Não foi possível ligar a câmera'}. ${store.getSnapshot().videoProblem?.help ?? ''}`,
          'error',
        ),
      );
  }, [store, toast]);

  const toggleShare = () => {
    if (store.getSnapshot().screen) {
      store.stopScreenShare();
      return;
    }
    store.startScreenShare().catch((error: unknown) => {
      // Closing the browser's picker is not an error worth a message.
      if (error instanceof DOMException && error.name === 'NotAllowedError') return;
      toast.notify('Não foi possível compartilhar a tela.', 'error');
    });
  };

  return { toggleMic, toggleCamera, toggleShare };
}
