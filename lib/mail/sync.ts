import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { ImapFlow } from 'imapflow';
import { db } from '@/db/client';
import { emails, mailSyncState } from '@/db/schema';
import { describeMailError, imapClient } from './accounts';
import { chooseAssociation, loadLookups } from './associate';
import { parseEmail, type ParsedEmail } from './parse';
import type { MailConfig } from './settings';

const SYNC_BATCH = 200;
type Mailbox = 'inbox' | 'sent';
export type MailboxSyncResult = {
  mailbox: Mailbox;
  folder: string;
  uidValidity: number;
  fetched: number;
  stored: number;
  unreadable: number;
  resynced: boolean;
};

type Options = { batchSize?: number; signal?: AbortSignal; onProgress?: (p: Record<string, unknown>) => void };

async function readState(mailbox: Mailbox) {
  const [row] = await db().select().from(mailSyncState).where(eq(mailSyncState.mailbox, mailbox));
  return row;
}

async function writeState(mailbox: Mailbox, values: Partial<typeof mailSyncState.$inferInsert>) {
  await db()
    .insert(mailSyncState)
    .values({ mailbox, ...values })
    .onConflictDoUpdate({ target: mailSyncState.mailbox, set: values });
}

/** Stores one fetched batch in one transaction, tied to peers, and moves the watermark past it. */
async function storeBatch(mailbox: Mailbox, uidValidity: number, batch: Array<{ uid: number; seen: boolean; parsed: ParsedEmail }>) {
  return db().transaction(async (tx) => {
    const lookups = await loadLookups(tx, batch.map((b) => ({ mailbox, ...b.parsed })));
    const rows = batch.map(({ uid, seen, parsed }) => {
      const tie = chooseAssociation({ mailbox, ...parsed }, lookups);
      // a reply later in the same batch threads onto this one
      if (tie && parsed.messageId) lookups.threads.set(parsed.messageId, tie.peerAsn);
      const { parseError: _parseError, ...fields } = parsed;
      return { ...fields, mailbox, uidValidity, uid, seen, peerAsn: tie?.peerAsn ?? null, association: tie?.association ?? null };
    });
    let adopted = 0;
    if (mailbox === 'sent') {
      // what we sent and filed ourselves, when the server gave no APPENDUID: adopt the copy instead of storing it twice
      for (const row of rows.filter((r) => r.messageId)) {
        const hit = await tx
          .update(emails)
          .set({ uidValidity, uid: row.uid })
          .where(and(eq(emails.mailbox, 'sent'), eq(emails.messageId, row.messageId!), isNull(emails.uid)))
          .returning({ id: emails.id });
        if (hit.length) {
          adopted++;
          row.uid = -1;
        }
      }
    }
    const fresh = rows.filter((r) => r.uid !== -1);
    const inserted = fresh.length ? await tx.insert(emails).values(fresh).onConflictDoNothing().returning({ id: emails.id }) : [];
    const lastUid = Math.max(...batch.map((b) => b.uid));
    await tx
      .insert(mailSyncState)
      .values({ mailbox, uidValidity, lastUid, messages: inserted.length + adopted })
      .onConflictDoUpdate({ target: mailSyncState.mailbox, set: { uidValidity, lastUid, messages: sql`${mailSyncState.messages} + ${inserted.length + adopted}` } });
    return inserted.length + adopted;
  });
}

/**
 * Brings one folder up to date, incrementally by UIDVALIDITY + UID: only UIDs above the last stored
 * one are fetched, in batches, each stored in its own transaction (an interrupted sync resumes
 * after the last stored batch). A new UIDVALIDITY means the server renumbered the folder: it is read again.
 */
async function syncFolder(client: ImapFlow, mailbox: Mailbox, folder: string, options: Options = {}): Promise<MailboxSyncResult> {
  const batchSize = options.batchSize ?? SYNC_BATCH;
  const lock = await client.getMailboxLock(folder, { readOnly: true });
  try {
    const opened = client.mailbox;
    if (!opened) throw new Error(`Could not open the folder "${folder}"`);
    const uidValidity = Number(opened.uidValidity);
    const state = await readState(mailbox);
    const resynced = !!state && state.uidValidity !== null && state.uidValidity !== uidValidity;
    if (resynced) {
      await db().delete(emails).where(and(eq(emails.mailbox, mailbox), ne(emails.uidValidity, uidValidity)));
      await writeState(mailbox, { uidValidity, lastUid: 0, messages: 0 });
    }
    const lastUid = resynced ? 0 : (state?.lastUid ?? 0);
    const result: MailboxSyncResult = { mailbox, folder, uidValidity, fetched: 0, stored: 0, unreadable: 0, resynced };
    if (!opened.exists || opened.uidNext - 1 <= lastUid) {
      await writeState(mailbox, { uidValidity, lastUid });
      return result;
    }
    const found = await client.search({ uid: `${lastUid + 1}:*` }, { uid: true });
    const uids = (found || []).filter((u) => u > lastUid).sort((a, b) => a - b);
    for (let i = 0; i < uids.length; i += batchSize) {
      options.signal?.throwIfAborted();
      const range = uids.slice(i, i + batchSize);
      const fetched: Array<{ uid: number; seen: boolean; source: Buffer }> = [];
      for await (const msg of client.fetch(range.join(','), { uid: true, flags: true, source: true }, { uid: true })) {
        if (msg.source) fetched.push({ uid: msg.uid, seen: msg.flags?.has('\\Seen') ?? false, source: msg.source });
      }
      const batch = [];
      for (const f of fetched) {
        const parsed = await parseEmail(f.source);
        if (parsed.parseError) result.unreadable++;
        batch.push({ uid: f.uid, seen: f.seen, parsed });
      }
      result.fetched += fetched.length;
      if (batch.length) result.stored += await storeBatch(mailbox, uidValidity, batch);
      options.onProgress?.({ mailbox, folder, done: Math.min(i + batchSize, uids.length), total: uids.length });
    }
    return result;
  } finally {
    lock.release();
  }
}

/** Inbox, then Sent. A failure is recorded on the folder's sync state with what went wrong, and thrown. */
export async function syncMail(config: MailConfig, options: Options = {}): Promise<MailboxSyncResult[]> {
  if (!config.imap) throw new Error('No IMAP account is set: fill it in under Emails › Settings');
  const client = imapClient(config.imap);
  client.on('error', () => undefined);
  const results: MailboxSyncResult[] = [];
  let current: Mailbox = 'inbox';
  try {
    await client.connect();
    for (const [mailbox, folder] of [['inbox', config.inboxFolder], ['sent', config.sentFolder]] as const) {
      current = mailbox;
      results.push(await syncFolder(client, mailbox, folder, options));
      await writeState(mailbox, { lastRunAt: new Date(), lastError: null });
    }
    return results;
  } catch (err) {
    const message = `IMAP ${config.imap.host}:${config.imap.port}, folder ${current === 'inbox' ? config.inboxFolder : config.sentFolder}: ${describeMailError(err)}`;
    await writeState(current, { lastRunAt: new Date(), lastError: message });
    throw new Error(message);
  } finally {
    await client.logout().catch(() => client.close());
  }
}
