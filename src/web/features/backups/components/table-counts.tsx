import { countLines } from '#web/features/backups/model/backup-text.ts';

/** Rows per table, biggest first, folded under `summary`; nothing when every table is empty. */
export function TableCounts({ counts, summary }: { counts: Readonly<Record<string, number>>; summary: string }) {
  const lines = countLines(counts);
  if (!lines.length) return null;
  return (
    <details className="backup-counts">
      <summary>{summary}</summary>
      <dl>
        {lines.map((line) => (
          <div key={line.table}>
            <dt>{line.label}</dt>
            <dd className="tabular">{line.count.toLocaleString('pt-BR')}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
