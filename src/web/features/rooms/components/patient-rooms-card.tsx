import { Card, CardHeader } from '#web/components/ui/card.tsx';
import { ErrorState } from '#web/components/ui/error-state.tsx';
import { messageOf } from '#web/lib/api-error.ts';
import { useRooms } from '#web/features/rooms/api/get-rooms.ts';
import type { PresetPatient } from './new-room-dialog';
import { OpenRoomItem } from './room-items';
import './rooms.css';

/**
 * On a patient's page: their open consultations (enter, send the link, cancel), only while there
 * is one; the finished ones are the visits of the record. The page's one "Nova consulta" opens new ones.
 */
export function PatientRoomsCard({ patient }: { patient: PresetPatient }) {
  const rooms = useRooms({ patientId: patient.id, status: 'open' }, { refetchMs: 30_000 });
  if (rooms.isPending || (rooms.isSuccess && rooms.data.length === 0)) return null;
  return (
    <Card flush as="section" aria-labelledby="patient-rooms-title">
      <CardHeader id="patient-rooms-title" title={rooms.data && rooms.data.length > 1 ? 'Consultas abertas' : 'Consulta aberta'} />
      {rooms.isError ? (
        <ErrorState message={messageOf(rooms.error)} onRetry={() => void rooms.refetch()} retrying={rooms.isFetching} />
      ) : (
        <ul className="room-list" aria-label={`Consultas abertas de ${patient.name}`}>
          {rooms.data.map((room) => (
            <OpenRoomItem key={room.code} room={room} showPatient={false} phone={patient.phone} />
          ))}
        </ul>
      )}
    </Card>
  );
}
