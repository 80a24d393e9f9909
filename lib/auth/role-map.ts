import { z } from 'zod';
import type { Role } from '@/db/schema';
import { roles } from './permissions';

export const roleInput = z.enum(roles, { message: `One of ${roles.join(', ')}` });
export const roleMapping = z.object({ group: z.string().trim().min(1, 'Name the group').max(200), role: roleInput });
export type RoleMap = { group: string; role: Role }[];

/** OIDC_ROLE_MAP: `group=role` pairs separated by commas, e.g. `netops-admins=admin,noc=viewer`. */
export function parseRoleMap(text: string): RoleMap {
  return text
    .split(',')
    .map((pair) => pair.trim())
    .filter(Boolean)
    .map((pair) => {
      const at = pair.lastIndexOf('=');
      const parsed = roleMapping.safeParse({ group: pair.slice(0, at), role: pair.slice(at + 1).trim() });
      if (at < 1 || !parsed.success) throw new Error(`"${pair}" is not group=role with a role of ${roles.join(', ')}`);
      return parsed.data;
    });
}

const rank: Record<Role, number> = { global_admin: 0, admin: 1, operator: 2, viewer: 3 };

/** The most powerful role any of the person's groups maps to; else the default role; else null (refused). */
export function roleForGroups(groups: string[], map: RoleMap, defaultRole: Role | null): Role | null {
  const mapped = map.filter((m) => groups.includes(m.group)).map((m) => m.role);
  return mapped.sort((a, b) => rank[a] - rank[b])[0] ?? defaultRole;
}
