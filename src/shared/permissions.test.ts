import { describe, expect, it } from 'vitest';
import { PERMISSIONS, type Permission, ROLES, type Role, can, permissionsOf } from './permissions';

// The table spelled out once more: any change to who may do what has to change this test too.
const EXPECTED: Record<Role, readonly Permission[]> = {
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

describe('can()', () => {
  for (const role of ROLES) {
    for (const permission of PERMISSIONS) {
      const allowed = EXPECTED[role].includes(permission);
      it(`${allowed ? 'allows' : 'denies'} ${role} → ${permission}`, () => {
        expect(can(role, permission)).toBe(allowed);
      });
    }
  }

  it('gives every role its own dashboard, profile, password and related photos', () => {
    for (const role of ROLES) {
      for (const p of ['read:dashboard:own', 'update:profile:own', 'update:password:own', 'read:photo:related'] as const) expect(can(role, p)).toBe(true);
    }
  });

  it('keeps user management with the admin and patient records with doctors', () => {
    expect(ROLES.filter((r) => can(r, 'manage:users:any'))).toEqual(['admin']);
    expect(ROLES.filter((r) => can(r, 'read:users:any'))).toEqual(['admin']);
    for (const p of ['create:patient:own', 'read:patient:own', 'update:patient:own', 'invite:patient:own'] as const) {
      expect(ROLES.filter((r) => can(r, p))).toEqual(['doctor']);
    }
    expect(ROLES.filter((r) => can(r, 'read:doctor:own'))).toEqual(['patient']);
  });

  it('keeps clinical records away from the admin, who sees only the access log', () => {
    for (const p of ['read:record:own', 'write:evolution:own'] as const) expect(ROLES.filter((r) => can(r, p))).toEqual(['doctor']);
    expect(can('admin', 'read:document:own')).toBe(false);
    expect(ROLES.filter((r) => can(r, 'read:access-log:any'))).toEqual(['admin']);
    // Fees are the clinic's business: only the admin sets them.
    expect(ROLES.filter((r) => can(r, 'manage:fees:any'))).toEqual(['admin']);
    // Money: the admin sees and decides all of it, a doctor only their own, a patient none.
    expect(ROLES.filter((r) => can(r, 'read:billing:any'))).toEqual(['admin']);
    expect(ROLES.filter((r) => can(r, 'review:billing:any'))).toEqual(['admin']);
    expect(ROLES.filter((r) => can(r, 'read:billing:own'))).toEqual(['doctor']);
    expect(ROLES.filter((r) => can(r, 'register:consultation:own'))).toEqual(['doctor']);
    expect(ROLES.filter((r) => can(r, 'manage:payments:any'))).toEqual(['admin']);
    expect(ROLES.filter((r) => can(r, 'manage:backups:any'))).toEqual(['admin']);
    expect(ROLES.filter((r) => can(r, 'reset:database:any'))).toEqual(['admin']);
    expect(ROLES.filter((r) => can(r, 'read:payments:own'))).toEqual(['doctor']);
    expect(ROLES.filter((r) => can(r, 'confirm:payments:own'))).toEqual(['doctor']);
  });

  it('denies what is not a permission', () => {
    expect(can('admin', 'delete:everything:any' as Permission)).toBe(false);
    expect(can('doctor', '' as Permission)).toBe(false);
  });
});

describe('permissionsOf()', () => {
  it('lists exactly the table, with no unknown or repeated permission', () => {
    for (const role of ROLES) {
      const granted = permissionsOf(role);
      expect([...granted].sort()).toEqual([...EXPECTED[role]].sort());
      expect(new Set(granted).size).toBe(granted.length);
      for (const p of granted) expect(PERMISSIONS).toContain(p);
    }
  });

  it('leaves no permission unused', () => {
    const used = new Set(ROLES.flatMap((r) => permissionsOf(r)));
    expect(PERMISSIONS.filter((p) => !used.has(p))).toEqual([]);
  });
});
