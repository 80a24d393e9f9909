import { eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { emails } from '@/db/schema';
import type { SentMail } from './send';

export type SentEmailRecord = {
  from: { address: string; name?: string | null };
  to: string[];
  cc?: string[];
  subject: string;
  text: string;
  /** The thread it belongs to: its own Message-ID for a first message, the first request's for a follow-up. */
  threadId: string;
  inReplyTo?: string;
  references?: string[];
  peerAsn: number;
  association: 'request' | 'notice';
};

/**
 * Files a message we just sent as a Sent row of the mailbox, tied to its peer, and returns its id. A
 * sync of Sent may have stored the same message (by Message-ID) a moment earlier: then that row is it.
 */
export async function storeSentEmail(tx: Executor, sent: SentMail, mail: SentEmailRecord): Promise<number> {
  const [email] = await tx
    .insert(emails)
    .values({
      mailbox: 'sent',
      uidValidity: sent.sentCopy?.uidValidity ?? null,
      uid: sent.sentCopy?.uid ?? null,
      messageId: sent.messageId,
      inReplyTo: mail.inReplyTo,
      references: mail.references,
      fromAddress: mail.from.address.toLowerCase(),
      fromName: mail.from.name || null,
      toAddresses: mail.to,
      ccAddresses: mail.cc ?? [],
      subject: mail.subject,
      date: sent.date,
      textBody: mail.text,
      seen: true,
      size: sent.raw.length,
      threadId: mail.threadId,
      peerAsn: mail.peerAsn,
      association: mail.association,
    })
    .onConflictDoNothing()
    .returning({ id: emails.id });
  if (email) return email.id;
  const [stored] = await tx.select({ id: emails.id }).from(emails).where(eq(emails.messageId, sent.messageId)).limit(1);
  return stored.id;
}
