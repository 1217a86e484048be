import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ToastProvider } from '#web/components/ui/toast-provider.tsx';
import { NoticesProvider } from './notices-provider';
import { queryClient } from './query-client';

/** Everything the whole app needs around it: server state, toasts, and the signed-in tab's live notices. */
export function Providers({ children }: { children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <NoticesProvider />
        {children}
      </ToastProvider>
    </QueryClientProvider>
  );
}
