import { useState } from 'react';
import { useNavigate } from 'react-router';
import { firstNameOf } from '#shared/domain/person-name.ts';
import type { InviteInfo } from '#shared/schemas/auth.ts';
import { checkedIf, useSubmitForm } from '#web/components/forms/use-submit-form.ts';
import { Alert } from '#web/components/ui/alert.tsx';
import { Button } from '#web/components/ui/button.tsx';
import { PasswordField } from '#web/components/ui/password-field.tsx';
import type { FieldErrors } from '#web/lib/form-errors.ts';
import { ROLE_LABELS } from '#web/lib/role-labels.ts';
import { roleHome } from '#web/lib/role-home.ts';
import { useAcceptInvite } from '#web/features/auth/api/accept-invite.ts';
import { NewPasswordField, newPasswordError } from './new-password-field';

// Without a title: a doctor invited as "Dra. Helena Duarte" reads "Olá, Helena".

/** "Olá, Ana": choose a password twice, then enter. */
export function AcceptInviteForm({ token, invite }: { token: string; invite: InviteInfo }) {
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const accept = useAcceptInvite(token);
  const navigate = useNavigate();
  const { formRef, formError, onSubmit } = useSubmitForm({
    mutation: accept,
    setErrors,
    check: () => {
      const next: FieldErrors = {};
      const passwordError = newPasswordError(password);
      if (passwordError) next.password = passwordError;
      if (!confirm) next.confirm = 'Digite a senha de novo para confirmar.';
      else if (confirm !== password) next.confirm = 'As duas senhas não são iguais.';
      return checkedIf(next, password);
    },
    success: 'Senha criada. Boas-vindas ao MedConnect!',
    onSuccess: (me) => void navigate(roleHome(me.user.role), { replace: true }),
  });

  return (
    <>
      <div className="auth-card-header">
        <h1>Olá, {firstNameOf(invite.name)}</h1>
        <p>
          Crie uma senha para acessar o MedConnect como <strong>{ROLE_LABELS[invite.role].toLowerCase()}</strong>.
        </p>
      </div>
      <form ref={formRef} className="auth-form" onSubmit={onSubmit} noValidate>
        {formError ? <Alert tone="danger">{formError}</Alert> : null}
        <NewPasswordField
          email={invite.email}
          label="Senha"
          value={password}
          onChange={setPassword}
          error={errors.password}
          hint="Pelo menos 10 caracteres. Uma frase fácil de lembrar é uma ótima senha."
        />
        <PasswordField
          label="Confirmar senha"
          name="confirm-password"
          autoComplete="new-password"
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          error={errors.confirm}
        />
        <Button type="submit" block loading={accept.isPending}>
          Definir senha e entrar
        </Button>
      </form>
    </>
  );
}
