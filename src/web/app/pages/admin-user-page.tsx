import { Suspense, lazy } from 'react';
import { Card } from '#web/components/ui/card.tsx';
import { LoadingState } from '#web/components/ui/loading-state.tsx';
import { UserDetailPage } from '#web/features/users/components/user-detail-page.tsx';

// The fees card loads after the page, so the doctor's form is not held up by billing code.
const DoctorFeesCard = lazy(() => import('#web/features/billing/components/doctor-fees-card.tsx').then((m) => ({ default: m.DoctorFeesCard })));

/**
 * /admin/usuarios/:id: the users feature's page, with billing's fees card on a doctor's page.
 * Composed here so neither feature imports the other's components.
 */
export function AdminUserPage() {
  return (
    <UserDetailPage
      doctorSection={(doctorId) => (
        <Suspense
          fallback={
            <Card>
              <LoadingState label="Carregando valores do médico…" />
            </Card>
          }
        >
          <DoctorFeesCard doctorId={doctorId} />
        </Suspense>
      )}
    />
  );
}
