import { ShieldCheck } from 'lucide-react';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { TCLE_PARAGRAPHS, TCLE_TITLE, TCLE_VERSION } from '#shared/domain/tcle.ts';
import { Alert } from '#web/components/ui/alert.tsx';
import { Button } from '#web/components/ui/button.tsx';
import { messageOf } from '#web/lib/api-error.ts';
import { useAcceptConsent } from '#web/features/call/api/consent.ts';
import { CallFrame } from './call-frame';

/** Before the first video consultation: the patient reads and accepts the TCLE (CFM 2.314/2022). */
export function ConsentStep({ home, doctorName }: { home: string; doctorName: string }) {
  const [checked, setChecked] = useState(false);
  const [showError, setShowError] = useState(false);
  const accept = useAcceptConsent();
  const checkId = useId();
  const errorId = useId();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!checked) {
      setShowError(true);
      return;
    }
    accept.mutate(TCLE_VERSION);
  };

  return (
    <CallFrame title="Termo de consentimento" home={home}>
      <form className="consent-card" onSubmit={onSubmit} noValidate aria-labelledby="tcle-title">
        <div className="consent-header">
          <span className="call-status-icon call-status-icon-info" aria-hidden="true">
            <ShieldCheck />
          </span>
          <div>
            <p className="consent-eyebrow">Antes da sua primeira consulta por vídeo com {doctorName}</p>
            <h1 id="tcle-title">{TCLE_TITLE}</h1>
          </div>
        </div>
        <div className="consent-text" tabIndex={0} role="region" aria-label="Texto do termo">
          {TCLE_PARAGRAPHS.map((paragraph) => (
            <p key={paragraph}>{paragraph}</p>
          ))}
          <p className="consent-version">Versão {TCLE_VERSION}. A data e a hora do seu aceite ficam registradas.</p>
        </div>
        {accept.isError ? <Alert tone="danger">{messageOf(accept.error)}</Alert> : null}
        <div className="consent-check">
          <input
            id={checkId}
            type="checkbox"
            checked={checked}
            onChange={(e) => {
              setChecked(e.target.checked);
              if (e.target.checked) setShowError(false);
            }}
            aria-invalid={showError || undefined}
            aria-describedby={showError ? errorId : undefined}
          />
          <label htmlFor={checkId}>Li e concordo com o termo</label>
        </div>
        {showError ? (
          <p className="field-error" id={errorId} role="alert">
            Marque “Li e concordo com o termo” para continuar.
          </p>
        ) : null}
        <Button type="submit" loading={accept.isPending} block>
          Aceitar e continuar
        </Button>
      </form>
    </CallFrame>
  );
}
