import { Navigate, Outlet } from 'react-router';
import type { Role } from '#shared/permissions.ts';
import { useMe } from '#web/lib/get-me.ts';
import { roleHome } from '#web/lib/role-home.ts';

/** Lets only one role into a branch of routes; others go to their own home. */
export function RoleGuard({ role }: { role: Role }) {
  const { data: me } = useMe();
  if (!me) return null;
  if (me.user.role !== role) return <Navigate to={roleHome(me.user.role)} replace />;
  return <Outlet />;
}
