import { useEffect, useState } from 'react';
import { PoorQualityTimer, qualityFrom, sampleFromStats } from '#web/features/call/media/connection-quality.ts';
import type { QualityReading, StatsSample } from '#web/features/call/media/connection-quality.ts';

const EVERY_MS = 2000;

/** Samples the connection every 2 s while `active`; also says for how long it has been "Ruim". */
export function useConnectionQuality(getStats: () => Promise<RTCStatsReport | null>, active: boolean) {
  const [reading, setReading] = useState<QualityReading | null>(null);
  const [poorForMs, setPoorForMs] = useState(0);

  useEffect(() => {
    if (!active) return;
    let previous: StatsSample | null = null;
    let cancelled = false;
    const poor = new PoorQualityTimer();
    const timer = window.setInterval(() => {
      getStats().then(
        (report) => {
          if (cancelled || !report) return;
          const sample = sampleFromStats(report);
          const next = qualityFrom(sample, previous);
          previous = sample;
          setReading(next);
          setPoorForMs(poor.push(next.level, Date.now()));
        },
        () => undefined,
      );
    }, EVERY_MS);
    return () => {
      cancelled = true;
      window.clearInterval(timer);
    };
  }, [getStats, active]);

  return active ? { reading, poorForMs } : { reading: null, poorForMs: 0 };
}
