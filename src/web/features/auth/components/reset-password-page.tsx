import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { passwordResetTokenParamSchema } from '#shared/schemas/auth.ts';
import { useSubmitForm } from '#web/components/forms/use-submit-form.ts';
import { Alert } from '#web/components/ui/alert.tsx';
import { Button } from '#web/components/ui/button.tsx';
import { LoadingState } from '#web/components/ui/loading-state.tsx';
import type { FieldErrors } from '#web/lib/form-errors.ts';
import { roleHome } from '#web/lib/role-home.ts';
import { useDocumentTitle } from '#web/lib/use-document-title.ts';
import { useCompletePasswordReset, usePasswordReset } from '#web/features/auth/api/password-reset.ts';
import { AuthLayout } from './auth-layout';
import { NewPasswordField, newPasswordError } from './new-password-field';
import { firstNameOf } from '#shared/domain/person-name.ts';
import { ResetProblem, resetProblemOf } from './reset-problem';

/** /nova-senha/:token: the person chooses a new password; their other devices are signed out. */
export function ResetPasswordPage() {
  useDocumentTitle('Criar nova senha');
  const { token = '' } = useParams();
  const wellFormed = passwordResetTokenParamSchema.safeParse({ token }).success;
  const reset = usePasswordReset(token, wellFormed);

  let content;
  if (!wellFormed) content = <ResetProblem kind="invalid" />;
  else if (reset.isPending) content = <LoadingState label="Abrindo seu link…" />;
  else if (reset.isError) content = <ResetProblem kind={resetProblemOf(reset.error)} onRetry={() => void reset.refetch()} />;
  else content = <ResetPasswordForm token={token} name={reset.data.name} email={reset.data.email} />;
  return <AuthLayout>{content}</AuthLayout>;
}

function ResetPasswordForm({ token, name, email }: { token: string; name: string; email: string }) {
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const complete = useCompletePasswordReset(token);
  const navigate = useNavigate();
  const { formRef, formError, onSubmit } = useSubmitForm({
    mutation: complete,
    setErrors,
    check: () => {
      const error = newPasswordError(password);
      return error ? { errors: { password: error } } : { data: password };
    },
    success: 'Senha nova criada. Nos outros aparelhos, entre de novo com ela.',
    onSuccess: (me) => void navigate(roleHome(me.user.role), { replace: true }),
  });

  return (
    <>
      <div className="auth-card-header">
        <h1>Olá, {firstNameOf(name)}</h1>
        <p>Crie uma senha nova para entrar no MedConnect. A senha antiga deixa de funcionar.</p>
      </div>
      <form ref={formRef} className="auth-form" onSubmit={onSubmit} noValidate>
        {formError ? <Alert tone="danger">{formError}</Alert> : null}
        <NewPasswordField
          email={email}
          label="Senha nova"
          value={password}
          onChange={setPassword}
          error={errors.password}
          hint="Pelo menos 10 caracteres. Toque no olho para ver o que digitou."
        />
        <Button type="submit" block loading={complete.isPending}>
          Salvar senha e entrar
        </Button>
      </form>
    </>
  );
}
