import { firstNameOf } from '#shared/domain/person-name.ts';
import type { Room } from '#shared/schemas/rooms.ts';
import { Alert } from '#web/components/ui/alert.tsx';
import { LoadingState } from '#web/components/ui/loading-state.tsx';
import { messageOf } from '#web/lib/api-error.ts';
import { useRoomPatientLink } from '#web/features/rooms/api/get-room-patient-link.ts';
import { RoomLinkPanel } from './room-link-panel';

/**
 * The link to send for a room, asked for when shown (right after the room opens, or from the rooms
 * list later). A patient without a password gets the invite inside the room link, and the doctor
 * is told so: one WhatsApp message instead of two, whenever it is sent.
 */
export function RoomShareLink({ room, phone }: { room: Room; phone: string | null }) {
  const link = useRoomPatientLink(room.code);
  if (link.isPending) return <LoadingState label="Preparando o link…" />;
  const first = firstNameOf(room.patient.name);
  return (
    <div className="new-room-link">
      {link.isError ? (
        <Alert tone="warning">
          Não foi possível preparar o link com o convite ({messageOf(link.error)}). O link abaixo abre a sala para quem já tem senha.
        </Alert>
      ) : !link.data.patientHasPassword ? (
        <Alert tone="warning" title={`${first} ainda não criou a senha`}>
          <p>Este link já leva o convite: com ele, {first} cria a senha e entra direto na consulta. Envie só esta mensagem.</p>
        </Alert>
      ) : null}
      <RoomLinkPanel room={room} link={link.data} phone={phone} />
    </div>
  );
}
