import { KeyRound } from 'lucide-react';
import { changePasswordInputSchema } from '../../../../shared/schemas/auth';
import { checkedIf, useSubmitForm } from '../../../components/forms/use-submit-form';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card, CardHeader } from '../../../components/ui/card';
import { PasswordField } from '../../../components/ui/password-field';
import { ApiError, messageOf } from '../../../lib/api-error';
import { fieldErrorsFromIssues } from '../../../lib/form-errors';
import type { FieldErrors } from '../../../lib/form-errors';
import { useFormValues } from '../../../lib/use-form-values';
import { useChangePassword } from '../api/change-password';
import '../../../components/forms/form-section.css';

const EMPTY = { currentPassword: '', newPassword: '', confirmPassword: '' };

/** "Trocar senha": current password, new one twice. */
export function ChangePasswordForm({ email }: { email: string }) {
  const form = useFormValues(EMPTY);
  const change = useChangePassword();
  const { values, errors } = form;
  const { formRef, formError, onSubmit } = useSubmitForm({
    mutation: change,
    setErrors: form.setErrors,
    check: () => {
      const parsed = changePasswordInputSchema.safeParse({ currentPassword: values.currentPassword, newPassword: values.newPassword });
      const next: FieldErrors = parsed.success ? {} : fieldErrorsFromIssues(parsed.error.issues);
      if (!values.confirmPassword) next.confirmPassword ??= 'Digite a nova senha de novo para confirmar.';
      else if (values.confirmPassword !== values.newPassword) next.confirmPassword ??= 'As duas senhas novas não são iguais.';
      return parsed.success ? checkedIf(next, parsed.data) : { errors: next };
    },
    success: 'Senha alterada',
    onSuccess: () => form.setValues(EMPTY),
    // A wrong current password is already explained next to its box.
    formErrorOf: (error, fields) => (error instanceof ApiError && error.code === 'wrong_password' && fields.currentPassword ? null : messageOf(error)),
  });

  return (
    <Card as="section" aria-labelledby="password-title">
      <CardHeader id="password-title" title="Trocar senha" description="Use pelo menos 10 caracteres. Você continua conectado neste aparelho." />
      <form ref={formRef} className="stack-sm" onSubmit={onSubmit} noValidate>
        {formError ? <Alert tone="danger">{formError}</Alert> : null}
        <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
        <PasswordField
          label="Senha atual"
          name="current-password"
          autoComplete="current-password"
          value={values.currentPassword}
          onChange={(e) => form.setField('currentPassword', e.target.value)}
          error={errors.currentPassword}
        />
        <div className="grid-2">
          <PasswordField
            label="Nova senha"
            name="new-password"
            autoComplete="new-password"
            value={values.newPassword}
            onChange={(e) => form.setField('newPassword', e.target.value)}
            error={errors.newPassword}
          />
          <PasswordField
            label="Confirmar nova senha"
            name="confirm-password"
            autoComplete="new-password"
            value={values.confirmPassword}
            onChange={(e) => form.setField('confirmPassword', e.target.value)}
            error={errors.confirmPassword}
          />
        </div>
        <div className="form-footer">
          <Button type="submit" variant="secondary" loading={change.isPending} icon={<KeyRound aria-hidden="true" />}>
            Trocar senha
          </Button>
        </div>
      </form>
    </Card>
  );
}
