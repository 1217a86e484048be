import { CameraOff, MicOff, Volume2 } from 'lucide-react';
import { useCallback, useState } from 'react';
import { Avatar } from '#web/components/ui/avatar.tsx';
import { Button } from '#web/components/ui/button.tsx';
import type { RemoteMedia } from '#web/features/call/model/session-reducer.ts';
import { VideoElement } from './video-element';

interface RemoteViewProps {
  stream: MediaStream | null;
  media: RemoteMedia;
  name: string;
  photoUrl: string | null;
  /** The other person is in the call (badges only make sense then). */
  present: boolean;
  speakerId: string;
  /** A sentence under the name while there is no picture (the doctor stepped out and will be back). */
  note?: string | null;
}

/** The other person, big: video (with its sound), or their avatar; badges when muted. */
export function RemoteView({ stream, media, name, photoUrl, present, speakerId, note = null }: RemoteViewProps) {
  const [blocked, setBlocked] = useState(false);
  const onPlayBlocked = useCallback((b: boolean) => setBlocked(b), []);
  const hasPicture = present && stream !== null && Boolean(stream?.getVideoTracks().length) && (media.video || media.screen);

  return (
    <div className={media.screen ? 'remote-view remote-view-screen' : 'remote-view'}>
      <VideoElement stream={stream} speakerId={speakerId} onPlayBlocked={onPlayBlocked} data-testid="remote-video" aria-label={`Vídeo de ${name}`} />
      {hasPicture ? null : (
        <div className="remote-view-placeholder">
          <Avatar name={name} photoUrl={photoUrl} size="xl" />
          <p>{name}</p>
          {note ? <p className="remote-view-note">{note}</p> : null}
        </div>
      )}
      {present ? (
        <div className="remote-badges">
          {media.audio ? null : (
            <span className="remote-badge">
              <MicOff aria-hidden="true" />
              Microfone desligado
            </span>
          )}
          {media.video || media.screen ? null : (
            <span className="remote-badge">
              <CameraOff aria-hidden="true" />
              Câmera desligada
            </span>
          )}
        </div>
      ) : null}
      {blocked ? (
        <div className="remote-unblock">
          <Button
            icon={<Volume2 aria-hidden="true" />}
            onClick={(event) => {
              const video = event.currentTarget.closest('.remote-view')?.querySelector('video');
              void video?.play().then(
                () => setBlocked(false),
                () => undefined,
              );
            }}
          >
            Ativar som
          </Button>
        </div>
      ) : null}
    </div>
  );
}
