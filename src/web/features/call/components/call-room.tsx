import type { RoomClosedReason } from '#shared/realtime/events.ts';
import type { Room } from '#shared/schemas/rooms.ts';
import type { LocalMediaStore } from '#web/features/call/media/media-store.ts';
import { InCallScreen } from './in-call-screen';
import { JoinFailedScreen, JoiningScreen } from './join-screens';
import { useCallRoom } from './use-call-room';
import { WaitingRoom } from './waiting-room';
import './in-call.css';

interface CallRoomProps {
  room: Room;
  role: 'doctor' | 'patient';
  me: { id: string; name: string };
  home: string;
  store: LocalMediaStore;
  onLeft: () => void;
  /** Back to the pre-call check, to try joining again. */
  onRetry: () => void;
  onClosed: (durationSeconds?: number | null, reason?: RoomClosedReason) => void;
  onConsentRequired: () => void;
}

/** The room once the person pressed "Entrar na consulta": waiting room, or the call itself. */
export function CallRoom({ room, role, me, home, store, onLeft, onRetry, onClosed, onConsentRequired }: CallRoomProps) {
  const call = useCallRoom({ room, role, me, store, onClosed, onConsentRequired });
  const { state, media } = call;

  if (state.phase === 'failed') return <JoinFailedScreen home={home} message={state.error?.message} onRetry={onRetry} />;
  if (state.phase === 'joining' || state.phase === 'closed') return <JoiningScreen home={home} offline={!(state.online || state.phase === 'closed')} />;
  if (state.phase === 'waiting') {
    return (
      <WaitingRoom
        room={room}
        home={home}
        myName={me.name}
        media={media}
        doctorHere={state.peer?.state === 'in_call'}
        online={state.online}
        onToggleMic={call.toggleMic}
        onToggleCamera={call.toggleCamera}
        onLeave={onLeft}
      />
    );
  }
  return <InCallScreen call={call} room={room} role={role} me={me} store={store} onLeft={onLeft} />;
}
