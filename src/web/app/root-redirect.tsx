import { Navigate } from 'react-router';
import { ErrorState } from '#web/components/ui/error-state.tsx';
import { LoadingState } from '#web/components/ui/loading-state.tsx';
import { useMe } from '#web/lib/get-me.ts';
import { messageOf } from '#web/lib/api-error.ts';
import { roleHome } from '#web/lib/role-home.ts';

/** "/" sends each person to their own home, or to the login page. */
export function RootRedirect() {
  const me = useMe();
  if (me.isPending) return <LoadingState fullPage />;
  if (me.isError) return <ErrorState message={messageOf(me.error)} onRetry={() => void me.refetch()} retrying={me.isFetching} />;
  if (!me.data) return <Navigate to="/entrar" replace />;
  return <Navigate to={roleHome(me.data.user.role)} replace />;
}
