import { useEffect, useRef } from 'react';
import type { VideoHTMLAttributes } from 'react';
import { setSpeaker } from '#web/features/call/media/local-media.ts';

interface VideoElementProps extends Omit<VideoHTMLAttributes<HTMLVideoElement>, 'src'> {
  stream?: MediaStream | null;
  /** A single track to show (wrapped in its own stream). */
  track?: MediaStreamTrack | null;
  /** Where the sound goes (setSinkId), for the remote video. */
  speakerId?: string;
  /** Autoplay with sound was refused by the browser: the page shows "Ativar som". */
  onPlayBlocked?: (blocked: boolean) => void;
  'data-testid'?: string;
}

/** A <video> showing a MediaStream (srcObject cannot be set from JSX). */
export function VideoElement({ stream, track, speakerId, onPlayBlocked, muted, ...rest }: VideoElementProps) {
  const ref = useRef<HTMLVideoElement>(null);

  useEffect(() => {
    const video = ref.current;
    if (!video) return;
    const source = stream ?? (track ? new MediaStream([track]) : null);
    if (video.srcObject !== source) video.srcObject = source;
    if (!source) return;
    video.play().then(
      () => onPlayBlocked?.(false),
      (error: unknown) => {
        // AbortError: a newer srcObject replaced this one. NotAllowedError: autoplay with sound refused.
        if (error instanceof DOMException && error.name === 'NotAllowedError') onPlayBlocked?.(true);
      },
    );
  }, [stream, track, onPlayBlocked]);

  useEffect(() => {
    if (speakerId === undefined) return;
    void setSpeaker(ref.current, speakerId).catch(() => undefined);
  }, [speakerId, stream]);

  return <video ref={ref} autoPlay playsInline muted={muted} {...rest} />;
}
