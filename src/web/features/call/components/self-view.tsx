import { CameraOff, MicOff } from 'lucide-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { KeyboardEvent, PointerEvent } from 'react';
import { Avatar } from '#web/components/ui/avatar.tsx';
import { VideoElement } from './video-element';

interface SelfViewProps {
  track: MediaStreamTrack | null;
  /** The camera is mirrored (like a mirror); a shared screen is not. */
  mirrored: boolean;
  name: string;
  micOn: boolean;
}

const MARGIN = 12;
const STEP = 32;

/**
 * Our own image, small in a corner. Drag it with the mouse or a finger, or focus it and use the
 * arrow keys. Its position is kept as distances from the bottom-right corner of the video area.
 */
export function SelfView({ track, mirrored, name, micOn }: SelfViewProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [offset, setOffset] = useState({ right: MARGIN, bottom: MARGIN });
  const drag = useRef<{ pointerId: number; x: number; y: number; right: number; bottom: number } | null>(null);

  const clamp = useCallback((next: { right: number; bottom: number }) => {
    const el = ref.current;
    const area = el?.parentElement;
    if (!el || !area) return next;
    const maxRight = Math.max(MARGIN, area.clientWidth - el.offsetWidth - MARGIN);
    const maxBottom = Math.max(MARGIN, area.clientHeight - el.offsetHeight - MARGIN);
    return { right: Math.min(maxRight, Math.max(MARGIN, next.right)), bottom: Math.min(maxBottom, Math.max(MARGIN, next.bottom)) };
  }, []);

  // Keep it inside the area when the window (or phone orientation) changes.
  useEffect(() => {
    const onResize = () => setOffset((current) => clamp(current));
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, [clamp]);

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { pointerId: event.pointerId, x: event.clientX, y: event.clientY, ...offset };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const start = drag.current;
    if (!start || start.pointerId !== event.pointerId) return;
    setOffset(clamp({ right: start.right - (event.clientX - start.x), bottom: start.bottom - (event.clientY - start.y) }));
  };
  const onPointerEnd = (event: PointerEvent<HTMLDivElement>) => {
    if (drag.current?.pointerId === event.pointerId) drag.current = null;
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, [number, number]> = { ArrowLeft: [STEP, 0], ArrowRight: [-STEP, 0], ArrowUp: [0, STEP], ArrowDown: [0, -STEP] };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    setOffset((current) => clamp({ right: current.right + move[0], bottom: current.bottom + move[1] }));
  };

  return (
    <div
      ref={ref}
      className="self-view"
      style={{ right: offset.right, bottom: offset.bottom }}
      tabIndex={0}
      role="group"
      aria-label="Sua imagem. Arraste ou use as setas do teclado para mudar de lugar."
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerEnd}
      onPointerCancel={onPointerEnd}
      onKeyDown={onKeyDown}
    >
      <VideoElement track={track} muted className={mirrored ? 'video-mirrored' : undefined} data-testid="local-video" aria-hidden="true" />
      {track ? null : (
        <div className="self-view-off">
          <Avatar name={name} size="md" />
          <span>
            <CameraOff aria-hidden="true" />
            Câmera desligada
          </span>
        </div>
      )}
      {micOn ? null : (
        <span className="self-view-muted" title="Seu microfone está desligado">
          <MicOff aria-hidden="true" />
          <span className="sr-only">Seu microfone está desligado</span>
        </span>
      )}
    </div>
  );
}
