import { Navigate } from 'react-router';
import { ErrorState } from '../components/ui/error-state';
import { LoadingState } from '../components/ui/loading-state';
import { useMe } from '../lib/get-me';
import { messageOf } from '../lib/api-error';
import { roleHome } from '../lib/role-home';

/** "/" sends each person to their own home, or to the login page. */
export function RootRedirect() {
  const me = useMe();
  if (me.isPending) return <LoadingState fullPage />;
  if (me.isError) return <ErrorState message={messageOf(me.error)} onRetry={() => void me.refetch()} retrying={me.isFetching} />;
  if (!me.data) return <Navigate to="/entrar" replace />;
  return <Navigate to={roleHome(me.data.user.role)} replace />;
}
