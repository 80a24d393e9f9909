import { z } from 'zod';
import { db } from '@/db/client';
import { mailSyncState } from '@/db/schema';
import { mutation } from '@/lib/auth/mutation';
import { MAIL_SYNC } from '@/lib/jobs/labels';
import { enqueueOrBringForward, keepRecurring } from '@/lib/jobs/queue';
import type { JobContext, JobKind } from '@/lib/jobs/types';
import { recordReplies } from '@/lib/peering/pipeline';
import { mailConfig } from './settings';
import { syncMail } from './sync';

/** Inbox and Sent, incrementally. */
async function mailSyncJob(ctx: JobContext) {
  const results = await syncMail(await mailConfig(), { signal: ctx.signal, onProgress: (p) => ctx.progress(p) });
  for (const r of results) ctx.log(`${r.folder}: ${r.fetched} fetched, ${r.stored} stored, ${r.unreadable} unreadable${r.resynced ? ' (UIDVALIDITY changed: read again)' : ''}`);
  const replies = await recordReplies();
  if (replies.length) ctx.log(`${replies.length} request(s) got a reply`);
  return { mailboxes: results, replies: replies.length };
}

/** Keeps the sync scheduled every sync interval while an IMAP account is set (called on every scheduler tick). */
async function ensureMailSync() {
  const config = await mailConfig();
  if (!config.imap || config.syncIntervalSeconds === 0) return;
  await keepRecurring(db(), MAIL_SYNC.name, config.syncIntervalSeconds, 'Peering mailbox sync (every sync interval)');
}

export const mailSyncKind: JobKind = { ...MAIL_SYNC, payload: z.object({}), run: mailSyncJob, recurring: ensureMailSync };

/** "Sync now": the scheduled sync, brought forward to now (or the one already running). */
export const requestMailSync = mutation({
  action: 'mail.sync',
  permission: 'emails.manage',
  input: z.object({}).default({}),
  queuesJobs: true,
  async run({ tx, actor, audit }) {
    const job = await enqueueOrBringForward(tx, { kind: MAIL_SYNC.name, createdBy: actor.id, summary: 'Peering mailbox sync (Sync now)' });
    audit({ target: `job:${job.id}` });
    return { id: job.id, status: job.status };
  },
});

export async function mailSyncStates() {
  return db().select().from(mailSyncState);
}
