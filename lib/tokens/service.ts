import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { apiTokens, users } from '@/db/schema';
import { publicTokenColumns } from '@/db/queries/users';
import type { Actor } from '@/lib/auth/actor';
import { mutation } from '@/lib/auth/mutation';
import { notFound } from '@/lib/errors';
import { createTokenInput, revokeTokenInput } from '@/lib/users/schemas';

const PREFIX = 'pdk_';
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

const DAY_MS = 86_400_000;
/** Recording every use would write on every API call; a minute is precise enough to tell a live token from a dead one. */
const LAST_USED_PRECISION_MS = 60_000;

/**
 * The secret is returned once, here; only its hash is stored. Only a signed-in person or the CLI
 * makes tokens: a token that could mint tokens would outlive its own revocation.
 */
export const createToken = mutation({
  action: 'token.create',
  permission: 'tokens.own',
  notVia: { api: 'An API token cannot create tokens: create one signed in (Account) or with the CLI (token create)' },
  input: createTokenInput,
  async run({ tx, actor, input, audit }) {
    const secret = PREFIX + randomBytes(24).toString('base64url');
    const expiresAt = new Date(Date.now() + input.expiresInDays * DAY_MS);
    const [token] = await tx
      .insert(apiTokens)
      .values({
        userId: actor.id!,
        name: input.name,
        tokenHash: hashToken(secret),
        prefix: secret.slice(0, 8),
        scope: input.scope,
        expiresAt,
      })
      .returning(publicTokenColumns);
    audit({ target: `token:${token.id}`, details: { name: token.name, scope: token.scope, expiresAt } });
    return { ...token, secret };
  },
});

export const revokeToken = mutation({
  action: 'token.revoke',
  permission: 'tokens.own',
  input: revokeTokenInput,
  async run({ tx, actor, input, audit }) {
    const ownedByCaller = actor.role === 'global_admin' ? undefined : eq(apiTokens.userId, actor.id!);
    const [token] = await tx
      .update(apiTokens)
      .set({ revokedAt: sql`coalesce(${apiTokens.revokedAt}, now())` })
      .where(and(eq(apiTokens.id, input.id), ownedByCaller))
      .returning(publicTokenColumns);
    if (!token) throw notFound('Token');
    audit({ target: `token:${token.id}`, details: { name: token.name } });
    return token;
  },
});

export type BearerCheck = { actor: Actor } | { refused: string };

/** Resolves a bearer token to its (enabled) user, or says why not. */
export async function authenticateBearer(header: string | null): Promise<BearerCheck> {
  const secret = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!secret) return { refused: 'Missing bearer token (Authorization: Bearer <token>)' };
  const [row] = await db()
    .select({ token: apiTokens, user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.tokenHash, hashToken(secret)));
  if (!row) return { refused: 'Unknown token' };
  if (row.token.revokedAt) return { refused: 'This token has been revoked' };
  if (row.token.expiresAt && row.token.expiresAt.getTime() <= Date.now()) return { refused: 'Token expired' };
  if (row.user.disabledAt) return { refused: 'The account of this token is disabled' };
  if (!row.token.lastUsedAt || Date.now() - row.token.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS) await recordUse(row.token.id);
  return { actor: { id: row.user.id, email: row.user.email, role: row.user.role, via: 'api', scope: row.token.scope } };
}

/** The condition again in SQL: of parallel requests in the same minute, one writes. */
async function recordUse(id: number) {
  const stale = new Date(Date.now() - LAST_USED_PRECISION_MS);
  await db()
    .update(apiTokens)
    .set({ lastUsedAt: new Date() })
    .where(and(eq(apiTokens.id, id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, stale))));
}
