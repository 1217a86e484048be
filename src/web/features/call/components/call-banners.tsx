import { TriangleAlert } from 'lucide-react';
import type { Room } from '#shared/schemas/rooms.ts';
import { Button } from '#web/components/ui/button.tsx';
import { AudioOnlyBanner, CallBanner, OfflineBanner, WaitingNotice } from './in-call';
import type { CallRoomController } from './use-call-room';

/** The strips over the videos: server connection lost, a notice, the patient waiting, poor quality. */
export function CallBanners({ call, room, role }: { call: CallRoomController; room: Room; role: 'doctor' | 'patient' }) {
  const { state } = call;
  return (
    <div className="call-banners">
      {state.online ? null : <OfflineBanner />}
      {state.notice ? (
        <CallBanner
          tone="alert"
          icon={<TriangleAlert />}
          action={
            <Button size="sm" variant="ghost" className="call-banner-dismiss" onClick={call.session.dismissNotice}>
              Fechar
            </Button>
          }
        >
          <p>{state.notice}</p>
        </CallBanner>
      ) : null}
      {role === 'doctor' && state.peer?.state === 'waiting' ? (
        <WaitingNotice name={room.patient.name} photoUrl={room.patient.photoUrl} admitting={call.admitting} onAdmit={call.admit} />
      ) : null}
      {call.audioOnly.offered ? <AudioOnlyBanner onAccept={call.audioOnly.accept} onDismiss={call.audioOnly.dismiss} /> : null}
    </div>
  );
}
