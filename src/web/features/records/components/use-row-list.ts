import { useId } from 'react';

function focusSoon(id: string): void {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}

/**
 * Editing a list of rows of fields (diagnoses, prescription items). A new row takes the focus in its
 * first field (`${key}-${firstField}`); removing one moves it to the next row's first field, or the
 * previous one's, or to the add button (`addId`) when none is left.
 */
export function useRowList<R extends { key: string }>(rows: R[], onChange: (rows: R[]) => void, newRow: () => R, firstField: string) {
  const addId = useId();

  const update = (key: string, patch: Partial<R>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  const add = () => {
    const row = newRow();
    onChange([...rows, row]);
    focusSoon(`${row.key}-${firstField}`);
  };

  const remove = (index: number) => {
    const next = rows.filter((_, i) => i !== index);
    onChange(next);
    const neighbour = next[Math.min(index, next.length - 1)];
    if (neighbour) focusSoon(`${neighbour.key}-${firstField}`);
    else focusSoon(addId);
  };

  return { addId, add, remove, update };
}
