import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorState } from '../../components/ui/error-state';
import { LoadingState } from '../../components/ui/loading-state';
import { useMe } from '../../features/auth/api/get-me';
import { messageOf } from '../../lib/api-error';
import { roleHome } from '../../lib/role-home';
import './call-layout.css';

/**
 * The consultation room's frame: signed-in doctors and patients only, full screen and dark,
 * without the sidebar (the call page draws its own bar and a compact footer).
 */
export function CallLayout() {
  const me = useMe();
  const location = useLocation();

  if (me.isPending) {
    return (
      <div className="call-shell">
        <LoadingState fullPage tone="dark" label="Preparando a consulta…" />
      </div>
    );
  }
  if (me.isError) {
    return (
      <main className="center-page">
        <ErrorState message={messageOf(me.error)} onRetry={() => void me.refetch()} retrying={me.isFetching} />
      </main>
    );
  }
  if (!me.data) return <Navigate to="/entrar" replace state={{ from: location.pathname + location.search }} />;
  if (me.data.user.role === 'admin') return <Navigate to={roleHome('admin')} replace />;
  return (
    <div className="call-shell">
      <Outlet />
    </div>
  );
}
