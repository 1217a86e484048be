/**
 * Connection quality from WebRTC statistics, as a pure function so it can be tested without a
 * browser. The call samples `pc.getStats()` every 2 s and compares each sample with the last one.
 */
export type QualityLevel = 'good' | 'unstable' | 'poor';

export const QUALITY_LABELS: Readonly<Record<QualityLevel, string>> = { good: 'Boa', unstable: 'Instável', poor: 'Ruim' };

/** What we keep from one `getStats()` report. */
export interface StatsSample {
  /** Round-trip time of the selected candidate pair, in ms. */
  rttMs: number | null;
  /** Totals over every inbound RTP stream (audio and video). */
  packetsReceived: number;
  packetsLost: number;
}

export interface QualityReading {
  level: QualityLevel | null;
  rttMs: number | null;
  /** Packets lost over the last interval, in percent. */
  lossPercent: number | null;
}

/** The limits between levels (ITU-T G.114 puts comfortable conversation under ~300 ms one way). */
export const LIMITS = { unstable: { rttMs: 350, lossPercent: 3 }, poor: { rttMs: 800, lossPercent: 10 } } as const;

/** Anything with `forEach` over stats objects: an RTCStatsReport, or a Map in tests. */
export interface StatsLike {
  forEach(callback: (value: unknown) => void): void;
}

type Stat = Record<string, unknown> & { type?: unknown; id?: unknown };

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Reads the selected candidate pair's RTT and the inbound packet counters from a stats report. */
export function sampleFromStats(report: StatsLike): StatsSample {
  const all: Stat[] = [];
  report.forEach((value) => {
    if (value && typeof value === 'object') all.push(value as Stat);
  });
  const byId = new Map(all.map((s) => [s.id, s]));

  let pair: Stat | undefined;
  for (const s of all) {
    if (s.type === 'transport' && typeof s.selectedCandidatePairId === 'string') {
      pair = byId.get(s.selectedCandidatePairId);
      if (pair) break;
    }
  }
  pair ??= all.find((s) => s.type === 'candidate-pair' && s.nominated === true && s.state === 'succeeded');
  pair ??= all.find((s) => s.type === 'candidate-pair' && s.state === 'succeeded' && num(s.currentRoundTripTime) !== null);
  const rtt = pair ? num(pair.currentRoundTripTime) : null;

  let packetsReceived = 0;
  let packetsLost = 0;
  for (const s of all) {
    if (s.type !== 'inbound-rtp') continue;
    packetsReceived += num(s.packetsReceived) ?? 0;
    packetsLost += Math.max(0, num(s.packetsLost) ?? 0);
  }
  return { rttMs: rtt === null ? null : Math.round(rtt * 1000), packetsReceived, packetsLost };
}

/** The level for a sample, using the packets of the interval since `previous` when given. */
export function qualityFrom(current: StatsSample, previous?: StatsSample | null): QualityReading {
  let received = current.packetsReceived;
  let lost = current.packetsLost;
  if (previous) {
    received = Math.max(0, current.packetsReceived - previous.packetsReceived);
    lost = Math.max(0, current.packetsLost - previous.packetsLost);
  }
  const total = received + lost;
  const lossPercent = total > 0 ? Math.round((lost / total) * 1000) / 10 : null;
  const { rttMs } = current;
  if (rttMs === null && lossPercent === null) return { level: null, rttMs, lossPercent };
  const over = (limit: { rttMs: number; lossPercent: number }) =>
    (rttMs !== null && rttMs >= limit.rttMs) || (lossPercent !== null && lossPercent >= limit.lossPercent);
  const level: QualityLevel = over(LIMITS.poor) ? 'poor' : over(LIMITS.unstable) ? 'unstable' : 'good';
  return { level, rttMs, lossPercent };
}

/** Remembers since when the quality has been "Ruim", to offer audio only when it lasts. */
export class PoorQualityTimer {
  private poorSince: number | null = null;

  /** Records a reading; returns for how long (ms) the quality has been poor without a break. */
  push(level: QualityLevel | null, now: number): number {
    if (level !== 'poor') {
      this.poorSince = null;
      return 0;
    }
    this.poorSince ??= now;
    return now - this.poorSince;
  }

  reset(): void {
    this.poorSince = null;
  }
}
