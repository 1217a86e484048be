import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { Me } from '#shared/schemas/auth.ts';
import { ErrorState } from '#web/components/ui/error-state.tsx';
import { LoadingState } from '#web/components/ui/loading-state.tsx';
import { messageOf } from '#web/lib/api-error.ts';
import { useMe } from '#web/lib/get-me.ts';

interface SignedInProps {
  /** Shown while the session loads; the brand's full-page loader unless the layout has its own. */
  pending?: ReactNode;
  /** Shown to someone not signed in; by default the login page, which brings them back here after. */
  signedOut?: ReactNode;
  /** The layout, for the signed-in person. */
  children: (me: Me) => ReactNode;
}

/**
 * What every signed-in layout does first (the app frame, printable documents, the call): load the
 * session, offer a retry when it fails, send someone not signed in to the login page.
 */
export function SignedIn({ pending = <LoadingState fullPage />, signedOut, children }: SignedInProps) {
  const me = useMe();
  const location = useLocation();

  if (me.isPending) return pending;
  if (me.isError) {
    return (
      <main className="center-page">
        <ErrorState message={messageOf(me.error)} onRetry={() => void me.refetch()} retrying={me.isFetching} />
      </main>
    );
  }
  if (!me.data) return signedOut ?? <Navigate to="/entrar" replace state={{ from: location.pathname + location.search }} />;
  return children(me.data);
}
