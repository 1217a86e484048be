import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { TCLE_PARAGRAPHS, TCLE_TITLE, TCLE_VERSION } from '#shared/domain/tcle.ts';
import type { InviteInfo, Me } from '#shared/schemas/auth.ts';
import { checkedIf, useSubmitForm } from '#web/components/forms/use-submit-form.ts';
import { Alert } from '#web/components/ui/alert.tsx';
import { Button } from '#web/components/ui/button.tsx';
import type { FieldErrors } from '#web/lib/form-errors.ts';
import { acceptInvite } from '#web/features/auth/api/accept-invite.ts';
import { NewPasswordField, newPasswordError } from './new-password-field';
import { meQueryKey } from '#web/lib/get-me.ts';

interface RoomInviteFormProps {
  token: string;
  invite: InviteInfo;
  acceptConsent: (version: string) => Promise<unknown>;
  onSignedIn: (me: Me) => void;
}

/**
 * One step for a first-time patient: a password (shown on request instead of typed twice) and the
 * telemedicine consent term, then straight to the pre-call check. The consent is a box the
 * patient ticks, as on the call page, with the whole term one tap away.
 */
export function RoomInviteForm({ token, invite, acceptConsent, onSignedIn }: RoomInviteFormProps) {
  const [password, setPassword] = useState('');
  const [consent, setConsent] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const consentId = useId();
  const consentErrorId = useId();
  const queryClient = useQueryClient();

  const enter = useMutation({
    mutationFn: async (chosen: string) => {
      const me = await acceptInvite(token, chosen);
      // The password is set and the session open: a failed consent only means the call page asks again.
      await acceptConsent(TCLE_VERSION).catch(() => undefined);
      return me;
    },
    onSuccess: (me) => {
      // Forget any earlier session's data, but keep the queries this screen still shows (and the
      // session itself, which the call frame is watching: setting it must reach that observer).
      queryClient.removeQueries({ predicate: (query) => !['invite', 'room-landing', ...meQueryKey].includes(String(query.queryKey[0])) });
      queryClient.setQueryData(meQueryKey, me);
      onSignedIn(me);
    },
  });

  const { formRef, formError, onSubmit } = useSubmitForm({
    mutation: enter,
    setErrors,
    check: () => {
      const next: FieldErrors = {};
      const passwordError = newPasswordError(password);
      if (passwordError) next.password = passwordError;
      if (!consent) next.consent = 'Marque “Li e concordo com o termo” para continuar.';
      return checkedIf(next, password);
    },
  });

  return (
    <form ref={formRef} className="auth-form" onSubmit={onSubmit} noValidate>
      {formError ? <Alert tone="danger">{formError}</Alert> : null}
      <NewPasswordField
        email={invite.email}
        label="Crie uma senha"
        value={password}
        onChange={setPassword}
        error={errors.password}
        hint="Pelo menos 10 caracteres. Toque no olho para ver o que digitou."
      />
      <div className="room-landing-consent">
        <details>
          <summary>{TCLE_TITLE}</summary>
          <div className="room-landing-tcle" tabIndex={0} role="region" aria-label="Texto do termo">
            {TCLE_PARAGRAPHS.map((paragraph) => (
              <p key={paragraph}>{paragraph}</p>
            ))}
            <p className="room-landing-tcle-version">Versão {TCLE_VERSION}. A data e a hora do seu aceite ficam registradas.</p>
          </div>
        </details>
        <div className="room-landing-check">
          <input
            id={consentId}
            type="checkbox"
            checked={consent}
            onChange={(e) => {
              setConsent(e.target.checked);
              if (e.target.checked) setErrors(({ consent: _removed, ...rest }) => rest);
            }}
            aria-invalid={errors.consent ? true : undefined}
            aria-describedby={errors.consent ? consentErrorId : undefined}
          />
          <label htmlFor={consentId}>Li e concordo com o termo de consentimento para consulta por vídeo</label>
        </div>
        {errors.consent ? (
          <p className="field-error" id={consentErrorId} role="alert">
            {errors.consent}
          </p>
        ) : null}
      </div>
      <Button type="submit" block loading={enter.isPending}>
        Criar senha e entrar
      </Button>
    </form>
  );
}
