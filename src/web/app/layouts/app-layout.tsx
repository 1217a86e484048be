import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { ErrorState } from '../../components/ui/error-state';
import { LoadingState } from '../../components/ui/loading-state';
import { useToast } from '../../components/ui/toast-context';
import { useMe } from '../../lib/get-me';
import { useLogout } from '../../features/auth/api/logout';
import { messageOf } from '../../lib/api-error';
import { AppShell } from './app-shell';

/** Every signed-in page: checks the session, then draws the shell for the person's role. */
export function AppLayout() {
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const logout = useLogout();
  const toast = useToast();

  if (me.isPending) return <LoadingState fullPage />;
  if (me.isError) {
    return (
      <main className="center-page">
        <ErrorState message={messageOf(me.error)} onRetry={() => void me.refetch()} retrying={me.isFetching} />
      </main>
    );
  }
  if (!me.data) return <Navigate to="/entrar" replace state={{ from: location.pathname + location.search }} />;

  return (
    <AppShell
      me={me.data}
      loggingOut={logout.isPending}
      onLogout={() =>
        logout.mutate(undefined, {
          onSettled: () => {
            toast.notify('Você saiu da sua conta.', 'info');
            void navigate('/entrar', { replace: true });
          },
        })
      }
    >
      <Outlet />
    </AppShell>
  );
}
