import { Link, Navigate, useLocation } from 'react-router';
import { useDocumentTitle } from '#web/lib/use-document-title.ts';
import { roleHome } from '#web/lib/role-home.ts';
import { useCachedMe } from '#web/lib/get-me.ts';
import { AuthLayout } from './auth-layout';
import { LoginForm } from './login-form';

/** /entrar: email and password. Someone already signed in goes straight home. */
export function LoginPage() {
  useDocumentTitle('Entrar');
  const { data: me } = useCachedMe();
  const location = useLocation();
  if (me) return <Navigate to={roleHome(me.user.role)} replace />;
  const from = (location.state as { from?: unknown } | null)?.from;
  return (
    <AuthLayout>
      <div className="auth-card-header">
        <h1>Entrar</h1>
        <p>Use o e-mail e a senha da sua conta na clínica.</p>
      </div>
      <LoginForm redirectTo={typeof from === 'string' && from.startsWith('/') ? from : null} />
      <p className="auth-forgot">
        <Link to="/esqueci-senha">Esqueci minha senha</Link>
      </p>
      <p className="auth-note">Primeiro acesso? Abra o link que a clínica enviou para você.</p>
    </AuthLayout>
  );
}
