import type { Room } from '../../../../shared/schemas/rooms';
import { ShareLinkPanel } from '../../../components/invite/share-link-panel';
import { roomMessage } from './room-message';

/** The room's join link to hand over to the patient. */
export function RoomLinkPanel({ room, phone }: { room: Room; phone?: string | null }) {
  return (
    <ShareLinkPanel
      label="Link da sala"
      url={room.joinUrl}
      whatsAppText={(url) => roomMessage(room.patient.name, room.doctor.name, url, room.scheduledAt)}
      phone={phone}
      note={<span>Só {room.patient.name} consegue entrar com este link, usando a própria conta. A sala fica aberta até você finalizar a consulta.</span>}
    />
  );
}
