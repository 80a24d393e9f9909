import type { ImapFlow } from 'imapflow';
import { db } from '@/db/client';
import { MAIL_SYNC } from '@/lib/jobs/labels';
import { enqueueOrBringForward } from '@/lib/jobs/queue';
import { kickScheduler } from '@/lib/jobs/scheduler';
import { describeMailError, imapClient } from './accounts';
import { mailConfig } from './settings';

const RECHECK_MS = 60_000; // no IMAP account yet: look at the settings again after this long
const RECONNECT_MS = 10 * 60_000; // reconnect now and then, so changed settings are picked up
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms).unref());

type Watcher = { stopped: boolean; client: ImapFlow | null };
const state = globalThis as { __peerdeskMailWatcher?: Watcher };

/** New mail in the Inbox: the mailbox sync runs now rather than at the next sync interval. */
async function syncMailSoon() {
  const job = await enqueueOrBringForward(db(), { kind: MAIL_SYNC.name, summary: 'Peering mailbox sync (new mail)' });
  kickScheduler();
  return job;
}

/**
 * IMAP IDLE while the server runs: one connection watches the Inbox and brings the sync forward
 * when the server reports new mail. The sync itself stays a job (exactly once with several
 * instances); a dropped connection is retried with a growing delay.
 */
export function startMailWatcher() {
  if (state.__peerdeskMailWatcher) return;
  const watcher: Watcher = (state.__peerdeskMailWatcher = { stopped: false, client: null });
  void (async () => {
    let backoff = 5_000;
    while (!watcher.stopped) {
      const config = await mailConfig().catch(() => null);
      if (!config?.imap) {
        await sleep(RECHECK_MS);
        continue;
      }
      const client = imapClient(config.imap);
      watcher.client = client;
      try {
        await client.connect();
        await client.mailboxOpen(config.inboxFolder, { readOnly: true });
        backoff = 5_000;
        client.on('exists', () => void syncMailSoon().catch((err) => console.warn('mail watcher: could not schedule the sync:', err)));
        const deadline = Date.now() + RECONNECT_MS;
        while (!watcher.stopped && client.usable && Date.now() < deadline) await client.idle();
      } catch (err) {
        if (!watcher.stopped) console.warn(`mail watcher: ${describeMailError(err)}; retrying in ${backoff / 1000} s`);
        await sleep(backoff);
        backoff = Math.min(backoff * 2, 5 * 60_000);
      } finally {
        watcher.client = null;
        await client.logout().catch(() => client.close());
      }
    }
  })();
}

export async function stopMailWatcher() {
  const watcher = state.__peerdeskMailWatcher;
  if (!watcher) return;
  watcher.stopped = true;
  await watcher.client?.logout().catch(() => watcher.client?.close());
  delete state.__peerdeskMailWatcher;
}

/** Whether the watcher sits in IDLE on the Inbox right now (for the status line and tests). */
export const mailWatcherIdling = () => !!state.__peerdeskMailWatcher?.client?.idling;
