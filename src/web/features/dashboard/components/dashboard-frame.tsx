import { useState } from 'react';
import type { ReactNode } from 'react';
import type { Dashboard } from '../../../../shared/schemas/dashboard';
import { BackgroundShapes } from '../../../components/ui/background-shapes';
import { Card } from '../../../components/ui/card';
import { ErrorState } from '../../../components/ui/error-state';
import { PageHeader } from '../../../components/ui/page-header';
import { messageOf } from '../../../lib/api-error';
import { useMe } from '../../auth/api/get-me';
import { useDashboard } from '../api/get-dashboard';
import { DashboardSkeleton } from './dashboard-skeleton';
import { firstNameOf } from '../../../../shared/domain/person-name';
import { greeting } from './dashboard-greeting';
import './dashboard.css';

type RoleDashboard<R extends Dashboard['role']> = Extract<Dashboard, { role: R }>;

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

  let body: ReactNode;
  if (dashboard.isPending) body = <DashboardSkeleton cards={skeletonCards} />;
  else if (dashboard.isError)
    body = (
      <Card>
        <ErrorState message={messageOf(dashboard.error)} onRetry={() => void dashboard.refetch()} retrying={dashboard.isFetching} />
      </Card>
    );
  else if (dashboard.data.role !== role)
    body = (
      <Card>
        <ErrorState message="Os dados recebidos não são deste painel. Carregue a página de novo." onRetry={() => void dashboard.refetch()} />
      </Card>
    );
  else body = children(dashboard.data as RoleDashboard<R>);

  return (
    <>
      <BackgroundShapes />
      <PageHeader title={name ? `${hello}, ${name}` : hello} description={description} actions={actions} />
      <div className="dashboard">{body}</div>
    </>
  );
}
