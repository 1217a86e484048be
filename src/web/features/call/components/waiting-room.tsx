import { DoorOpen, Hourglass, Mic, MicOff, Video, VideoOff } from 'lucide-react';
import type { Room } from '#shared/schemas/rooms.ts';
import { Avatar } from '#web/components/ui/avatar.tsx';
import { Button } from '#web/components/ui/button.tsx';
import { doctorTitle } from '#web/lib/doctor-title.ts';
import type { MediaSnapshot } from '#web/features/call/media/media-snapshot.ts';
import { CallFrame } from './call-frame';
import { OfflineBanner } from './in-call';
import { VideoElement } from './video-element';

/** "o Dr. Rafael", "a Dra. Helena", or "o(a) Dr(a). Ana" when the name has no title. */
export function doctorWithArticle(name: string): string {
  const trimmed = name.trim();
  if (/^dra\.?\s/i.test(trimmed)) return `a ${trimmed}`;
  if (/^dr\.?\s/i.test(trimmed)) return `o ${trimmed}`;
  return `o(a) Dr(a). ${trimmed}`;
}

interface WaitingRoomProps {
  room: Room;
  home: string;
  myName: string;
  media: MediaSnapshot;
  doctorHere: boolean;
  online: boolean;
  onToggleMic: () => void;
  onToggleCamera: () => void;
  onLeave: () => void;
}

/** The patient waits here, seeing themselves, until the doctor lets them in. */
export function WaitingRoom({ room, home, myName, media, doctorHere, online, onToggleMic, onToggleCamera, onLeave }: WaitingRoomProps) {
  return (
    <CallFrame title="Sala de espera" home={home}>
      <section className="waiting-room" aria-labelledby="waiting-title">
        {online ? null : <OfflineBanner />}
        <div className="waiting-video">
          <VideoElement track={media.camera} muted className="video-mirrored" data-testid="local-video" aria-label="Sua imagem" />
          {media.camera ? null : (
            <div className="precall-video-placeholder">
              <Avatar name={myName} size="xl" />
              <p>Câmera desligada</p>
            </div>
          )}
          <div className="waiting-video-controls">
            <button
              type="button"
              className={media.micOn ? 'call-btn call-btn-default' : 'call-btn call-btn-off'}
              aria-label="Microfone"
              aria-pressed={media.micOn}
              onClick={onToggleMic}
            >
              {media.micOn ? <Mic aria-hidden="true" /> : <MicOff aria-hidden="true" />}
            </button>
            <button
              type="button"
              className={media.camera ? 'call-btn call-btn-default' : 'call-btn call-btn-off'}
              aria-label="Câmera"
              aria-pressed={media.camera !== null}
              onClick={onToggleCamera}
            >
              {media.camera ? <Video aria-hidden="true" /> : <VideoOff aria-hidden="true" />}
            </button>
          </div>
        </div>
        <div className="waiting-text">
          <span className="waiting-hourglass" aria-hidden="true">
            <Hourglass />
          </span>
          <h1 id="waiting-title">Aguardando {doctorWithArticle(room.doctor.name)} deixar você entrar</h1>
          <p role="status">
            {/* The doctor's name, not "seu médico … ele": it reads right for a doctor of either gender. */}
            {doctorHere
              ? `${doctorTitle(room.doctor.name)} já sabe que você chegou e vai deixar você entrar em instantes.`
              : `${doctorTitle(room.doctor.name)} ainda não entrou na sala. Assim que entrar, vai ver que você está esperando.`}
          </p>
          <p className="waiting-tip">Fique nesta página. Enquanto espera, procure um lugar calmo e reservado.</p>
          <Button variant="secondary" icon={<DoorOpen aria-hidden="true" />} onClick={onLeave}>
            Sair da sala de espera
          </Button>
        </div>
      </section>
    </CallFrame>
  );
}
