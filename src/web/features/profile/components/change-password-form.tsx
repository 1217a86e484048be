import { KeyRound } from 'lucide-react';
import { changePasswordInputSchema } from '#shared/schemas/auth.ts';
import { checkedIf, useSubmitForm } from '#web/components/forms/use-submit-form.ts';
import { Alert } from '#web/components/ui/alert.tsx';
import { Button } from '#web/components/ui/button.tsx';
import { Card, CardHeader } from '#web/components/ui/card.tsx';
import { PasswordField } from '#web/components/ui/password-field.tsx';
import { ApiError, messageOf } from '#web/lib/api-error.ts';
import { fieldErrorsFromIssues } from '#web/lib/form-errors.ts';
import type { FieldErrors } from '#web/lib/form-errors.ts';
import { useFormValues } from '#web/lib/use-form-values.ts';
import { useChangePassword } from '#web/features/profile/api/change-password.ts';
import '#web/components/forms/form-section.css';

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
