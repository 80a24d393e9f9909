import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { db, type Executor } from '@/db/client';
import { settings } from '@/db/schema';
import { followUpInput, noticesInput, DEFAULT_FOLLOW_UP, DEFAULT_NOTICES, type FollowUpSettings, type NoticeSettings } from './follow-up-schemas';

async function read<T>(executor: Executor, key: string): Promise<Partial<T>> {
  const [row] = await executor.select({ value: settings.value }).from(settings).where(eq(settings.key, key));
  return (row?.value as Partial<T> | undefined) ?? {};
}

export async function followUpSettings(executor: Executor = db()): Promise<FollowUpSettings> {
  return { ...DEFAULT_FOLLOW_UP, ...(await read<FollowUpSettings>(executor, 'followUp')) };
}

export async function noticeSettings(executor: Executor = db()): Promise<NoticeSettings> {
  return { ...DEFAULT_NOTICES, ...(await read<NoticeSettings>(executor, 'notices')) };
}

/** Saves either part inside the caller's transaction; returns what changed, for the audit. */
export async function applyRequestSettings(
  tx: Executor,
  actorId: number | null,
  input: { followUp?: z.output<typeof followUpInput>; notices?: z.output<typeof noticesInput> },
) {
  const changed: string[] = [];
  const parts = [
    ['followUp', input.followUp, await followUpSettings(tx)],
    ['notices', input.notices, await noticeSettings(tx)],
  ] as const;
  for (const [key, given, current] of parts) {
    if (!given) continue;
    const next = { ...current, ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) };
    await tx
      .insert(settings)
      .values({ key, value: next, updatedBy: actorId })
      .onConflictDoUpdate({ target: settings.key, set: { value: next, updatedAt: sql`now()`, updatedBy: actorId } });
    changed.push(`${key}: ${JSON.stringify(next)}`);
  }
  return changed;
}
