import { Suspense, lazy } from 'react';
import { DoctorDashboard } from '#web/features/dashboard/components/doctor-dashboard.tsx';
import { MyPaymentsPrompt } from '#web/features/payments/components/my-payments-prompt.tsx';

// The dialog (patient list, form, link panel) downloads when "Nova consulta" is first pressed,
// not with the home: the home stays within the first-load budget (bench:web).
const NewRoomDialog = lazy(() => import('#web/features/rooms/components/new-room-dialog.tsx').then((m) => ({ default: m.NewRoomDialog })));

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
