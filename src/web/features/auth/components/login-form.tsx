import { useState } from 'react';
import { useNavigate } from 'react-router';
import { loginInputSchema } from '../../../../shared/schemas/auth';
import type { Me } from '../../../../shared/schemas/auth';
import { EmailField } from '../../../components/forms/email-field';
import { checkedBy, useSubmitForm } from '../../../components/forms/use-submit-form';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { PasswordField } from '../../../components/ui/password-field';
import type { FieldErrors } from '../../../lib/form-errors';
import { roleHome } from '../../../lib/role-home';
import { useLogin } from '../api/login';

/**
 * Email + password, with inline errors and the server's message (wrong password, locked…). After
 * signing in it goes home (or back to `redirectTo`), unless `onSignedIn` takes over (the room
 * link's landing page stays where it is).
 */
export function LoginForm({ redirectTo, onSignedIn }: { redirectTo: string | null; onSignedIn?: (me: Me) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const login = useLogin();
  const navigate = useNavigate();
  const { formRef, formError, onSubmit } = useSubmitForm({
    mutation: login,
    setErrors,
    check: () => checkedBy(loginInputSchema.safeParse({ email, password })),
    onSuccess: (me) => {
      if (onSignedIn) {
        onSignedIn(me);
        return;
      }
      const home = roleHome(me.user.role);
      // Only return to a page that belongs to this role (or the shared profile).
      const target = redirectTo && (redirectTo.startsWith(home) || redirectTo === '/perfil') ? redirectTo : home;
      void navigate(target, { replace: true });
    },
  });

  return (
    <form ref={formRef} className="auth-form" onSubmit={onSubmit} noValidate>
      {formError ? <Alert tone="danger">{formError}</Alert> : null}
      <EmailField autoComplete="username" value={email} onChange={setEmail} error={errors.email} />
      <PasswordField
        label="Senha"
        name="password"
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={errors.password}
      />
      <Button type="submit" block loading={login.isPending}>
        Entrar
      </Button>
    </form>
  );
}
