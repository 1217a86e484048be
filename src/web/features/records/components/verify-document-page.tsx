import { CircleCheck, FileSearch, TriangleAlert } from 'lucide-react';
import { useParams } from 'react-router';
import { verificationCodeSchema } from '#shared/schemas/document-verification.ts';
import { Alert } from '#web/components/ui/alert.tsx';
import { Card } from '#web/components/ui/card.tsx';
import { ErrorState } from '#web/components/ui/error-state.tsx';
import { LoadingState } from '#web/components/ui/loading-state.tsx';
import { ApiError, messageOf } from '#web/lib/api-error.ts';
import { doctorTitle } from '#web/lib/doctor-title.ts';
import { formatDateTime } from '#web/lib/format-date.ts';
import { useDocumentTitle } from '#web/lib/use-document-title.ts';
import { useDocumentVerification } from '#web/features/records/api/verify-document.ts';
import type { DocumentVerification } from '#shared/schemas/document-verification.ts';
import './verify-document.css';

function VerifiedCard({ result }: { result: DocumentVerification }) {
  const ok = result.signed && result.intact;
  return (
    <Card as="section" className="verify-card" aria-labelledby="verify-result">
      <div className={ok ? 'verify-head verify-head-ok' : 'verify-head verify-head-bad'}>
        <span className="verify-icon" aria-hidden="true">
          {ok ? <CircleCheck /> : <TriangleAlert />}
        </span>
        <div>
          <h2 id="verify-result">{ok ? 'Documento verdadeiro' : 'Este documento não confere'}</h2>
          <p>
            {ok
              ? 'Ele foi assinado eletronicamente no MedConnect e não mudou desde então.'
              : 'O conteúdo guardado não é o mesmo que foi assinado. Procure a clínica antes de usar este documento.'}
          </p>
        </div>
      </div>
      <dl className="verify-facts">
        <div>
          <dt>Médico(a)</dt>
          <dd>{doctorTitle(result.doctor.name)}</dd>
        </div>
        <div>
          <dt>CRM</dt>
          <dd>{result.doctor.crm}</dd>
        </div>
        <div>
          <dt>Especialidade</dt>
          <dd>{result.doctor.specialty}</dd>
        </div>
        <div>
          <dt>Assinado eletronicamente</dt>
          <dd>{result.signed ? `Sim, em ${result.signedAt ? formatDateTime(result.signedAt) : 'data não registrada'}` : 'Não'}</dd>
        </div>
        <div>
          <dt>Conteúdo igual ao assinado</dt>
          <dd>{result.intact ? 'Sim' : 'Não'}</dd>
        </div>
        <div className="verify-hash">
          <dt>Código de integridade (SHA-256)</dt>
          <dd>
            <code>{result.contentHash ?? '—'}</code>
          </dd>
        </div>
      </dl>
      <Alert tone="info">
        Por privacidade, esta página não mostra o paciente nem o conteúdo. Confira no papel se o nome do médico, o CRM e a data são os mesmos.
      </Alert>
    </Card>
  );
}

/**
 * /verificar/:code — public: where the QR code of a printed prescription or evolution leads. A
 * pharmacist or the patient confirms who signed it and when, without seeing what it says.
 */
export function VerifyDocumentPage() {
  const { code = '' } = useParams();
  const wellFormed = verificationCodeSchema.safeParse(code).success;
  const verification = useDocumentVerification(code);
  useDocumentTitle('Conferir documento');
  const notFound = !wellFormed || (verification.error instanceof ApiError && (verification.error.status === 404 || verification.error.status === 400));

  return (
    <div className="verify-page">
      <header className="verify-title">
        <span className="verify-title-icon" aria-hidden="true">
          <FileSearch />
        </span>
        <div>
          <h1>Conferir documento</h1>
          <p>Receitas e evoluções emitidas pelo MedConnect trazem um QR Code que leva a esta página.</p>
        </div>
      </header>
      {notFound ? (
        <Card>
          <ErrorState title="Documento não encontrado" message="Confira se o endereço está completo, ou aponte a câmera de novo para o QR Code do documento." />
        </Card>
      ) : verification.isError ? (
        <Card>
          <ErrorState
            title="Não foi possível conferir agora"
            message={messageOf(verification.error)}
            onRetry={verification.error instanceof ApiError && verification.error.status === 429 ? undefined : () => void verification.refetch()}
            retrying={verification.isFetching}
          />
        </Card>
      ) : verification.data ? (
        <VerifiedCard result={verification.data} />
      ) : (
        <LoadingState label="Conferindo o documento…" />
      )}
    </div>
  );
}
