import clsx from 'clsx';
import type { ReactNode } from 'react';

/** The heading of a column of figures (counts, amounts): right-aligned by the table's `.num` rule. */
export function NumHeader({ children }: { children: ReactNode }) {
  return (
    <th scope="col" className="num">
      {children}
    </th>
  );
}

/** A cell of figures; `label` names it where a phone shows each row as a card (the `data-label` the table's CSS prints). */
export function NumCell({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <td data-label={label} className={clsx('num', className)}>
      {children}
    </td>
  );
}
