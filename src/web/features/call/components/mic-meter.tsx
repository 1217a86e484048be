import { Mic } from 'lucide-react';
import { useEffect, useState } from 'react';
import { MicLevelMeter } from '#web/features/call/media/mic-level.ts';

/** A live bar showing how loud the microphone hears you (role="meter"). */
export function MicMeter({ track, muted = false }: { track: MediaStreamTrack | null; muted?: boolean }) {
  const [level, setLevel] = useState(0);
  useEffect(() => {
    if (!track) return;
    const meter = new MicLevelMeter(track, setLevel);
    return () => meter.stop();
  }, [track]);
  const value = track && !muted ? level : 0;
  return (
    <div className="mic-meter">
      <Mic aria-hidden="true" />
      <div
        className="mic-meter-bar"
        role="meter"
        aria-label="Nível do microfone"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-valuetext={!track ? 'Microfone desligado' : value < 5 ? 'Silêncio' : value < 60 ? 'Ouvindo' : 'Alto'}
      >
        <span className="mic-meter-fill" style={{ transform: `scaleX(${value / 100})` }} />
      </div>
    </div>
  );
}
