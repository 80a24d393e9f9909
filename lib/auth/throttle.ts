import { sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { signInThrottles } from '@/db/schema';

/** Failed sign-ins are counted per account and per client address, in the database so every instance agrees. */
export const throttleRules = {
  account: { failures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
  address: { failures: 30, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
};

type Rule = (typeof throttleRules)[keyof typeof throttleRules];

export const accountKey = (email: string) => `account:${email.toLowerCase()}`;
export const addressKey = (ip: string) => `address:${ip}`;

/** Seconds until the key may try again, or 0. */
export async function lockedFor(key: string): Promise<number> {
  const [row] = await db().select().from(signInThrottles).where(sql`${signInThrottles.key} = ${key}`);
  const until = row?.lockedUntil?.getTime() ?? 0;
  return Math.max(0, Math.ceil((until - Date.now()) / 1000));
}

export async function recordFailure(key: string, rule: Rule) {
  const windowStart = sql`${new Date(Date.now() - rule.windowMs).toISOString()}::timestamptz`;
  const lockUntil = sql`${new Date(Date.now() + rule.lockMs).toISOString()}::timestamptz`;
  await db().execute(sql`
    insert into sign_in_throttles (key, failures, window_started_at) values (${key}, 1, now())
    on conflict (key) do update set
      failures = case when sign_in_throttles.window_started_at < ${windowStart} then 1 else sign_in_throttles.failures + 1 end,
      window_started_at = case when sign_in_throttles.window_started_at < ${windowStart} then now() else sign_in_throttles.window_started_at end,
      locked_until = case
        when sign_in_throttles.window_started_at >= ${windowStart} and sign_in_throttles.failures + 1 >= ${rule.failures}
        then ${lockUntil} else sign_in_throttles.locked_until end`);
}

export async function clearFailures(key: string) {
  await db().delete(signInThrottles).where(sql`${signInThrottles.key} = ${key}`);
}
