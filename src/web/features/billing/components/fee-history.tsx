import { History } from 'lucide-react';
import type { FeeChange } from '#shared/schemas/fees.ts';
import { formatDateTime } from '#web/lib/format-date.ts';
import { groupChanges } from '#web/features/billing/model/fee-text.ts';

/** Who changed what, when (São Paulo time), newest first; one entry per save. */
export function FeeHistory({ history, title, empty, level = 2 }: { history: readonly FeeChange[]; title: string; empty: string; level?: 2 | 3 }) {
  const Heading = level === 2 ? 'h2' : 'h3';
  const groups = groupChanges(history);
  return (
    <section className="fee-history">
      <Heading className="fee-history-title">
        <History aria-hidden="true" />
        {title}
      </Heading>
      {groups.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ol className="fee-history-list">
          {groups.map((group) => (
            <li key={group.key} className="fee-history-item">
              <ul className="fee-history-lines">
                {group.lines.map((line) => (
                  <li key={line.key} className="tabular">
                    {line.label} <span className="fee-history-values">{line.values}</span>
                  </li>
                ))}
              </ul>
              <p className="fee-history-meta">
                {group.by} · <time dateTime={group.at}>{formatDateTime(group.at)}</time>
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
