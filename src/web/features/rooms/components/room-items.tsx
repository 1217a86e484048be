import { CalendarClock, LogIn, MessageCircle, Timer, XCircle } from 'lucide-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { firstNameOf } from '#shared/domain/person-name.ts';
import type { Room } from '#shared/schemas/rooms.ts';
import { ConfirmDialog } from '#web/components/confirm-dialog.tsx';
import { Avatar } from '#web/components/ui/avatar.tsx';
import { Badge } from '#web/components/ui/badge.tsx';
import { Button } from '#web/components/ui/button.tsx';
import { Dialog } from '#web/components/ui/dialog.tsx';
import { ButtonLink } from '#web/components/ui/button-link.tsx';
import { useToast } from '#web/components/ui/toast-context.ts';
import { messageOf } from '#web/lib/api-error.ts';
import { formatDateTime } from '#web/lib/format-date.ts';
import { formatDuration } from '#web/lib/format-duration.ts';
import { useCancelRoom } from '#web/features/rooms/api/cancel-room.ts';
import { RoomShareLink } from './room-share-link';
import './rooms.css';

/** When the room is for: "Marcada para 05/12/2026, 14:30" or "Sem horário marcado". */
export function scheduleText(room: Room): string {
  return room.scheduledAt ? `Marcada para ${formatDateTime(room.scheduledAt)}` : 'Sem horário marcado';
}

/** One open room for its doctor: who, why, when, and the actions to enter, share or cancel. */
export function OpenRoomItem({ room, showPatient = true, phone = null }: { room: Room; showPatient?: boolean; phone?: string | null }) {
  const toast = useToast();
  const cancel = useCancelRoom();
  const [confirming, setConfirming] = useState(false);
  const [sharing, setSharing] = useState(false);
  const who = room.patient.name;

  return (
    <li className={showPatient ? 'room-item' : 'room-item room-item-compact'}>
      {showPatient ? <Avatar name={who} photoUrl={room.patient.photoUrl} size="md" /> : null}
      <div className="room-item-main">
        {showPatient ? (
          <h3 className="room-item-name">
            <Link to={`/medico/pacientes/${room.patient.id}`}>{who}</Link>
          </h3>
        ) : null}
        <p className="room-item-reason">{room.reason ?? 'Consulta por vídeo'}</p>
        <p className="room-item-meta">
          <CalendarClock aria-hidden="true" />
          <span>
            {scheduleText(room)} · Criada em {formatDateTime(room.createdAt)}
          </span>
        </p>
        {/* The doctor reading this list is not in the call: a patient in the room is waiting for them. */}
        {room.patientOnline ? (
          <Badge tone="success" className="room-item-badge">
            {firstNameOf(who)} está na sala de espera
          </Badge>
        ) : null}
      </div>
      <div className="room-item-actions">
        <ButtonLink to={`/sala/${room.code}`} variant="primary" size="sm" icon={<LogIn aria-hidden="true" />}>
          Entrar na sala<span className="sr-only"> com {who}</span>
        </ButtonLink>
        {/* Through the same link request as the new-room dialog: a patient still without a password gets the invite inside it. */}
        <Button variant="secondary" size="sm" icon={<MessageCircle aria-hidden="true" />} onClick={() => setSharing(true)}>
          Enviar link<span className="sr-only"> para {who}</span>
        </Button>
        <Button variant="danger-outline" size="sm" icon={<XCircle aria-hidden="true" />} onClick={() => setConfirming(true)}>
          Cancelar sala
        </Button>
      </div>
      <Dialog open={sharing} onClose={() => setSharing(false)} title="Enviar link da consulta" description={`Envie o link para ${who}.`}>
        <RoomShareLink room={room} phone={phone} />
      </Dialog>
      <ConfirmDialog
        open={confirming}
        title="Cancelar esta sala?"
        description={`O link deixa de funcionar e ${who} não consegue mais entrar. Para uma nova consulta, abra outra sala.`}
        confirmLabel="Sim, cancelar sala"
        confirmVariant="danger"
        loading={cancel.isPending}
        onClose={() => setConfirming(false)}
        onConfirm={() =>
          cancel.mutate(room.code, {
            onSuccess: () => {
              setConfirming(false);
              toast.notify('Sala cancelada');
            },
            onError: (error) => {
              setConfirming(false);
              toast.notify(messageOf(error), 'error');
            },
          })
        }
      />
    </li>
  );
}

/** The status of a closed room in plain words. */
export function closedRoomBadge(room: Room) {
  if (room.status === 'cancelled') return <Badge tone="neutral">Cancelada</Badge>;
  if (room.consultation) return <Badge tone="success">Realizada</Badge>;
  return <Badge tone="neutral">Encerrada sem chamada</Badge>;
}

/** A finished consultation: date, patient (or doctor, for the patient), duration. */
export function ClosedRoomItem({ room, person }: { room: Room; person: 'patient' | 'doctor' | 'none' }) {
  const date = room.consultation?.startedAt ?? room.closedAt ?? room.createdAt;
  const name = person === 'doctor' ? room.doctor.name : room.patient.name;
  const photo = person === 'doctor' ? room.doctor.photoUrl : room.patient.photoUrl;
  return (
    <li className="room-item room-item-closed">
      {person !== 'none' ? <Avatar name={name} photoUrl={photo} size="sm" /> : null}
      <div className="room-item-main">
        {person === 'patient' ? (
          <h3 className="room-item-name">
            <Link to={`/medico/pacientes/${room.patient.id}`}>{name}</Link>
          </h3>
        ) : person === 'doctor' ? (
          <h3 className="room-item-name">{name}</h3>
        ) : null}
        <p className="room-item-meta">
          <CalendarClock aria-hidden="true" />
          <span>
            {formatDateTime(date)}
            {room.reason ? ` · ${room.reason}` : ''}
          </span>
        </p>
      </div>
      <div className="room-item-end">
        {room.consultation ? (
          <span className="room-item-duration">
            <Timer aria-hidden="true" />
            <span className="sr-only">Duração: </span>
            {formatDuration(room.consultation.durationSeconds)}
          </span>
        ) : null}
        {closedRoomBadge(room)}
      </div>
    </li>
  );
}
