import { DangerZoneCard } from '../../features/backups/components/danger-zone-card';
import { AdminDashboardPage } from '../../features/dashboard/components/admin-dashboard-page';

/** /admin: the dashboard, with the backups feature's "Zona de perigo" card at the bottom. */
export function AdminHomePage() {
  return <AdminDashboardPage footer={<DangerZoneCard />} />;
}
