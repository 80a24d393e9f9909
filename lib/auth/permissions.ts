import type { Role } from '@/db/schema';

export const roles = ['global_admin', 'admin', 'operator', 'viewer'] as const satisfies readonly Role[];

export const roleLabels: Record<Role, string> = {
  global_admin: 'Global Admin',
  admin: 'Admin',
  operator: 'Operator',
  viewer: 'Viewer',
};

const everyone = roles;
const admins = ['global_admin', 'admin'] as const;
const operators = ['global_admin', 'admin', 'operator'] as const;

/** The one role -> permission table. Every mutation names one of these; the server checks it. */
export const permissions = {
  'peering.read': everyone,
  'tokens.own': everyone,
  'account.own': everyone,
  'users.manage': ['global_admin'],
  'emails.read': ['global_admin'],
  'emails.manage': ['global_admin'],
  'admin.access': admins,
  'audit.read': admins,
  'settings.manage': admins,
  'templates.manage': admins,
  'policies.manage': admins,
  'import.run': admins,
  'routers.trust': admins,
  'changes.approve': admins,
  'changes.emergency': admins,
  'peeringdb.sync': operators,
  'routers.manage': operators,
  'sessions.manage': operators,
  'sessions.configure': operators,
  'peers.manage': operators,
  'jobs.manage': operators,
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export function can(role: Role, permission: Permission): boolean {
  return (permissions[permission] as readonly Role[]).includes(role);
}
