import { useIsFetching } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { Dashboard } from '#shared/schemas/dashboard.ts';
import { BackgroundShapes } from '#web/components/ui/background-shapes.tsx';
import { Card } from '#web/components/ui/card.tsx';
import { ErrorState } from '#web/components/ui/error-state.tsx';
import { PageHeader } from '#web/components/ui/page-header.tsx';
import { messageOf } from '#web/lib/api-error.ts';
import { useMe } from '#web/lib/get-me.ts';
import { useDashboard } from '#web/features/dashboard/api/get-dashboard.ts';
import { DashboardSkeleton } from './dashboard-skeleton';
import { firstNameOf } from '#shared/domain/person-name.ts';
import { greeting } from './dashboard-greeting';
import './dashboard.css';

type RoleDashboard<R extends Dashboard['role']> = Extract<Dashboard, { role: R }>;

/** The longest the skeleton stays up for the cards' own lists; after it, they show their own loading state. */
const REVEAL_WAIT_MS = 1500;

/**
 * True once the cards, mounted hidden under the skeleton, have their first answers (or after
 * {@link REVEAL_WAIT_MS}): the page then appears in one piece instead of a skeleton per card that
 * its content pushes the cards below it out of place (layout shift on a phone). Stays true.
 */
function useCardsReady(mounted: boolean): boolean {
  const firstLoads = useIsFetching({ predicate: (query) => query.state.status === 'pending' });
  const [counted, setCounted] = useState(false);
  const [timedOut, setTimedOut] = useState(false);
  const [ready, setReady] = useState(false);
  // The cards start their queries in their own effects, which run before this one: only from a
  // render after it does firstLoads count them.
  useEffect(() => {
    if (!mounted || ready) return;
    const count = setTimeout(() => setCounted(true), 0);
    const timer = setTimeout(() => setTimedOut(true), REVEAL_WAIT_MS);
    return () => {
      clearTimeout(count);
      clearTimeout(timer);
    };
  }, [mounted, ready]);
  if (!ready && counted && (firstLoads === 0 || timedOut)) setReady(true);
  return ready;
}

interface DashboardFrameProps<R extends Dashboard['role']> {
  role: R;
  description: string;
  actions?: ReactNode;
  skeletonCards?: number;
  children: (data: RoleDashboard<R>) => ReactNode;
}

/** Greeting, background shapes, and the loading / error states shared by every dashboard. */
export function DashboardFrame<R extends Dashboard['role']>({ role, description, actions, skeletonCards, children }: DashboardFrameProps<R>) {
  const { data: me } = useMe();
  const dashboard = useDashboard();
  const [hello] = useState(() => greeting());
  const name = me ? firstNameOf(me.user.name) : '';

  const loaded = dashboard.isSuccess && dashboard.data.role === role;
  const cardsReady = useCardsReady(loaded);
  // useCardsReady re-renders this frame each time one of the cards' queries starts or ends (four
  // or five times while the page loads); the header and the cards do not change then, so the same
  // elements are handed back and Preact skips them, instead of drawing the whole page each time.
  const data = loaded ? (dashboard.data as RoleDashboard<R>) : undefined;
  const cards = useMemo(() => (data ? children(data) : null), [data, children]);
  const header = useMemo(
    () => <PageHeader title={name ? `${hello}, ${name}` : hello} description={description} actions={actions} />,
    [name, hello, description, actions],
  );
  let body: ReactNode = null;
  if (dashboard.isError)
    body = (
      <Card>
        <ErrorState message={messageOf(dashboard.error)} onRetry={() => void dashboard.refetch()} retrying={dashboard.isFetching} />
      </Card>
    );
  else if (dashboard.isSuccess && !loaded)
    body = (
      <Card>
        <ErrorState message="Os dados recebidos não são deste painel. Carregue a página de novo." onRetry={() => void dashboard.refetch()} />
      </Card>
    );
  else if (loaded) body = cards;
  // The cards stay in one place in the tree from the moment they mount hidden under the skeleton:
  // revealing them only unhides them, instead of mounting every card a second time (the whole
  // page's DOM, on a phone's main thread, right when the page should appear).
  const waiting = dashboard.isPending || (loaded && !cardsReady);

  return (
    <>
      <BackgroundShapes />
      {header}
      <div className="dashboard">
        {waiting ? <DashboardSkeleton cards={skeletonCards} /> : null}
        <div className="dashboard-content" hidden={waiting}>
          {body}
        </div>
      </div>
    </>
  );
}
