import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { apiTokens, users } from '@/db/schema';

export const publicUserColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  disabledAt: users.disabledAt,
  createdAt: users.createdAt,
  lastSignInAt: users.lastSignInAt,
};

export async function listUsers(db: Executor, params: { q?: string; limit: number; offset: number }) {
  const where = params.q ? sql`(${users.email} ilike ${`%${params.q}%`} or ${users.name} ilike ${`%${params.q}%`})` : undefined;
  return db.select(publicUserColumns).from(users).where(where).orderBy(asc(users.email)).limit(params.limit).offset(params.offset);
}

export async function findUserByEmail(db: Executor, email: string) {
  const [row] = await db.select().from(users).where(eq(users.email, email.toLowerCase()));
  return row;
}

export async function findUserById(db: Executor, id: number) {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function countUsers(db: Executor) {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return row.n;
}

export async function countActiveGlobalAdmins(db: Executor) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.role, 'global_admin'), isNull(users.disabledAt)));
  return row.n;
}

export const publicTokenColumns = {
  id: apiTokens.id,
  name: apiTokens.name,
  prefix: apiTokens.prefix,
  scope: apiTokens.scope,
  createdAt: apiTokens.createdAt,
  expiresAt: apiTokens.expiresAt,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
};

export async function listTokensOf(db: Executor, userId: number) {
  return db.select(publicTokenColumns).from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(desc(apiTokens.createdAt));
}

export async function listAllTokens(db: Executor, params: { q?: string; limit: number; offset: number }) {
  const where = params.q ? sql`(${users.email} ilike ${`%${params.q}%`} or ${apiTokens.name} ilike ${`%${params.q}%`})` : undefined;
  return db
    .select({ ...publicTokenColumns, ownerEmail: users.email })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(where)
    .orderBy(desc(apiTokens.createdAt))
    .limit(params.limit)
    .offset(params.offset);
}
