import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { db } from '@/db/client';
import { jobs, mailSyncState } from '@/db/schema';
import { mutation } from '@/lib/auth/mutation';
import { enqueueJob, keepRecurring } from '@/lib/jobs/queue';
import type { JobContext } from '@/lib/jobs/runner';
import { mailConfig } from './settings';
import { syncMail } from './sync';

export const MAIL_SYNC = 'mail.sync';

/** The "mail.sync" job: Inbox and Sent, incrementally. */
export async function mailSyncJob(ctx: JobContext) {
  const results = await syncMail(await mailConfig(), { signal: ctx.signal, onProgress: (p) => ctx.progress(p) });
  for (const r of results) ctx.log(`${r.folder}: ${r.fetched} fetched, ${r.stored} stored, ${r.unreadable} unreadable${r.resynced ? ' (UIDVALIDITY changed: read again)' : ''}`);
  return { mailboxes: results };
}

/** Keeps the sync scheduled every sync interval while an IMAP account is set (called on every scheduler tick). */
export async function ensureMailSync() {
  const config = await mailConfig();
  if (!config.imap || config.syncIntervalSeconds === 0) return;
  await keepRecurring(db(), MAIL_SYNC, config.syncIntervalSeconds, 'Peering mailbox sync (every sync interval)');
}

/** "Sync now": the scheduled sync, brought forward to now (or the one already running). */
export const requestMailSync = mutation({
  action: 'mail.sync',
  permission: 'emails.manage',
  input: z.object({}).default({}),
  async run({ tx, actor, audit }) {
    const job = await enqueueJob(tx, { kind: MAIL_SYNC, dedupeKey: MAIL_SYNC, createdBy: actor.id, summary: 'Peering mailbox sync (Sync now)' });
    if (job.status === 'scheduled' && job.runAt > new Date()) await tx.update(jobs).set({ runAt: new Date() }).where(eq(jobs.id, job.id));
    audit({ target: `job:${job.id}` });
    return { id: job.id, status: job.status };
  },
});

export async function mailSyncStates() {
  return db().select().from(mailSyncState);
}
