import { PatientDashboard } from '../../features/dashboard/components/patient-dashboard';
import { PatientConsultationHistory, PatientOpenRooms } from '../../features/rooms/components/patient-rooms-section';

/** /paciente: the dashboard feature's patient home, with the rooms feature's open rooms and history. */
export function PatientDashboardPage() {
  return <PatientDashboard openRooms={<PatientOpenRooms />} history={<PatientConsultationHistory />} />;
}
