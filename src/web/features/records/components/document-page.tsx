import { ArrowLeft, Printer } from 'lucide-react';
import { Link, useNavigate, useParams } from 'react-router';
import type { PrintableDocument } from '#shared/schemas/records.ts';
import { formatCpf } from '#shared/domain/cpf-cnpj.ts';
import { Button } from '#web/components/ui/button.tsx';
import { ErrorState } from '#web/components/ui/error-state.tsx';
import { LoadingState } from '#web/components/ui/loading-state.tsx';
import { ApiError, messageOf } from '#web/lib/api-error.ts';
import { doctorTitle } from '#web/lib/doctor-title.ts';
import { formatCalendarDate, formatDate, formatDateTime } from '#web/lib/format-date.ts';
import { formatPhone } from '#web/lib/format-phone.ts';
import { roleHome } from '#web/lib/role-home.ts';
import { useDocumentTitle } from '#web/lib/use-document-title.ts';
import { useMe } from '#web/lib/get-me.ts';
import { useDocument } from '#web/features/records/api/get-document.ts';
import { documentKindFromSlug } from '#web/features/records/model/record-text.ts';
import { DocumentVerification } from './document-verification';
import { DiagnosisList, EvolutionText, PrescriptionList } from './evolution-content';
import { durationText } from '#web/features/records/model/prescription-text.ts';
import './document.css';

function PrescriptionItems({ doc }: { doc: PrintableDocument }) {
  return (
    <ol className="doc-rx">
      {doc.evolution.prescriptions.map((p, i) => (
        <li key={`${p.medicine}-${i}`}>
          <p className="doc-rx-medicine">
            <span className="doc-rx-number">{i + 1}.</span> {p.medicine}
            {p.dose ? <span className="doc-rx-dose"> — {p.dose}</span> : null}
          </p>
          <p className="doc-rx-how">{[p.route && `Via ${p.route.toLowerCase()}`, p.frequency, durationText(p.duration)].filter(Boolean).join(' · ')}</p>
          {p.instructions ? <p className="doc-rx-instructions clinical-text">{p.instructions}</p> : null}
        </li>
      ))}
    </ol>
  );
}

function DocumentBody({ doc }: { doc: PrintableDocument }) {
  const { clinic, doctor, patient, evolution } = doc;
  const prescription = doc.kind === 'prescription';
  const crm = `CRM/${doctor.crmUf} ${doctor.crmNumber}`;
  return (
    <article className="doc-page" aria-labelledby="doc-title">
      <header className="doc-header">
        <div>
          <p className="doc-clinic">{clinic.name}</p>
          {clinic.address ? <p className="doc-clinic-address">{clinic.address}</p> : null}
        </div>
        <div className="doc-header-end">
          <h1 id="doc-title">{prescription ? 'Receita' : 'Evolução clínica'}</h1>
          <p>{formatDate(evolution.finalizedAt ?? doc.issuedAt)}</p>
        </div>
      </header>

      <section className="doc-people" aria-label="Médico e paciente">
        <div>
          <p className="doc-label">Médico(a)</p>
          <p className="doc-strong">{doctorTitle(doctor.name)}</p>
          <p>
            {crm}
            {doctor.rqe ? ` · RQE ${doctor.rqe}` : ''} · {doctor.specialty}
          </p>
          {doctor.phone ? <p>Telefone {formatPhone(doctor.phone)}</p> : null}
          <p>{doctor.email}</p>
        </div>
        <div>
          <p className="doc-label">Paciente</p>
          <p className="doc-strong">{patient.name}</p>
          <p>
            {patient.cpf ? `CPF ${formatCpf(patient.cpf)}` : 'CPF não informado'}
            {patient.birthDate ? ` · Nascimento ${formatCalendarDate(patient.birthDate)}` : ''}
          </p>
        </div>
      </section>

      <section className="doc-body" aria-label={prescription ? 'Medicamentos' : 'Registro do atendimento'}>
        {prescription ? (
          <>
            <p className="doc-use">Uso conforme orientação abaixo</p>
            <PrescriptionItems doc={doc} />
          </>
        ) : (
          <>
            <EvolutionText entry={evolution} />
            <DiagnosisList entry={evolution} />
            <PrescriptionList entry={evolution} title="Prescrição" />
          </>
        )}
        {/* Corrections travel with the document: a prescription printed after an addendum shows it. */}
        {doc.addenda.length > 0 ? (
          <div className="doc-addenda">
            {doc.addenda.map((a) => (
              <section key={a.id} className="doc-addendum" aria-label={`Adendo de ${formatDateTime(a.finalizedAt ?? a.createdAt)}`}>
                <p className="doc-label">Adendo de {formatDateTime(a.finalizedAt ?? a.createdAt)}</p>
                <EvolutionText entry={a} />
                <DiagnosisList entry={a} />
                <PrescriptionList entry={a} title="Prescrição" />
              </section>
            ))}
          </div>
        ) : null}
      </section>

      <footer className="doc-footer">
        <div className="doc-signature">
          <span className="doc-signature-line" aria-hidden="true" />
          <p className="doc-strong">{doctorTitle(doctor.name)}</p>
          <p>
            {crm}
            {doctor.rqe ? ` · RQE ${doctor.rqe}` : ''}
          </p>
          {evolution.finalizedAt ? <p className="doc-small">Assinado eletronicamente em {formatDateTime(evolution.finalizedAt)}</p> : null}
        </div>
        <DocumentVerification url={doc.verificationUrl} issuedAt={doc.issuedAt} />
      </footer>
    </article>
  );
}

const KNOWN_PROBLEMS: Record<string, string> = {
  evolution_not_final: 'Esta evolução ainda é um rascunho. Assine a evolução para poder imprimir.',
  no_prescription: 'Esta evolução não tem medicamentos, então não há receita para imprimir.',
};

/** /documentos/:kind/:id — a clean A4 prescription or evolution to print, outside the app's frame. */
export function DocumentPage() {
  const { kind: slug, id = '' } = useParams();
  const kind = documentKindFromSlug(slug);
  const doc = useDocument(kind ?? 'evolution', id);
  const { data: me } = useMe();
  const navigate = useNavigate();
  useDocumentTitle(doc.data ? `${kind === 'prescription' ? 'Receita' : 'Evolução'} — ${doc.data.patient.name}` : 'Documento');
  const home = me ? roleHome(me.user.role) : '/';
  const canGoBack = typeof window !== 'undefined' && ((window.history.state as { idx?: number } | null)?.idx ?? 0) > 0;

  return (
    <div className="doc-screen">
      <div className="doc-toolbar">
        <Link
          to={home}
          className="doc-back"
          onClick={(event) => {
            if (!canGoBack) return;
            event.preventDefault();
            void navigate(-1);
          }}
        >
          <ArrowLeft aria-hidden="true" />
          Voltar
        </Link>
        {doc.data ? (
          <Button icon={<Printer aria-hidden="true" />} onClick={() => window.print()}>
            Imprimir
          </Button>
        ) : null}
      </div>
      <main className="doc-main">
        {!kind ? (
          <div className="doc-problem">
            <ErrorState title="Documento não encontrado" message="Confira o endereço." />
          </div>
        ) : doc.isPending ? (
          <LoadingState label="Preparando o documento…" />
        ) : doc.isError ? (
          <div className="doc-problem">
            <ErrorState
              title={doc.error instanceof ApiError && doc.error.status === 404 ? 'Documento não encontrado' : 'Não foi possível abrir o documento'}
              message={doc.error instanceof ApiError ? (KNOWN_PROBLEMS[doc.error.code] ?? messageOf(doc.error)) : messageOf(doc.error)}
              onRetry={doc.error instanceof ApiError && doc.error.status < 500 && doc.error.status !== 0 ? undefined : () => void doc.refetch()}
              retrying={doc.isFetching}
            />
          </div>
        ) : (
          <DocumentBody doc={doc.data} />
        )}
      </main>
    </div>
  );
}
