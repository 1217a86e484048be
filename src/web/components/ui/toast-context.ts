import { createContext, useContext } from 'react';
import type { ToastApi } from '#web/lib/toast-api.ts';

export type { ToastApi, ToastTone } from '#web/lib/toast-api.ts';

export const ToastContext = createContext<ToastApi | null>(null);

/** The toast API; components must be inside ToastProvider. */
export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToast must be used inside <ToastProvider>');
  return api;
}
