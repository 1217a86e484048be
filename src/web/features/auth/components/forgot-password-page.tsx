import { MailCheck, MessageCircle } from 'lucide-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { forgotPasswordInputSchema } from '#shared/schemas/auth.ts';
import { EmailField } from '#web/components/forms/email-field.tsx';
import { checkedBy, useSubmitForm } from '#web/components/forms/use-submit-form.ts';
import { Alert } from '#web/components/ui/alert.tsx';
import { Button } from '#web/components/ui/button.tsx';
import { LoadingState } from '#web/components/ui/loading-state.tsx';
import type { FieldErrors } from '#web/lib/form-errors.ts';
import { useDocumentTitle } from '#web/lib/use-document-title.ts';
import { useForgotPassword } from '#web/features/auth/api/forgot-password.ts';
import { useAuthOptions } from '#web/features/auth/api/get-auth-options.ts';
import { AuthLayout } from './auth-layout';
import './invite-problem.css';

/**
 * /esqueci-senha: where the clinic sends e-mail, the person asks for a link by e-mail; where it
 * does not, the page says who can make one (the clinic or their doctor, by WhatsApp) instead of
 * offering a form that would send nothing.
 */
export function ForgotPasswordPage() {
  useDocumentTitle('Esqueci minha senha');
  const options = useAuthOptions();
  let content;
  if (options.isPending) content = <LoadingState label="Carregando…" />;
  else if (options.data?.passwordResetByEmail) content = <ForgotPasswordForm />;
  else content = <AskTheClinic />;
  return (
    <AuthLayout>
      {content}
      <p className="auth-forgot">
        <Link to="/entrar">Voltar para a página de entrada</Link>
      </p>
    </AuthLayout>
  );
}

function AskTheClinic() {
  return (
    <div className="invite-problem">
      <span className="invite-problem-icon" aria-hidden="true">
        <MessageCircle />
      </span>
      <h1>Esqueceu sua senha?</h1>
      <p>Peça à clínica ou ao seu médico um link para criar uma senha nova. Eles enviam pelo WhatsApp, e o link vale por 24 horas.</p>
    </div>
  );
}

function ForgotPasswordForm() {
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [sentTo, setSentTo] = useState<string | null>(null);
  const forgot = useForgotPassword();
  const { formRef, formError, onSubmit } = useSubmitForm({
    mutation: forgot,
    setErrors,
    check: () => checkedBy(forgotPasswordInputSchema.safeParse({ email })),
    onSuccess: (_, sent) => setSentTo(sent.email),
  });

  if (sentTo) {
    return (
      <div className="invite-problem" role="status">
        <span className="invite-problem-icon invite-problem-used" aria-hidden="true">
          <MailCheck />
        </span>
        <h1>Confira seu e-mail</h1>
        <p>
          Se <strong>{sentTo}</strong> tiver conta no MedConnect, enviamos um link para criar uma senha nova. O link vale por 1 hora. Não chegou? Olhe a caixa
          de spam ou peça um link à clínica.
        </p>
      </div>
    );
  }

  return (
    <>
      <div className="auth-card-header">
        <h1>Esqueci minha senha</h1>
        <p>Digite o e-mail da sua conta. Enviamos um link para você criar uma senha nova.</p>
      </div>
      <form ref={formRef} className="auth-form" onSubmit={onSubmit} noValidate>
        {formError ? <Alert tone="danger">{formError}</Alert> : null}
        <EmailField autoComplete="username" value={email} onChange={setEmail} error={errors.email} />
        <Button type="submit" block loading={forgot.isPending}>
          Enviar link
        </Button>
      </form>
    </>
  );
}
