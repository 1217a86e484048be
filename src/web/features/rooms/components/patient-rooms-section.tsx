import { CalendarCheck, CalendarClock, LogIn, Video } from 'lucide-react';
import type { Room } from '#shared/schemas/rooms.ts';
import { Avatar } from '#web/components/ui/avatar.tsx';
import { ButtonLink } from '#web/components/ui/button-link.tsx';
import { Card, CardHeader } from '#web/components/ui/card.tsx';
import { EmptyState } from '#web/components/ui/empty-state.tsx';
import { ErrorState } from '#web/components/ui/error-state.tsx';
import { Skeleton } from '#web/components/ui/skeleton.tsx';
import { messageOf } from '#web/lib/api-error.ts';
import { doctorTitle } from '#web/lib/doctor-title.ts';
import { useRooms } from '#web/features/rooms/api/get-rooms.ts';
import { ClosedRoomItem, scheduleText } from './room-items';
import './rooms.css';

const HISTORY = 5;

/** The patient's home: rooms they can enter now, with the doctor's presence refreshed every 10 s. */
export function PatientOpenRooms() {
  const open = useRooms({ status: 'open' }, { refetchMs: 10_000 });
  return (
    <section aria-labelledby="my-rooms-title" className="stack-sm">
      <CardHeader id="my-rooms-title" title="Suas consultas por vídeo" />
      {open.isPending ? (
        <Card>
          <div role="status" className="stack-sm">
            <span className="sr-only">Carregando suas consultas…</span>
            <Skeleton width="50%" height="1.25rem" />
            <Skeleton width="80%" />
          </div>
        </Card>
      ) : open.isError ? (
        <Card>
          <ErrorState message={messageOf(open.error)} onRetry={() => void open.refetch()} retrying={open.isFetching} />
        </Card>
      ) : open.data.length === 0 ? (
        <Card className="note-card">
          <span className="note-card-icon" aria-hidden="true">
            <Video />
          </span>
          <div>
            <h3>Nenhuma consulta aberta agora</h3>
            <p>Quando seu médico abrir uma consulta por vídeo, o botão para entrar aparece aqui. Não precisa instalar nada.</p>
          </div>
        </Card>
      ) : (
        <ul className="patient-rooms">
          {open.data.map((room) => (
            <PatientRoomCard key={room.code} room={room} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** The patient's last finished consultations: date, doctor, duration. */
export function PatientConsultationHistory() {
  const finished = useRooms({ status: 'finished' });
  return (
    <Card flush as="section" aria-labelledby="history-title">
      <CardHeader id="history-title" title="Consultas anteriores" />
      {finished.isPending ? null : finished.isError ? (
        <ErrorState message={messageOf(finished.error)} onRetry={() => void finished.refetch()} retrying={finished.isFetching} />
      ) : finished.data.length === 0 ? (
        <EmptyState
          icon={<CalendarCheck />}
          title="Nenhuma consulta ainda"
          description="Suas consultas por vídeo ficam listadas aqui depois que terminam."
          level={3}
        />
      ) : (
        <ul className="room-list" aria-label="Consultas anteriores">
          {finished.data.slice(0, HISTORY).map((room) => (
            <ClosedRoomItem key={room.code} room={room} person="doctor" />
          ))}
        </ul>
      )}
    </Card>
  );
}

function PatientRoomCard({ room }: { room: Room }) {
  const { doctor } = room;
  return (
    <Card as="li" className="patient-room">
      <div className="patient-room-doctor">
        <Avatar name={doctor.name} photoUrl={doctor.photoUrl} size="lg" />
        <div className="patient-room-text">
          <h3>{doctorTitle(doctor.name)}</h3>
          <p>
            {doctor.crm} · {doctor.specialty}
          </p>
          <p className="patient-room-when">
            <CalendarClock aria-hidden="true" />
            <span>
              {scheduleText(room)}
              {room.reason ? ` · ${room.reason}` : ''}
            </span>
          </p>
        </div>
      </div>
      <p className={room.doctorOnline ? 'presence-pill presence-pill-online' : 'presence-pill'} role="status">
        <span className="presence-dot" aria-hidden="true" />
        {room.doctorOnline ? `${doctorTitle(room.doctor.name)} já entrou na consulta` : `Aguardando ${doctorTitle(room.doctor.name)}`}
      </p>
      <ButtonLink to={`/sala/${room.code}`} variant="primary" className="patient-room-enter" icon={<LogIn aria-hidden="true" />}>
        Entrar na consulta
      </ButtonLink>
    </Card>
  );
}
