import { bigint, boolean, index, integer, jsonb, pgEnum, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

export const mailboxEnum = pgEnum('mailbox', ['inbox', 'sent']);
export const associationEnum = pgEnum('email_association', ['thread', 'address', 'subject', 'manual', 'request', 'notice']);

export type EmailAttachment = { filename: string | null; contentType: string; size: number; contentId: string | null };

/** Messages of the peering mailbox, keyed by mailbox + UIDVALIDITY + UID (Message-IDs repeat in the wild). */
export const emails = pgTable(
  'emails',
  {
    id: serial('id').primaryKey(),
    mailbox: mailboxEnum('mailbox').notNull(),
    uidValidity: bigint('uid_validity', { mode: 'number' }),
    uid: bigint('uid', { mode: 'number' }),
    messageId: text('message_id'),
    inReplyTo: text('in_reply_to'),
    references: jsonb('references').$type<string[]>().notNull().default([]),
    fromAddress: text('from_address'),
    fromName: text('from_name'),
    toAddresses: jsonb('to_addresses').$type<string[]>().notNull().default([]),
    ccAddresses: jsonb('cc_addresses').$type<string[]>().notNull().default([]),
    subject: text('subject'),
    date: timestamp('date', { withTimezone: true }),
    textBody: text('text_body'),
    htmlSanitized: text('html_sanitized'),
    hasRemoteImages: boolean('has_remote_images').notNull().default(false),
    attachments: jsonb('attachments').$type<EmailAttachment[]>().notNull().default([]),
    seen: boolean('seen').notNull().default(false),
    /** Size of the raw message in bytes. */
    size: integer('size'),
    threadId: text('thread_id'),
    peerAsn: bigint('peer_asn', { mode: 'number' }),
    association: associationEnum('association'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('emails_mailbox_uid_key').on(t.mailbox, t.uidValidity, t.uid),
    index('emails_message_id_idx').on(t.messageId),
    index('emails_peer_idx').on(t.peerAsn),
    index('emails_date_idx').on(t.date),
  ],
);

export const mailSyncState = pgTable('mail_sync_state', {
  mailbox: mailboxEnum('mailbox').primaryKey(),
  uidValidity: bigint('uid_validity', { mode: 'number' }),
  lastUid: bigint('last_uid', { mode: 'number' }).notNull().default(0),
  lastRunAt: timestamp('last_run_at', { withTimezone: true }),
  lastError: text('last_error'),
  messages: integer('messages').notNull().default(0),
});
