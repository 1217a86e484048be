import type { Evolution, RecordConsultation } from '#shared/schemas/records.ts';

/** What a visit knows of its consultation: the full row when loaded, the evolution's copy otherwise. */
export type VisitConsultation = Pick<RecordConsultation, 'id' | 'startedAt' | 'endedAt' | 'durationSeconds' | 'finalizedBy'> &
  Partial<Pick<RecordConsultation, 'kind' | 'reason' | 'doctorName' | 'note'>>;

/** An entry with the addenda that correct it (as records' groupAddenda gives them). */
export interface EntryGroup {
  entry: Evolution;
  addenda: Evolution[];
}

/**
 * One visit on the patient's timeline: a consultation (by video, in person or by phone) with the
 * entries written in it, or an entry written outside any call. `at` labels and orders it: the
 * call's start, or the entry's creation.
 */
export interface Visit {
  key: string;
  at: string;
  consultation: VisitConsultation | null;
  entries: EntryGroup[];
}

/** A paged list as loaded so far: its items (newest first) and whether older pages remain. */
export interface LoadedList<T> {
  items: readonly T[];
  hasMore: boolean;
}

/**
 * The visits to show, newest first, from the two paged lists of the record (consultations by
 * start, entries by creation). A list with more pages only says what happened down to its oldest
 * loaded item; anything older could be missing a part, so it waits until that list loads further
 * (`horizon`). `next` names the list whose next page moves the horizon.
 */
export function groupVisits(
  consultations: LoadedList<RecordConsultation>,
  entries: LoadedList<EntryGroup>,
): { visits: Visit[]; next: 'consultations' | 'entries' | null } {
  const byKey = new Map<string, Visit>();
  for (const c of consultations.items) byKey.set(c.id, { key: c.id, at: c.startedAt, consultation: c, entries: [] });
  for (const group of entries.items) {
    const c = group.entry.consultation;
    const key = c ? c.id : `entry:${group.entry.id}`;
    let visit = byKey.get(key);
    if (!visit) {
      visit = c ? { key, at: c.startedAt, consultation: c, entries: [] } : { key, at: group.entry.createdAt, consultation: null, entries: [] };
      byKey.set(key, visit);
    }
    visit.entries.push(group);
  }

  const oldestConsultation = consultations.hasMore ? consultations.items.at(-1)?.startedAt : undefined;
  const oldestEntry = entries.hasMore ? entries.items.at(-1)?.entry.createdAt : undefined;
  const horizon =
    [oldestConsultation, oldestEntry]
      .filter((t): t is string => t !== undefined)
      .sort()
      .at(-1) ?? '';
  const visits = [...byKey.values()].filter((v) => v.at >= horizon).sort((a, b) => b.at.localeCompare(a.at) || b.key.localeCompare(a.key));

  let next: 'consultations' | 'entries' | null = null;
  if (consultations.hasMore && (!entries.hasMore || (oldestConsultation ?? '') >= (oldestEntry ?? ''))) next = 'consultations';
  else if (entries.hasMore) next = 'entries';
  return { visits, next };
}
