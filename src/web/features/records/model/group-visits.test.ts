import { describe, expect, it } from 'vitest';
import type { Evolution, RecordConsultation } from '#shared/schemas/records.ts';
import { type EntryGroup, groupVisits } from './group-visits';

const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString();

function consultation(n: number): RecordConsultation {
  return {
    id: `c${n}`,
    startedAt: day(n),
    endedAt: day(n),
    durationSeconds: 900,
    finalizedBy: 'doctor',
    kind: 'video',
    roomCode: `room${n}`,
    doctorName: 'Dra. Helena',
    reason: null,
    note: null,
  };
}

function entry(id: string, createdAt: string, c: RecordConsultation | null = null): EntryGroup {
  const consultationCopy = c ? { id: c.id, startedAt: c.startedAt, endedAt: c.endedAt, durationSeconds: c.durationSeconds, finalizedBy: c.finalizedBy } : null;
  return { entry: { id, createdAt, consultation: consultationCopy } as unknown as Evolution, addenda: [] };
}

describe('groupVisits', () => {
  it('puts each entry under the call it was written in, newest visit first; entries outside a call stand alone', () => {
    const c1 = consultation(1);
    const c3 = consultation(3);
    const { visits, next } = groupVisits(
      { items: [c3, c1], hasMore: false },
      { items: [entry('in-3', day(3.01), c3), entry('outside', day(2)), entry('in-1', day(1.01), c1)], hasMore: false },
    );
    expect(visits.map((v) => [v.key, v.entries.map((e) => e.entry.id)])).toEqual([
      ['c3', ['in-3']],
      ['entry:outside', ['outside']],
      ['c1', ['in-1']],
    ]);
    expect(visits[0]?.at).toBe(day(3));
    expect(next).toBeNull();
  });

  it('a call with no entry is a visit of its own', () => {
    const { visits } = groupVisits({ items: [consultation(5)], hasMore: false }, { items: [], hasMore: false });
    expect(visits).toEqual([{ key: 'c5', at: day(5), consultation: consultation(5), entries: [] }]);
  });

  it('an entry whose consultation is on a later page still shows its call’s time', () => {
    const c2 = consultation(2);
    const { visits } = groupVisits({ items: [], hasMore: false }, { items: [entry('e', day(2.01), c2)], hasMore: false });
    expect(visits[0]).toMatchObject({ key: 'c2', at: day(2), consultation: { id: 'c2' } });
  });

  it('hides what is older than a list with more pages, and says which list to load next', () => {
    // Consultations loaded down to day 6 (more remain); entries down to day 26 (more remain).
    const consultations = { items: [25, 20, 10, 6].map(consultation), hasMore: true };
    const entries = { items: [entry('e45', day(45)), entry('e26', day(26))], hasMore: true };
    const first = groupVisits(consultations, entries);
    expect(first.visits.map((v) => v.key)).toEqual(['entry:e45', 'entry:e26']);
    expect(first.next).toBe('entries');

    const second = groupVisits(consultations, { items: [...entries.items, entry('e7', day(7)), entry('e3', day(3))], hasMore: true });
    expect(second.visits.map((v) => v.key)).toEqual(['entry:e45', 'entry:e26', 'c25', 'c20', 'c10', 'entry:e7', 'c6']);
    expect(second.next).toBe('consultations');

    const all = groupVisits(
      { items: consultations.items, hasMore: false },
      { items: [...entries.items, entry('e7', day(7)), entry('e3', day(3))], hasMore: false },
    );
    expect(all.visits.map((v) => v.key)).toEqual(['entry:e45', 'entry:e26', 'c25', 'c20', 'c10', 'entry:e7', 'c6', 'entry:e3']);
    expect(all.next).toBeNull();
  });
});
