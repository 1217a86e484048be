import { describe, expect, it } from 'vitest';
import type { Evolution } from '#shared/schemas/records.ts';
import { groupAddenda } from './group-addenda';

function entry(id: string, over: Partial<Evolution> = {}): Evolution {
  return {
    id,
    patientId: 'p',
    doctor: { id: 'd', name: 'Ana', crm: 'CRM/SP 1', specialty: 'Clínica' },
    kind: 'evolution',
    amendsId: null,
    status: 'final',
    roomCode: null,
    consultation: null,
    content: { complaint: '', history: '', exam: '', plan: '', notes: id },
    diagnoses: [],
    prescriptions: [],
    version: 1,
    createdAt: '2026-11-01T10:00:00Z',
    updatedAt: '2026-11-01T10:00:00Z',
    finalizedAt: '2026-11-01T10:00:00Z',
    contentHash: null,
    ...over,
  };
}

describe('groupAddenda', () => {
  it('attaches addenda to the entry they correct, oldest first, keeping entry order', () => {
    const list = [
      entry('a2', { kind: 'addendum', amendsId: 'e1', finalizedAt: '2026-11-03T10:00:00Z' }),
      entry('e2'),
      entry('a1', { kind: 'addendum', amendsId: 'e1', finalizedAt: '2026-11-02T10:00:00Z' }),
      entry('e1'),
    ];
    const groups = groupAddenda(list);
    expect(groups.map((g) => g.entry.id)).toEqual(['e2', 'e1']);
    expect(groups[1]!.addenda.map((a) => a.id)).toEqual(['a1', 'a2']);
    expect(groups[0]!.addenda).toEqual([]);
  });

  it('keeps an addendum whose entry is not listed as its own item', () => {
    const groups = groupAddenda([entry('a1', { kind: 'addendum', amendsId: 'gone' })]);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.entry.id).toBe('a1');
  });
});
