import { eq, or, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { auditLog, users, type Role } from '@/db/schema';
import { logger } from '@/lib/log/logger';
import { roleForGroups } from './role-map';
import { ssoSettings } from './sso-settings';

export type OidcIdentity = { subject: string; email: string | null; name: string; groups: string[] };

type OidcRefusal = 'no_email' | 'no_role' | 'disabled';

export type OidcOutcome = {
  ok: true;
  user: { id: number; email: string; name: string; role: Role; sessionVersion: number };
} | { ok: false; refusal: OidcRefusal };

/**
 * A person the OpenID Provider vouched for becomes a local user: found by the provider's subject (or,
 * the first time, by email, so an account an admin created beforehand is taken over), created if new.
 * The role comes from their groups at every sign-in, so a change at the provider counts at the next one.
 */
export async function signInWithOidc(identity: OidcIdentity): Promise<OidcOutcome> {
  const config = await ssoSettings();
  const role = roleForGroups(identity.groups, config.roleMap, config.defaultRole);
  const email = identity.email?.trim().toLowerCase();
  const outcome = await db().transaction(async (tx): Promise<OidcOutcome> => {
    const matches = await tx
      .select()
      .from(users)
      .where(email ? or(eq(users.oidcSubject, identity.subject), eq(users.email, email)) : eq(users.oidcSubject, identity.subject));
    const existing = matches.find((u) => u.oidcSubject === identity.subject) ?? matches[0];
    if (!existing && !email) return { ok: false, refusal: 'no_email' };
    if (!role) return { ok: false, refusal: 'no_role' };
    if (existing?.disabledAt) return { ok: false, refusal: 'disabled' };
    const audit = (userId: number, action: string, details: Record<string, unknown>) =>
      tx.insert(auditLog).values({ actorId: userId, actorLabel: email ?? identity.subject, via: 'web', action, target: `user:${userId}`, details });
    if (!existing) {
      const [created] = await tx
        .insert(users)
        // No usable password: this person signs in through the provider only.
        .values({ email: email!, name: identity.name, role, passwordHash: '', oidcSubject: identity.subject, lastSignInAt: new Date() })
        .returning();
      await audit(created.id, 'user.create', { via: 'oidc', role, groups: identity.groups });
      return { ok: true, user: created };
    }
    const roleChanged = existing.role !== role;
    const [updated] = await tx
      .update(users)
      .set({
        role,
        oidcSubject: identity.subject,
        lastSignInAt: new Date(),
        updatedAt: new Date(),
        // A role taken away at the provider also ends the person's other open sessions.
        ...(roleChanged && { sessionVersion: sql`${users.sessionVersion} + 1` }),
      })
      .where(eq(users.id, existing.id))
      .returning();
    if (roleChanged) await audit(existing.id, 'user.role_from_oidc', { from: existing.role, to: role, groups: identity.groups });
    return { ok: true, user: updated };
  });
  if (!outcome.ok) logger().warn({ subject: identity.subject, email, groups: identity.groups, refusal: outcome.refusal }, 'single sign-on refused');
  else logger().info({ actor: outcome.user.email, role: outcome.user.role }, 'single sign-on');
  return outcome.ok
    ? {
      ok: true,
      user: {
        id: outcome.user.id,
        email: outcome.user.email,
        name: outcome.user.name,
        role: outcome.user.role,
        sessionVersion: outcome.user.sessionVersion,
      },
    }
    : outcome;
}
