import { z } from 'zod';

export const mailTlsModes = ['none', 'starttls', 'tls'] as const;
export type MailTls = (typeof mailTlsModes)[number];

const host = z.string().trim().max(253).regex(/^[A-Za-z0-9.:\-\[\]]*$/, 'A host name or IP address');
const port = z.coerce.number({ message: 'A port from 1 to 65535' }).int('A port from 1 to 65535').min(1, 'A port from 1 to 65535').max(65_535, 'A port from 1 to 65535');
const folder = z.string().trim().min(1, 'Name the folder').max(200);

const account = z.object({
  host: host.optional(),
  port: port.optional(),
  tls: z.enum(mailTlsModes, { message: 'none, starttls or tls' }).optional(),
  user: z.string().trim().max(200).optional(),
  /** Write-only: a new password replaces the stored one, null forgets it, absent or "" keeps it. */
  password: z.string().max(500).nullable().optional(),
});

/** The `mail` part of PATCH /settings and of the mail settings form. */
export const mailSettingsInput = z.object({
  smtp: account.optional(),
  imap: account.optional(),
  inboxFolder: folder.optional(),
  sentFolder: folder.optional(),
  fromName: z.string().trim().max(120).optional(),
  fromAddress: z.union([z.literal(''), z.string().trim().email('Enter an email address').max(254)]).optional(),
  resendAfterDays: z.coerce.number({ message: 'Days, 0 or more' }).int('Whole days').min(0, 'Days, 0 or more').max(365, 'At most 365 days').optional(),
  syncIntervalSeconds: z.coerce.number({ message: 'Seconds, 0 or more' }).int('Whole seconds').min(0, '0 (off) or at least 30').max(86_400, 'At most one day').refine((s) => s === 0 || s >= 30, '0 (off) or at least 30').optional(),
});

export const mailTestInput = z.object({ account: z.enum(['smtp', 'imap'], { message: 'smtp or imap' }) });

/** The mailbox filters of GET /emails. */
export const emailListFilters = z.object({
  mailbox: z.enum(['inbox', 'sent'], { message: 'inbox or sent' }).optional(),
  peerAsn: z.coerce.number().int().positive('An ASN').optional(),
  threads: z.enum(['true', 'false'], { message: 'true or false' }).optional(),
});
