import clsx from 'clsx';
import { ReceiptText } from 'lucide-react';
import type { ComponentProps, ReactNode } from 'react';
import type { BillingStatus } from '#shared/schemas/billing.ts';
import { EmptyState } from '#web/components/ui/empty-state.tsx';
import { ErrorState } from '#web/components/ui/error-state.tsx';
import { LoadMore } from '#web/components/ui/load-more.tsx';
import { LoadingState } from '#web/components/ui/loading-state.tsx';
import { messageOf } from '#web/lib/api-error.ts';
import { formatDateTime } from '#web/lib/format-date.ts';
import { consultationsText } from '#web/features/billing/model/billing-text.ts';
import { BillingStatusBadge } from './billing-status-badge';

/** What the table needs of the records' paged query. */
interface RecordsQuery {
  isPending: boolean;
  isError: boolean;
  isSuccess: boolean;
  isFetching: boolean;
  error: unknown;
  refetch: () => Promise<unknown>;
}

interface Props<T> {
  query: RecordsQuery;
  /** The records loaded so far (`usePagedList`) and the props of their LoadMore. */
  items: T[];
  loadMore: Omit<ComponentProps<typeof LoadMore>, 'label'>;
  /** What the empty state says under "Nenhuma consulta encontrada". */
  emptyDescription: string;
  caption: ReactNode;
  /** The column headings after "Data e hora". */
  headers: ReactNode;
  /** One BillingRecordRow per record. */
  row: (item: T) => ReactNode;
}

/**
 * A paged list of billing records: how many are listed (for screen readers), then loading, error,
 * empty, or the table with "Carregar mais consultas".
 */
export function BillingRecordsTable<T>({ query, items, loadMore, emptyDescription, caption, headers, row }: Props<T>) {
  return (
    <>
      <p className="sr-only" role="status">
        {query.isSuccess ? `${consultationsText(items.length)} na lista${loadMore.hasMore ? ', e há mais para carregar' : ''}.` : ''}
      </p>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState message={messageOf(query.error)} onRetry={() => void query.refetch()} retrying={query.isFetching} />
      ) : items.length === 0 ? (
        <EmptyState level={3} icon={<ReceiptText />} title="Nenhuma consulta encontrada" description={emptyDescription} />
      ) : (
        <>
          <table className="billing-table billing-records">
            <caption className="sr-only">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">Data e hora</th>
                {headers}
              </tr>
            </thead>
            <tbody>{items.map(row)}</tbody>
          </table>
          <LoadMore {...loadMore} label="Carregar mais consultas" />
        </>
      )}
    </>
  );
}

/**
 * A record's row, from its date and time (Brasília) to `children`, the table's other cells; voided and
 * rejected records are greyed out (and a voided one's money struck through).
 */
export function BillingRecordRow({ record, children }: { record: { status: BillingStatus; finishedAt: string }; children: ReactNode }) {
  return (
    <tr className={clsx(record.status === 'voided' && 'is-voided', record.status === 'rejected' && 'is-rejected')}>
      <td data-label="Data e hora" className="tabular">
        {formatDateTime(record.finishedAt)}
      </td>
      {children}
    </tr>
  );
}

/** "Situação": the status badge and, under it, the admin's note (why it was rejected or voided). */
export function BillingStatusCell({ status, note }: { status: BillingStatus; note: string | null }) {
  return (
    <td data-label="Situação">
      <div className="billing-status">
        <BillingStatusBadge status={status} />
        {note ? <span className="billing-note">{note}</span> : null}
      </div>
    </td>
  );
}
