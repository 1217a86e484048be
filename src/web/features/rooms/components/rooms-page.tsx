import { CalendarCheck, Plus, Video } from 'lucide-react';
import { useState } from 'react';
import { BackgroundShapes } from '#web/components/ui/background-shapes.tsx';
import { Button } from '#web/components/ui/button.tsx';
import { Card, CardHeader } from '#web/components/ui/card.tsx';
import { EmptyState } from '#web/components/ui/empty-state.tsx';
import { ErrorState } from '#web/components/ui/error-state.tsx';
import { PageHeader } from '#web/components/ui/page-header.tsx';
import { PersonListSkeleton } from '#web/components/person-list-skeleton.tsx';
import { messageOf } from '#web/lib/api-error.ts';
import { useRooms } from '#web/features/rooms/api/get-rooms.ts';
import { NewRoomDialog } from './new-room-dialog';
import { ClosedRoomItem, OpenRoomItem } from './room-items';
import './rooms.css';

const RECENT = 10;

/** /medico/salas: the doctor's open rooms (enter, share, cancel), recent consultations, and "Nova consulta". */
export function RoomsPage() {
  const [creating, setCreating] = useState(false);
  const [showAll, setShowAll] = useState(false);
  const open = useRooms({ status: 'open' }, { refetchMs: 15_000 });
  const finished = useRooms({ status: 'finished' });
  const recent = showAll ? (finished.data ?? []) : (finished.data ?? []).slice(0, RECENT);

  return (
    <>
      <BackgroundShapes />
      <PageHeader
        title="Consultas"
        description="Abra uma sala de vídeo para um paciente e envie o link. Você é avisado quando ele chegar à sala de espera."
        actions={
          <Button icon={<Plus aria-hidden="true" />} onClick={() => setCreating(true)}>
            Nova consulta
          </Button>
        }
      />
      <div className="stack">
        <Card flush as="section" aria-labelledby="open-rooms-title">
          <CardHeader id="open-rooms-title" title="Salas abertas" description="Cada sala serve para uma consulta. Ela fecha quando você finaliza a consulta." />
          {open.isPending ? (
            <PersonListSkeleton rows={2} />
          ) : open.isError ? (
            <ErrorState message={messageOf(open.error)} onRetry={() => void open.refetch()} retrying={open.isFetching} />
          ) : open.data.length === 0 ? (
            <EmptyState
              icon={<Video />}
              title="Nenhuma sala aberta"
              description="Abra uma sala para um paciente; o link pode ser enviado pelo WhatsApp."
              level={3}
              action={
                <Button variant="secondary" icon={<Plus aria-hidden="true" />} onClick={() => setCreating(true)}>
                  Nova consulta
                </Button>
              }
            />
          ) : (
            <ul className="room-list" aria-label="Salas abertas">
              {open.data.map((room) => (
                <OpenRoomItem key={room.code} room={room} />
              ))}
            </ul>
          )}
        </Card>

        <Card flush as="section" aria-labelledby="finished-rooms-title">
          <CardHeader id="finished-rooms-title" title="Consultas realizadas" description="As mais recentes primeiro, com a duração de cada chamada." />
          {finished.isPending ? (
            <PersonListSkeleton rows={3} />
          ) : finished.isError ? (
            <ErrorState message={messageOf(finished.error)} onRetry={() => void finished.refetch()} retrying={finished.isFetching} />
          ) : finished.data.length === 0 ? (
            <EmptyState
              icon={<CalendarCheck />}
              title="Nenhuma consulta finalizada ainda"
              description="Quando você finalizar uma consulta, ela aparece aqui."
              level={3}
            />
          ) : (
            <>
              <ul className="room-list" aria-label="Consultas realizadas">
                {recent.map((room) => (
                  <ClosedRoomItem key={room.code} room={room} person="patient" />
                ))}
              </ul>
              {finished.data.length > RECENT ? (
                <div className="room-list-more">
                  <Button variant="ghost" size="sm" onClick={() => setShowAll((v) => !v)} aria-expanded={showAll}>
                    {showAll ? 'Mostrar menos' : `Mostrar todas (${finished.data.length})`}
                  </Button>
                </div>
              ) : null}
            </>
          )}
        </Card>
      </div>
      <NewRoomDialog open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
