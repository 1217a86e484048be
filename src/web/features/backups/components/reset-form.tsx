import { TriangleAlert } from 'lucide-react';
import { useRef, useState } from 'react';
import type { ResetResult } from '#shared/schemas/reset.ts';
import { RESET_PHRASE, isResetPhrase } from '#shared/domain/reset-phrase.ts';
import { Alert } from '#web/components/ui/alert.tsx';
import { Button } from '#web/components/ui/button.tsx';
import { PasswordField } from '#web/components/ui/password-field.tsx';
import { TextField } from '#web/components/ui/text-field.tsx';
import { ApiError, messageOf } from '#web/lib/api-error.ts';
import { fieldErrorsFromApi, focusFirstInvalid } from '#web/lib/form-errors.ts';
import { useResetDatabase } from '#web/features/backups/api/reset.ts';

/** The errors the form shows beside its fields; anything else becomes the alert above the button. */
const FIELD_ERRORS = new Set(['confirmation', 'password']);

/** Plain words for the answers that are not about a field. */
function alertText(error: unknown): { title: string; message: string } {
  if (error instanceof ApiError) {
    if (error.status === 409)
      return {
        title: 'Já há uma redefinição em andamento',
        message: 'Outra pessoa da administração começou uma redefinição agora. Espere ela terminar e confira o resultado em Backups.',
      };
    if (error.status === 507)
      return {
        title: 'Nada foi apagado',
        message:
          'Não foi possível gravar o backup no servidor (disco cheio ou pasta sem permissão). Sem backup conferido, a redefinição não acontece. Fale com quem cuida do servidor.',
      };
    if (error.status === 403) return { title: 'A redefinição não está disponível', message: error.message };
  }
  return { title: 'A redefinição não foi feita', message: messageOf(error) };
}

/** Types the phrase and the password; the button stays off until the phrase is right. */
export function ResetForm({ onDone }: { onDone: (result: ResetResult) => void }) {
  const [phrase, setPhrase] = useState('');
  const [password, setPassword] = useState('');
  const reset = useResetDatabase();
  const formRef = useRef<HTMLFormElement>(null);
  const ready = isResetPhrase(phrase) && password.length > 0;
  const fields = reset.isError ? fieldErrorsFromApi(reset.error) : {};
  const other = reset.isError && !Object.keys(fields).some((key) => FIELD_ERRORS.has(key)) ? alertText(reset.error) : null;

  return (
    <form
      ref={formRef}
      className="reset-form"
      noValidate
      aria-labelledby="reset-form-title"
      onSubmit={(event) => {
        event.preventDefault();
        if (!ready || reset.isPending) return;
        reset.mutate(
          { confirmation: phrase, password },
          {
            onSuccess: onDone,
            onError: () => {
              setPassword('');
              focusFirstInvalid(formRef.current);
            },
          },
        );
      }}
    >
      <h2 id="reset-form-title">Confirme a redefinição</h2>
      <TextField
        label={`Digite ${RESET_PHRASE} para confirmar`}
        hint="Em letras maiúsculas, como está escrito."
        name="confirmation"
        value={phrase}
        onChange={(event) => setPhrase(event.target.value)}
        error={fields.confirmation}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
      />
      <PasswordField
        label="Sua senha"
        hint="A mesma que você usa para entrar."
        name="password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={fields.password}
        autoComplete="current-password"
      />
      {other ? (
        <Alert tone="danger" title={other.title}>
          <p>{other.message}</p>
        </Alert>
      ) : null}
      {reset.isPending ? (
        <div className="backup-progress" role="status">
          <p>Fazendo o backup e conferindo. Depois, as consultas em andamento são encerradas e os dados são apagados. Não feche esta página.</p>
          <progress aria-label="Redefinição em andamento" />
        </div>
      ) : null}
      <div className="reset-form-actions">
        <Button type="submit" variant="danger" disabled={!ready} loading={reset.isPending} icon={<TriangleAlert aria-hidden="true" />}>
          Redefinir banco de dados
        </Button>
        {!isResetPhrase(phrase) ? (
          <p className="muted" id="reset-why-disabled">
            O botão só funciona depois de digitar {RESET_PHRASE} e a sua senha.
          </p>
        ) : null}
      </div>
    </form>
  );
}
