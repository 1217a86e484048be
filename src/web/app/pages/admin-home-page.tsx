import { DangerZoneCard } from '#web/features/backups/components/danger-zone-card.tsx';
import { AdminDashboardPage } from '#web/features/dashboard/components/admin-dashboard-page.tsx';

/** /admin: the dashboard, with the backups feature's "Zona de perigo" card at the bottom. */
export function AdminHomePage() {
  return <AdminDashboardPage footer={<DangerZoneCard />} />;
}
