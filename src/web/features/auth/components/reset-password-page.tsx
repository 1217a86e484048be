import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { passwordResetTokenParamSchema, passwordSchema } from '../../../../shared/schemas/auth';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { LoadingState } from '../../../components/ui/loading-state';
import { PasswordField } from '../../../components/ui/password-field';
import { useToast } from '../../../components/ui/toast-context';
import { messageOf } from '../../../lib/api-error';
import { fieldErrorsFromApi, focusFirstInvalid } from '../../../lib/form-errors';
import type { FieldErrors } from '../../../lib/form-errors';
import { roleHome } from '../../../lib/role-home';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useCompletePasswordReset, usePasswordReset } from '../api/password-reset';
import { AuthLayout } from './auth-layout';
import { firstNameOf } from '../../../../shared/domain/person-name';
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
  const [formError, setFormError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const complete = useCompletePasswordReset(token);
  const navigate = useNavigate();
  const toast = useToast();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const parsed = passwordSchema.safeParse(password);
    if (!parsed.success) {
      setErrors({ password: parsed.error.issues[0]?.message ?? 'Senha inválida.' });
      focusFirstInvalid(formRef.current);
      return;
    }
    setErrors({});
    complete.mutate(password, {
      onSuccess: (me) => {
        toast.notify('Senha nova criada. Nos outros aparelhos, entre de novo com ela.');
        void navigate(roleHome(me.user.role), { replace: true });
      },
      onError: (error) => {
        setErrors(fieldErrorsFromApi(error));
        setFormError(messageOf(error));
      },
    });
  };

  return (
    <>
      <div className="auth-card-header">
        <h1>Olá, {firstNameOf(name)}</h1>
        <p>Crie uma senha nova para entrar no MedConnect. A senha antiga deixa de funcionar.</p>
      </div>
      <form ref={formRef} className="auth-form" onSubmit={onSubmit} noValidate>
        {formError ? <Alert tone="danger">{formError}</Alert> : null}
        <div className="field">
          <span className="field-label">Seu e-mail de acesso</span>
          <p className="invite-email">{email}</p>
        </div>
        {/* Lets password managers store the new password with the right account. */}
        <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
        <PasswordField
          label="Senha nova"
          name="new-password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
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
