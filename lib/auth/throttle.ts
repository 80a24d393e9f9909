import { sql } from 'drizzle-orm';
import { db } from '@/db/client';

/**
 * Sign-in attempts are throttled in the database, so every instance agrees, and each attempt takes
 * its slot BEFORE the password is checked: parallel guesses cannot all slip in before the count.
 *
 * - per account + client address: a few free tries, then an exponential back-off. A guesser
 *   slows down only themselves; the account owner signing in from elsewhere is not locked out.
 * - per client address: a coarse cap on failures across every account (one address spraying many).
 */
export const throttleRules = {
  attempt: { freeFailures: 5, firstDelayMs: 30_000, maxDelayMs: 60 * 60_000, forgetMs: 24 * 60 * 60_000 },
  address: { failures: 30, windowMs: 15 * 60_000 },
};

const attemptKey = (email: string, address: string) => `attempt:${email.toLowerCase()}|${address}`;
const addressKey = (address: string) => `address:${address}`;

const at = (ms: number) => sql`${new Date(ms).toISOString()}::timestamptz`;

/**
 * Takes a slot for one try of `email` from `address`, or answers false when the caller must wait.
 * One upsert per key: the row lock makes the check and the count one step.
 */
export async function reserveAttempt(email: string, address: string): Promise<boolean> {
  if (!(await reserve(addressKey(address), addressRule()))) return false;
  if (await reserve(attemptKey(email, address), backOffRule())) return true;
  await releaseAddress(address);
  return false;
}

/**
 * A success: the account + address starts afresh, and the address gets its slot back unless it is
 * already locked. Rows nobody has touched for a day go too, so guesses at made-up accounts do not pile up.
 */
export async function recordSuccess(email: string, address: string) {
  const stale = at(Date.now() - throttleRules.attempt.forgetMs);
  await db().execute(sql`delete from sign_in_throttles where key = ${attemptKey(email, address)}
    or (window_started_at < ${stale} and (locked_until is null or locked_until < now()))`);
  await releaseAddress(address);
}

type Rule = { restartBefore: ReturnType<typeof at>; lockAfter: ReturnType<typeof sql> };

async function reserve(key: string, rule: Rule) {
  const now = Date.now();
  const rows = await db().execute(sql`
    insert into sign_in_throttles as t (key, failures, window_started_at, locked_until)
      values (${key}, 1, ${at(now)}, null)
    on conflict (key) do update set
      failures = case when t.window_started_at < ${rule.restartBefore} then 1 else t.failures + 1 end,
      window_started_at = case when t.window_started_at < ${rule.restartBefore} then ${at(now)} else t.window_started_at end,
      locked_until = case when t.window_started_at < ${rule.restartBefore} then null else ${rule.lockAfter} end
    where t.locked_until is null or t.locked_until <= ${at(now)} or t.window_started_at < ${rule.restartBefore}
    returning key`);
  return rowsOf(rows).length === 1;
}

/** After the (n+1)th failure beyond the free ones, wait firstDelay * 2^n, at most maxDelay. */
function backOffRule(): Rule {
  const { freeFailures, firstDelayMs, maxDelayMs, forgetMs } = throttleRules.attempt;
  const now = Date.now();
  const exponent = sql`least(t.failures + 1 - ${freeFailures}, 20)`;
  return {
    restartBefore: at(now - forgetMs),
    lockAfter: sql`case when t.failures + 1 >= ${freeFailures}
      then ${at(now)} + least(${firstDelayMs}::float8 * power(2, ${exponent}), ${maxDelayMs}::float8) * interval '1 millisecond'
      else null end`,
  };
}

/** The coarse per-address cap: `failures` in a window, then locked until the window ends. */
function addressRule(): Rule {
  const { failures, windowMs } = throttleRules.address;
  return {
    restartBefore: at(Date.now() - windowMs),
    lockAfter: sql`case when t.failures + 1 >= ${failures} then t.window_started_at + ${windowMs}::float8 * interval '1 millisecond' else null end`,
  };
}

async function releaseAddress(address: string) {
  await db().execute(sql`
    update sign_in_throttles set failures = failures - 1
    where key = ${addressKey(address)} and failures > 0 and locked_until is null`);
}

function rowsOf(result: unknown): unknown[] {
  return Array.isArray(result) ? result : ((result as { rows?: unknown[] }).rows ?? []);
}
