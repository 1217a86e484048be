/**
 * The whole role → permission table. The server enforces it on every route (guards) and the
 * web app reads it only to hide what a person cannot do. Ownership ("own") is checked in the
 * services, which know whose data a request touches.
 */
export const ROLES = ['admin', 'doctor', 'patient'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'read:dashboard:own',
  'update:profile:own',
  'update:password:own',
  'manage:users:any',
  'read:users:any',
  'create:patient:own',
  'read:patient:own',
  'update:patient:own',
  'invite:patient:own',
  'read:doctor:own',
  'read:photo:related',
  'create:room:own',
  'read:room:own',
  'join:room:own',
  'finalize:room:own',
  'read:waiting-room:own',
  'accept:consent:own',
  'read:record:own',
  'write:evolution:own',
  'read:document:own',
  'read:history:own',
  'read:access-log:own',
  'read:access-log:any',
  'manage:fees:any',
  'read:billing:any',
  'review:billing:any',
  'read:billing:own',
  'register:consultation:own',
  'manage:payments:any',
  'read:payments:own',
  'confirm:payments:own',
  'manage:backups:any',
  'reset:database:any',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const TABLE: Record<Role, readonly Permission[]> = {
  admin: [
    'read:dashboard:own',
    'update:profile:own',
    'update:password:own',
    'manage:users:any',
    'read:users:any',
    'read:photo:related',
    'read:access-log:any',
    'manage:fees:any',
    'read:billing:any',
    'review:billing:any',
    'manage:payments:any',
    'manage:backups:any',
    'reset:database:any',
  ],
  doctor: [
    'read:dashboard:own',
    'update:profile:own',
    'update:password:own',
    'create:patient:own',
    'read:patient:own',
    'update:patient:own',
    'invite:patient:own',
    'read:photo:related',
    'create:room:own',
    'read:room:own',
    'join:room:own',
    'finalize:room:own',
    'read:waiting-room:own',
    'read:record:own',
    'write:evolution:own',
    'read:document:own',
    'read:billing:own',
    'register:consultation:own',
    'read:payments:own',
    'confirm:payments:own',
  ],
  patient: [
    'read:dashboard:own',
    'update:profile:own',
    'update:password:own',
    'read:doctor:own',
    'read:photo:related',
    'read:room:own',
    'join:room:own',
    'accept:consent:own',
    'read:document:own',
    'read:history:own',
    'read:access-log:own',
  ],
};

/** True when the role grants the permission. */
export function can(role: Role, permission: Permission): boolean {
  return TABLE[role].includes(permission);
}

/** The permissions of a role, for tests and for the client to hide controls. */
export function permissionsOf(role: Role): readonly Permission[] {
  return TABLE[role];
}
