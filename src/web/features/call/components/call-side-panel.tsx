import { X } from 'lucide-react';
import type { ReactNode } from 'react';
import type { Room } from '#shared/schemas/rooms.ts';
import { Avatar } from '#web/components/ui/avatar.tsx';
import { ageFrom } from '#web/lib/format-date.ts';
import { usePatient } from '#web/features/patients/api/get-patient.ts';
import { CallPanelLink } from '#web/components/call-panel-link.tsx';

/** The doctor's quick look at the patient: photo, name, age, and their record in a new tab. */
export function PatientSummary({ room }: { room: Room }) {
  const patient = usePatient(room.patient.id);
  const birthDate = patient.data?.patient.birthDate ?? null;
  const age = birthDate ? ageFrom(birthDate) : null;
  return (
    <section className="patient-summary" aria-labelledby="patient-summary-title">
      <Avatar name={room.patient.name} photoUrl={room.patient.photoUrl} size="lg" />
      <div className="patient-summary-text">
        <h2 id="patient-summary-title">{room.patient.name}</h2>
        <p>{[age !== null ? `${age} ${age === 1 ? 'ano' : 'anos'}` : null, room.reason].filter(Boolean).join(' · ') || 'Consulta por vídeo'}</p>
        <CallPanelLink to={`/medico/pacientes/${room.patient.id}`}>Abrir ficha do paciente</CallPanelLink>
      </div>
    </section>
  );
}

/** The side panel (desktop) or bottom sheet (phones) with the chat, and the doctor's tools. */
export function CallSidePanel({ onClose, children, wide = false }: { onClose: () => void; children: ReactNode; wide?: boolean }) {
  return (
    <aside className={wide ? 'call-panel call-panel-doctor' : 'call-panel'} aria-label="Painel da consulta">
      <button type="button" className="call-panel-close" onClick={onClose} aria-label="Fechar painel">
        <X aria-hidden="true" />
      </button>
      {children}
    </aside>
  );
}
