import { ArrowLeft, Video } from 'lucide-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { PatientDetail } from '#shared/schemas/users.ts';
import { Avatar } from '#web/components/ui/avatar.tsx';
import { Badge } from '#web/components/ui/badge.tsx';
import { Button } from '#web/components/ui/button.tsx';
import { ageFrom } from '#web/lib/format-date.ts';
import { formatPhone } from '#web/lib/format-phone.ts';
import { useDocumentTitle } from '#web/lib/use-document-title.ts';
import './patients.css';

interface Props {
  detail: PatientDetail;
  /** Consent in words, or null while it loads. */
  consent: { text: string; ok: boolean } | null;
  onNewRoom: (() => void) | null;
  newEvolution: ReactNode;
}

/** The top of a patient's page: photo, name, age and contact, consent, and the quick actions. */
export function PatientRecordHeader({ detail, consent, onNewRoom, newEvolution }: Props) {
  useDocumentTitle(detail.user.name);
  const { birthDate, phone } = detail.patient;
  const age = birthDate ? ageFrom(birthDate) : null;
  const line = [age !== null ? `${age} ${age === 1 ? 'ano' : 'anos'}` : null, phone ? formatPhone(phone) : null, detail.user.email].filter(Boolean).join(' · ');
  return (
    <div className="patient-header">
      <Link to="/medico/pacientes" className="page-header-eyebrow">
        <ArrowLeft aria-hidden="true" />
        Pacientes
      </Link>
      <div className="patient-header-row">
        <div className="patient-header-who">
          <Avatar name={detail.user.name} photoUrl={detail.user.photoUrl} size="lg" />
          <div className="patient-header-text">
            <h1>{detail.user.name}</h1>
            <p>{line}</p>
            {consent ? (
              <Badge tone={consent.ok ? 'success' : 'warning'} className="patient-header-consent">
                <span className="sr-only">Termo de consentimento: </span>
                {consent.ok
                  ? 'Termo de consentimento aceito'
                  : consent.text === 'Ainda não aceitou'
                    ? 'Termo de consentimento: ainda não aceitou'
                    : 'Termo de consentimento desatualizado'}
              </Badge>
            ) : null}
          </div>
        </div>
        <div className="patient-header-actions">
          {onNewRoom ? (
            <Button icon={<Video aria-hidden="true" />} onClick={onNewRoom}>
              Nova consulta
            </Button>
          ) : null}
          {newEvolution}
        </div>
      </div>
    </div>
  );
}
