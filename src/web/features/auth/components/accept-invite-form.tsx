import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { firstNameOf } from '../../../../shared/domain/person-name';
import { passwordSchema } from '../../../../shared/schemas/auth';
import type { InviteInfo } from '../../../../shared/schemas/auth';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { PasswordField } from '../../../components/ui/password-field';
import { useToast } from '../../../components/ui/toast-context';
import { messageOf } from '../../../lib/api-error';
import { fieldErrorsFromApi, focusFirstInvalid } from '../../../lib/form-errors';
import type { FieldErrors } from '../../../lib/form-errors';
import { ROLE_LABELS } from '../../../lib/role-labels';
import { roleHome } from '../../../lib/role-home';
import { useAcceptInvite } from '../api/accept-invite';

// Without a title: a doctor invited as "Dra. Helena Duarte" reads "Olá, Helena".

/** "Olá, Ana": choose a password twice, then enter. */
export function AcceptInviteForm({ token, invite }: { token: string; invite: InviteInfo }) {
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const accept = useAcceptInvite(token);
  const navigate = useNavigate();
  const toast = useToast();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const next: FieldErrors = {};
    const parsed = passwordSchema.safeParse(password);
    if (!parsed.success) next.password = parsed.error.issues[0]?.message ?? 'Senha inválida.';
    if (!confirm) next.confirm = 'Digite a senha de novo para confirmar.';
    else if (confirm !== password) next.confirm = 'As duas senhas não são iguais.';
    setErrors(next);
    if (Object.keys(next).length > 0) {
      focusFirstInvalid(formRef.current);
      return;
    }
    accept.mutate(password, {
      onSuccess: (me) => {
        toast.notify('Senha criada. Boas-vindas ao MedConnect!');
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
        <h1>Olá, {firstNameOf(invite.name)}</h1>
        <p>
          Crie uma senha para acessar o MedConnect como <strong>{ROLE_LABELS[invite.role].toLowerCase()}</strong>.
        </p>
      </div>
      <form ref={formRef} className="auth-form" onSubmit={onSubmit} noValidate>
        {formError ? <Alert tone="danger">{formError}</Alert> : null}
        <div className="field">
          <span className="field-label">Seu e-mail de acesso</span>
          <p className="invite-email">{invite.email}</p>
        </div>
        {/* Lets password managers store the new password with the right account. */}
        <input type="email" name="username" autoComplete="username" value={invite.email} readOnly hidden />
        <PasswordField
          label="Senha"
          name="new-password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
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
