import { useState } from 'react';
import { useNavigate } from 'react-router';
import { loginInputSchema } from '#shared/schemas/auth.ts';
import type { Me } from '#shared/schemas/auth.ts';
import { EmailField } from '#web/components/forms/email-field.tsx';
import { checkedBy, useSubmitForm } from '#web/components/forms/use-submit-form.ts';
import { Alert } from '#web/components/ui/alert.tsx';
import { Button } from '#web/components/ui/button.tsx';
import { PasswordField } from '#web/components/ui/password-field.tsx';
import type { FieldErrors } from '#web/lib/form-errors.ts';
import { roleHome } from '#web/lib/role-home.ts';
import { useLogin } from '#web/features/auth/api/login.ts';

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
