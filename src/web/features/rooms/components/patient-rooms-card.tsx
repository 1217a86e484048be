import { Plus, Video } from 'lucide-react';
import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { Card, CardHeader } from '../../../components/ui/card';
import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorState } from '../../../components/ui/error-state';
import { PersonListSkeleton } from '../../../components/person-list-skeleton';
import { messageOf } from '../../../lib/api-error';
import { useRooms } from '../api/get-rooms';
import { NewRoomDialog } from './new-room-dialog';
import type { PresetPatient } from './new-room-dialog';
import { ClosedRoomItem, OpenRoomItem } from './room-items';
import './rooms.css';

/** On a patient's page: their rooms (open first) and "Nova sala" for them. */
export function PatientRoomsCard({ patient }: { patient: PresetPatient }) {
  const [creating, setCreating] = useState(false);
  const rooms = useRooms({ patientId: patient.id }, { refetchMs: 30_000 });
  const open = rooms.data?.filter((r) => r.status === 'open') ?? [];
  const closed = rooms.data?.filter((r) => r.status !== 'open').slice(0, 8) ?? [];

  return (
    <Card flush as="section" aria-labelledby="patient-rooms-title">
      <CardHeader
        id="patient-rooms-title"
        title="Consultas por vídeo"
        actions={
          <Button size="sm" icon={<Plus aria-hidden="true" />} onClick={() => setCreating(true)}>
            Nova sala
          </Button>
        }
      />
      {rooms.isPending ? (
        <PersonListSkeleton rows={2} />
      ) : rooms.isError ? (
        <ErrorState message={messageOf(rooms.error)} onRetry={() => void rooms.refetch()} retrying={rooms.isFetching} />
      ) : rooms.data.length === 0 ? (
        <EmptyState icon={<Video />} title="Nenhuma consulta por vídeo ainda" description={`Abra uma sala e envie o link para ${patient.name}.`} level={3} />
      ) : (
        <ul className="room-list" aria-label={`Consultas de ${patient.name}`}>
          {open.map((room) => (
            <OpenRoomItem key={room.code} room={room} showPatient={false} phone={patient.phone} />
          ))}
          {closed.map((room) => (
            <ClosedRoomItem key={room.code} room={room} person="none" />
          ))}
        </ul>
      )}
      <NewRoomDialog open={creating} onClose={() => setCreating(false)} patient={patient} />
    </Card>
  );
}
