import { PatientDashboard } from '#web/features/dashboard/components/patient-dashboard.tsx';
import { PatientConsultationHistory, PatientOpenRooms } from '#web/features/rooms/components/patient-rooms-section.tsx';

/** /paciente: the dashboard feature's patient home, with the rooms feature's open rooms and history. */
export function PatientDashboardPage() {
  return <PatientDashboard openRooms={<PatientOpenRooms />} history={<PatientConsultationHistory />} />;
}
