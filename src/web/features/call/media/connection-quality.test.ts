import { describe, expect, it } from 'vitest';
import { PoorQualityTimer, qualityFrom, sampleFromStats } from './connection-quality';

function report(stats: Record<string, unknown>[]): Map<string, unknown> {
  return new Map(stats.map((s) => [String(s.id), s]));
}

const base = [
  { id: 'T1', type: 'transport', selectedCandidatePairId: 'CP2' },
  { id: 'CP1', type: 'candidate-pair', state: 'failed', currentRoundTripTime: 9 },
  { id: 'CP2', type: 'candidate-pair', state: 'succeeded', nominated: true, currentRoundTripTime: 0.042 },
];

describe('sampleFromStats', () => {
  it('reads the selected pair RTT and sums inbound audio and video packets', () => {
    const sample = sampleFromStats(
      report([
        ...base,
        { id: 'IA', type: 'inbound-rtp', kind: 'audio', packetsReceived: 500, packetsLost: 5 },
        { id: 'IV', type: 'inbound-rtp', kind: 'video', packetsReceived: 1500, packetsLost: 15 },
        { id: 'OA', type: 'outbound-rtp', kind: 'audio', packetsSent: 999 },
      ]),
    );
    expect(sample).toEqual({ rttMs: 42, packetsReceived: 2000, packetsLost: 20 });
  });

  it('falls back to the nominated pair and copes with an empty report', () => {
    const sample = sampleFromStats(report([{ id: 'CP', type: 'candidate-pair', state: 'succeeded', nominated: true, currentRoundTripTime: 0.2 }]));
    expect(sample.rttMs).toBe(200);
    expect(sampleFromStats(report([]))).toEqual({ rttMs: null, packetsReceived: 0, packetsLost: 0 });
  });
});

describe('qualityFrom', () => {
  it('is "good" with low RTT and little loss', () => {
    expect(qualityFrom({ rttMs: 40, packetsReceived: 1000, packetsLost: 2 })).toMatchObject({ level: 'good', lossPercent: 0.2 });
  });

  it('uses the packets of the last interval, not the whole call', () => {
    const previous = { rttMs: 40, packetsReceived: 10_000, packetsLost: 0 };
    // 50 lost of 500 in the last interval: 10 % → poor, though the whole call lost under 0.5 %.
    expect(qualityFrom({ rttMs: 40, packetsReceived: 10_450, packetsLost: 50 }, previous)).toMatchObject({ level: 'poor', lossPercent: 10 });
    expect(qualityFrom({ rttMs: 40, packetsReceived: 10_480, packetsLost: 20 }, previous)).toMatchObject({ level: 'unstable', lossPercent: 4 });
  });

  it('rates by RTT alone when no media arrives', () => {
    expect(qualityFrom({ rttMs: 400, packetsReceived: 0, packetsLost: 0 }).level).toBe('unstable');
    expect(qualityFrom({ rttMs: 900, packetsReceived: 0, packetsLost: 0 }).level).toBe('poor');
    expect(qualityFrom({ rttMs: null, packetsReceived: 0, packetsLost: 0 }).level).toBeNull();
  });
});

describe('PoorQualityTimer', () => {
  it('measures an unbroken run of poor readings', () => {
    const timer = new PoorQualityTimer();
    expect(timer.push('poor', 1000)).toBe(0);
    expect(timer.push('poor', 7000)).toBe(6000);
    expect(timer.push('unstable', 9000)).toBe(0);
    expect(timer.push('poor', 11_000)).toBe(0);
    expect(timer.push('poor', 21_000)).toBe(10_000);
  });
});
