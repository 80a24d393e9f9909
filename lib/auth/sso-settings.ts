import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { db, type Executor } from '@/db/client';
import { settings, users, type Role } from '@/db/schema';
import { env } from '@/lib/env';
import { ServiceError } from '@/lib/errors';
import { mutation } from './mutation';
import { parseRoleMap, roleMapping, roleInput, type RoleMap } from './role-map';

const SETTING_KEY = 'sso';

const ssoSettingsInput = z.object({
  /** Shown on the sign-in button: "Sign in with <providerName>". */
  providerName: z.string().trim().min(1, 'Name the provider, e.g. Keycloak').max(60).optional(),
  roleMap: z.array(roleMapping).max(200).optional(),
  /** The role of a person in none of the mapped groups; null refuses them. */
  defaultRole: roleInput.nullable().optional(),
  /** `break_glass_only`: password sign-in works only for the break-glass Global Admin (single sign-on for everyone else). */
  passwordSignIn: z.enum(['everyone', 'break_glass_only']).optional(),
  breakGlassEmail: z.union([z.literal(''), z.string().trim().toLowerCase().max(254).email('Enter the email of a Global Admin')]).nullable().optional(),
});

export type SsoSettings = {
  providerName: string;
  roleMap: RoleMap;
  defaultRole: Role | null;
  passwordSignIn: 'everyone' | 'break_glass_only';
  breakGlassEmail: string | null;
};

const defaults: SsoSettings = { providerName: 'single sign-on', roleMap: [], defaultRole: null, passwordSignIn: 'everyone', breakGlassEmail: null };

export const oidcConfigured = () => {
  const e = env();
  return !!(e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET);
};

async function storedSettings(executor: Executor): Promise<SsoSettings> {
  const [row] = await executor.select().from(settings).where(eq(settings.key, SETTING_KEY));
  return { ...defaults, ...(row?.value as Partial<SsoSettings> | undefined) };
}

/** What sign-in uses: OIDC_ROLE_MAP, when set, replaces the mapping saved on the settings page. */
export async function ssoSettings(executor: Executor = db()) {
  const stored = await storedSettings(executor);
  const fromEnv = env().OIDC_ROLE_MAP;
  return { ...stored, roleMap: fromEnv ? parseRoleMap(fromEnv) : stored.roleMap, roleMapFromEnv: !!fromEnv, configured: oidcConfigured() };
}

/**
 * Whether this account may sign in with a password. Only restricted once single sign-on is configured,
 * so turning OIDC off again can never lock everybody out.
 */
export async function passwordSignInAllowed(email: string) {
  if (!oidcConfigured()) return true;
  const s = await storedSettings(db());
  return s.passwordSignIn === 'everyone' || s.breakGlassEmail === email.toLowerCase();
}

export const updateSsoSettings = mutation({
  action: 'settings.sso.update',
  permission: 'users.manage',
  input: ssoSettingsInput,
  async run({ tx, actor, input, audit }) {
    const before = await storedSettings(tx);
    const next: SsoSettings = {
      providerName: input.providerName ?? before.providerName,
      roleMap: input.roleMap ?? before.roleMap,
      defaultRole: input.defaultRole === undefined ? before.defaultRole : input.defaultRole,
      passwordSignIn: input.passwordSignIn ?? before.passwordSignIn,
      breakGlassEmail: input.breakGlassEmail === undefined ? before.breakGlassEmail : input.breakGlassEmail || null,
    };
    if (next.passwordSignIn === 'break_glass_only') {
      if (!next.breakGlassEmail) throw new ServiceError('validation', 'Name the break-glass Global Admin first', { breakGlassEmail: 'Required while password sign-in is limited' });
      const [admin] = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.email, next.breakGlassEmail), eq(users.role, 'global_admin'), isNull(users.disabledAt)));
      if (!admin) throw new ServiceError('validation', 'The break-glass account must be an enabled Global Admin', { breakGlassEmail: 'Not an enabled Global Admin' });
    }
    await tx
      .insert(settings)
      .values({ key: SETTING_KEY, value: next, updatedBy: actor.id })
      .onConflictDoUpdate({ target: settings.key, set: { value: next, updatedAt: sql`now()`, updatedBy: actor.id } });
    audit({ target: 'settings:sso', details: { before, after: next } });
    return next;
  },
});
