export type ToastTone = 'success' | 'error' | 'info';

/** What a toast can do, for code outside React too (app-wide notices); components get it with `useToast`. */
export interface ToastApi {
  /** Shows a short message for a few seconds, announced to screen readers. */
  notify: (message: string, tone?: ToastTone) => void;
}
