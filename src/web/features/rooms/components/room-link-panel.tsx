import type { RoomPatientLink } from '#shared/schemas/auth.ts';
import type { Room } from '#shared/schemas/rooms.ts';
import { ShareLinkPanel } from '#web/components/invite/share-link-panel.tsx';
import { roomWithInviteMessage } from './room-invite-message';
import { roomMessage } from './room-message';

/** The room's link to hand over to the patient; with an invite inside when they have no password yet. */
export function RoomLinkPanel({ room, link, phone }: { room: Room; link?: RoomPatientLink | undefined; phone?: string | null }) {
  const invite = link && !link.patientHasPassword && link.inviteExpiresAt ? link.inviteExpiresAt : null;
  return (
    <ShareLinkPanel
      label="Link da consulta"
      url={link?.url ?? room.joinUrl}
      whatsAppText={(url) =>
        invite
          ? roomWithInviteMessage(room.patient.name, room.doctor.name, url, room.scheduledAt, invite)
          : roomMessage(room.patient.name, room.doctor.name, url, room.scheduledAt)
      }
      phone={phone}
      note={
        invite ? (
          <span>
            Com este link, {room.patient.name} cria a senha e entra na consulta. Ele substitui convites enviados antes. A sala fica aberta até você finalizar a
            consulta.
          </span>
        ) : (
          <span>Só {room.patient.name} consegue entrar com este link, usando a própria conta. A sala fica aberta até você finalizar a consulta.</span>
        )
      }
    />
  );
}
