import { CircleAlert, CircleCheck, Info, X } from 'lucide-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { ToastContext } from './toast-context';
import type { ToastApi, ToastTone } from './toast-context';
import './toast.css';

interface ToastItem {
  id: number;
  message: string;
  tone: ToastTone;
}

const DURATION_MS = 5000;
const MAX_TOASTS = 3;

const ICONS = { success: CircleCheck, error: CircleAlert, info: Info } as const;

/**
 * Our own tiny toast system (no library: the CSP forbids injected <style> tags). The live
 * regions stay mounted so screen readers announce every new message.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ToastItem[]>([]);
  const nextId = useRef(1);
  const timers = useRef(new Map<number, number>());

  const dismiss = useCallback((id: number) => {
    setToasts((list) => list.filter((t) => t.id !== id));
    const timer = timers.current.get(id);
    if (timer !== undefined) window.clearTimeout(timer);
    timers.current.delete(id);
  }, []);

  const notify = useCallback<ToastApi['notify']>(
    (message, tone = 'success') => {
      const id = nextId.current++;
      setToasts((list) => [...list, { id, message, tone }].slice(-MAX_TOASTS));
      timers.current.set(
        id,
        window.setTimeout(() => dismiss(id), DURATION_MS),
      );
    },
    [dismiss],
  );

  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const timer of pending.values()) window.clearTimeout(timer);
      pending.clear();
    };
  }, []);

  const api = useMemo<ToastApi>(() => ({ notify }), [notify]);

  const render = (tone: 'polite' | 'assertive') =>
    toasts
      .filter((t) => (t.tone === 'error') === (tone === 'assertive'))
      .map((t) => {
        const Icon = ICONS[t.tone];
        return (
          <div key={t.id} className={`toast toast-${t.tone}`}>
            <Icon aria-hidden="true" />
            <p className="toast-message">{t.message}</p>
            <button type="button" className="toast-close" onClick={() => dismiss(t.id)}>
              <X aria-hidden="true" />
              <span className="sr-only">Fechar aviso</span>
            </button>
          </div>
        );
      });

  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="toasts">
        <div className="toasts-region" role="status" aria-live="polite">
          {render('polite')}
        </div>
        <div className="toasts-region" role="alert" aria-live="assertive">
          {render('assertive')}
        </div>
      </div>
    </ToastContext.Provider>
  );
}
