import { Outlet, useNavigate } from 'react-router';
import type { Me } from '#shared/schemas/auth.ts';
import { useToast } from '#web/components/ui/toast-context.ts';
import { useLogout } from '#web/features/auth/api/logout.ts';
import { AppShell } from './app-shell';
import { SignedIn } from './signed-in';

/** Every signed-in page: checks the session, then draws the shell for the person's role. */
export function AppLayout() {
  return <SignedIn>{(me) => <AppFrame me={me} />}</SignedIn>;
}

function AppFrame({ me }: { me: Me }) {
  const navigate = useNavigate();
  const logout = useLogout();
  const toast = useToast();

  return (
    <AppShell
      me={me}
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
