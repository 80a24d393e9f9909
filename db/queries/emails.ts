import { and, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { emails, pdbNetworks } from '@/db/schema';

export type EmailListParams = { q?: string; limit: number; offset: number; mailbox?: 'inbox' | 'sent'; peerAsn?: number; threads?: boolean };

const peerName = sql<string | null>`(select n.name from pdb_net n where n.asn = ${emails.peerAsn} and n.status = 'ok' order by n.id limit 1)`;

/** Search by sender, subject or peer (name, or the ASN with or without "AS"), in SQL. */
function filters(params: EmailListParams): SQL | undefined {
  const where: SQL[] = [];
  if (params.mailbox) where.push(eq(emails.mailbox, params.mailbox));
  if (params.peerAsn) where.push(eq(emails.peerAsn, params.peerAsn));
  const q = params.q?.trim();
  if (q) {
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const asn = /^(?:AS)?(\d{1,10})$/i.exec(q)?.[1];
    where.push(
      or(
        ilike(emails.fromAddress, like),
        ilike(emails.fromName, like),
        ilike(emails.subject, like),
        sql`${emails.peerAsn} in (select n.asn from ${pdbNetworks} n where n.name ilike ${like} and n.status = 'ok')`,
        asn ? eq(emails.peerAsn, Number(asn)) : undefined,
      )!,
    );
  }
  return where.length ? and(...where) : undefined;
}

const listColumns = {
  id: emails.id,
  mailbox: emails.mailbox,
  date: emails.date,
  fromAddress: emails.fromAddress,
  fromName: emails.fromName,
  toAddresses: emails.toAddresses,
  subject: emails.subject,
  seen: emails.seen,
  size: emails.size,
  threadId: emails.threadId,
  peerAsn: emails.peerAsn,
  peerName: peerName.as('peer_name'),
  association: emails.association,
  hasAttachments: sql<boolean>`jsonb_array_length(${emails.attachments}) > 0`.as('has_attachments'),
};

/**
 * Newest first, limit + 1 rows. With threads, one row per thread (its newest message) with the
 * thread's message count and whether any of it is unread.
 */
export async function listEmails(db: Executor, params: EmailListParams) {
  const where = filters(params);
  if (!params.threads) {
    const rows = await db.select(listColumns).from(emails).where(where).orderBy(sql`${emails.date} desc nulls last`, desc(emails.id)).limit(params.limit + 1).offset(params.offset);
    return rows.map((r) => ({ ...r, threadCount: 1, threadUnread: !r.seen }));
  }
  const threadKey = sql`coalesce(${emails.threadId}, 'id:' || ${emails.id})`;
  const ranked = db
    .select({
      ...listColumns,
      threadCount: sql<number>`count(*) over (partition by ${threadKey})`.as('thread_count'),
      threadUnread: sql<boolean>`bool_or(not ${emails.seen}) over (partition by ${threadKey})`.as('thread_unread'),
      rank: sql<number>`row_number() over (partition by ${threadKey} order by ${emails.date} desc nulls last, ${emails.id} desc)`.as('rank'),
    })
    .from(emails)
    .where(where)
    .as('ranked');
  const rows = await db
    .select()
    .from(ranked)
    .where(eq(ranked.rank, 1))
    .orderBy(sql`${ranked.date} desc nulls last`, desc(ranked.id))
    .limit(params.limit + 1)
    .offset(params.offset);
  return rows.map(({ rank: _rank, ...r }) => ({ ...r, threadCount: Number(r.threadCount) }));
}

export type EmailListRow = Awaited<ReturnType<typeof listEmails>>[number];

export async function getEmail(db: Executor, id: number) {
  const [row] = await db.select({ email: emails, peerName }).from(emails).where(eq(emails.id, id));
  return row ? { ...row.email, peerName: row.peerName } : undefined;
}

/** The other messages of its thread, oldest first. */
export async function threadOf(db: Executor, threadId: string | null, exceptId: number) {
  if (!threadId) return [];
  return db
    .select({
      id: emails.id,
      mailbox: emails.mailbox,
      date: emails.date,
      fromAddress: emails.fromAddress,
      subject: emails.subject,
      seen: emails.seen,
    })
    .from(emails)
    .where(and(eq(emails.threadId, threadId), sql`${emails.id} <> ${exceptId}`))
    .orderBy(sql`${emails.date} asc nulls first`, emails.id)
    .limit(100);
}
