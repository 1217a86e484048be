import { Suspense, lazy } from 'react';
import { DoctorDashboard } from '../../features/dashboard/components/doctor-dashboard';
import { MyPaymentsPrompt } from '../../features/payments/components/my-payments-prompt';

// The dialog (patient list, form, link panel) downloads when "Nova consulta" is first pressed,
// not with the home: the home stays within the first-load budget (bench:web).
const NewRoomDialog = lazy(() => import('../../features/rooms/components/new-room-dialog').then((m) => ({ default: m.NewRoomDialog })));

/** /medico: the dashboard feature's doctor home, with payments' prompt and rooms' new-room dialog. */
export function DoctorDashboardPage() {
  return (
    <DoctorDashboard
      paymentsPrompt={<MyPaymentsPrompt />}
      newRoomDialog={(onClose) => (
        <Suspense fallback={null}>
          <NewRoomDialog open onClose={onClose} />
        </Suspense>
      )}
    />
  );
}
