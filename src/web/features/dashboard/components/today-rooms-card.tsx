import { ArrowRight, CalendarClock, LogIn, Plus, Video } from 'lucide-react';
import { Link } from 'react-router';
import type { Room } from '#shared/schemas/rooms.ts';
import { firstNameOf } from '#shared/domain/person-name.ts';
import { Avatar } from '#web/components/ui/avatar.tsx';
import { Badge } from '#web/components/ui/badge.tsx';
import { Button } from '#web/components/ui/button.tsx';
import { ButtonLink } from '#web/components/ui/button-link.tsx';
import { Card, CardHeader } from '#web/components/ui/card.tsx';
import { EmptyState } from '#web/components/ui/empty-state.tsx';
import { ErrorState } from '#web/components/ui/error-state.tsx';
import { PersonListSkeleton } from '#web/components/person-list-skeleton.tsx';
import { messageOf } from '#web/lib/api-error.ts';
import { formatDate, formatDateTime, formatTime } from '#web/lib/format-date.ts';
import { useRooms } from '#web/features/rooms/api/get-rooms.ts';
import { todayRooms } from '#web/features/dashboard/model/today-rooms.ts';
import './today-rooms-card.css';

/** "Às 14:30" today, the full date for a room booked on an earlier day, or "Sem horário marcado". */
function whenText(room: Room, now = new Date()): string {
  if (!room.scheduledAt) return 'Sem horário marcado';
  return formatDate(room.scheduledAt) === formatDate(now.toISOString())
    ? `Às ${formatTime(room.scheduledAt)}`
    : `Marcada para ${formatDateTime(room.scheduledAt)}`;
}

function TodayRoomRow({ room }: { room: Room }) {
  const waiting = room.patientOnline;
  const who = room.patient.name;
  return (
    <li className={waiting ? 'today-room today-room-waiting' : 'today-room'}>
      <Avatar name={who} photoUrl={room.patient.photoUrl} size="md" />
      <div className="today-room-main">
        <h3 className="today-room-name">
          <Link to={`/medico/pacientes/${room.patient.id}`}>{who}</Link>
        </h3>
        <p className="today-room-meta">
          <CalendarClock aria-hidden="true" />
          <span>{[whenText(room), room.reason].filter(Boolean).join(' · ')}</span>
        </p>
      </div>
      <div className="today-room-end">
        {waiting ? <Badge tone="warning">{firstNameOf(who)} está na sala de espera</Badge> : <Badge tone="neutral">Ainda não entrou</Badge>}
        <ButtonLink to={`/sala/${room.code}`} variant={waiting ? 'primary' : 'secondary'} size="sm" icon={<LogIn aria-hidden="true" />}>
          Entrar<span className="sr-only"> na consulta com {who}</span>
        </ButtonLink>
      </div>
    </li>
  );
}

/**
 * "Consultas de hoje": the open rooms of the doctor's day, with who is in the waiting room now
 * (kept fresh by the `waiting:changed` notices, which refresh the rooms, and a slow poll).
 */
export function TodayRoomsCard({ onNewRoom }: { onNewRoom: () => void }) {
  const rooms = useRooms({ status: 'open' }, { refetchMs: 60_000 });
  const { today, later } = todayRooms(rooms.data ?? []);
  return (
    <Card flush as="section" aria-labelledby="today-rooms-title" className="today-rooms">
      <CardHeader
        id="today-rooms-title"
        title="Consultas de hoje"
        actions={
          <Link to="/medico/salas" className="dashboard-link">
            Ver todas
            <ArrowRight aria-hidden="true" />
          </Link>
        }
      />
      {rooms.isPending ? (
        <PersonListSkeleton rows={2} />
      ) : rooms.isError ? (
        <ErrorState message={messageOf(rooms.error)} onRetry={() => void rooms.refetch()} retrying={rooms.isFetching} />
      ) : today.length === 0 ? (
        <EmptyState
          icon={<Video />}
          level={3}
          title="Nenhuma consulta aberta para hoje"
          description="Abra uma consulta e envie o link ao paciente pelo WhatsApp. Quando ele chegar, você é avisado em qualquer tela."
          action={
            <Button variant="secondary" icon={<Plus aria-hidden="true" />} onClick={onNewRoom}>
              Nova consulta
            </Button>
          }
        />
      ) : (
        <ul className="today-room-list" aria-label="Consultas de hoje">
          {today.map((room) => (
            <TodayRoomRow key={room.code} room={room} />
          ))}
        </ul>
      )}
      {later > 0 ? (
        <p className="today-rooms-later">
          {later === 1 ? '1 consulta marcada para outro dia.' : `${later} consultas marcadas para outros dias.`} <Link to="/medico/salas">Ver consultas</Link>
        </p>
      ) : null}
    </Card>
  );
}
