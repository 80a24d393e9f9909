import { eq, sql } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { settings } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { mutation } from '@/lib/auth/mutation';
import { can } from '@/lib/auth/permissions';
import { decryptSecret, sealIfGiven } from '@/lib/crypto/secrets';
import { env } from '@/lib/env';
import { ServiceError } from '@/lib/errors';
import { mailSettingsInput, type MailTls } from './schemas';

const DEFAULT_RESEND_AFTER_DAYS = 14;
const DEFAULT_SYNC_INTERVAL_S = 300;

type StoredAccount = { host?: string; port?: number; tls?: MailTls; user?: string; passwordEnc?: string | null };
type StoredMail = {
  smtp?: StoredAccount;
  imap?: StoredAccount;
  inboxFolder?: string;
  sentFolder?: string;
  fromName?: string;
  fromAddress?: string;
  resendAfterDays?: number;
  syncIntervalSeconds?: number;
};

export type MailAccount = { host: string; port: number; tls: MailTls; user: string; password: string | null };
export type MailConfig = {
  smtp: MailAccount | null;
  imap: MailAccount | null;
  inboxFolder: string;
  sentFolder: string;
  from: { name: string; address: string };
  resendAfterDays: number;
  syncIntervalSeconds: number;
};

const defaultPort = { smtp: { none: 25, starttls: 587, tls: 465 }, imap: { none: 143, starttls: 143, tls: 993 } } as const;

async function readStored(executor: Executor): Promise<StoredMail> {
  const [row] = await executor.select().from(settings).where(eq(settings.key, 'mail'));
  return (row?.value as StoredMail | undefined) ?? {};
}

async function readSender(executor: Executor) {
  const [row] = await executor.select().from(settings).where(eq(settings.key, 'requestSender'));
  return (row?.value as { name: string; address: string } | undefined) ?? { name: '', address: '' };
}

/** smtp://user:pass@host:port, smtps:// (TLS), smtp+starttls://; the same with imap. */
function accountFromUrl(raw: string, kind: 'smtp' | 'imap'): MailAccount {
  const url = new URL(raw);
  const scheme = url.protocol.replace(/:$/, '');
  const tls: MailTls = scheme === `${kind}s` ? 'tls' : scheme === `${kind}+starttls` ? 'starttls' : 'none';
  if (![kind, `${kind}s`, `${kind}+starttls`].includes(scheme)) throw new Error(`MAIL_${kind.toUpperCase()}_URL must start with ${kind}://, ${kind}s:// or ${kind}+starttls://`);
  return {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : defaultPort[kind][tls],
    tls,
    user: decodeURIComponent(url.username),
    password: url.password ? decodeURIComponent(url.password) : null,
  };
}

function storedAccount(a: StoredAccount | undefined, kind: 'smtp' | 'imap'): MailAccount | null {
  if (!a?.host) return null;
  const tls = a.tls ?? 'none';
  return { host: a.host, port: a.port ?? defaultPort[kind][tls], tls, user: a.user ?? '', password: a.passwordEnc ? decryptSecret(a.passwordEnc) : null };
}

function parseFrom(value: string) {
  const m = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(value);
  return m ? { name: m[1].replace(/^"|"$/g, ''), address: m[2] } : { name: '', address: value.trim() };
}

/** What sending and syncing use: the environment wins over the settings page. Server-only (holds passwords). */
export async function mailConfig(executor: Executor = db()): Promise<MailConfig> {
  const stored = await readStored(executor);
  const sender = await readSender(executor);
  const e = env();
  const storedFrom = { name: stored.fromName || sender.name, address: stored.fromAddress || sender.address };
  return {
    smtp: e.MAIL_SMTP_URL ? accountFromUrl(e.MAIL_SMTP_URL, 'smtp') : storedAccount(stored.smtp, 'smtp'),
    imap: e.MAIL_IMAP_URL ? accountFromUrl(e.MAIL_IMAP_URL, 'imap') : storedAccount(stored.imap, 'imap'),
    inboxFolder: stored.inboxFolder ?? 'INBOX',
    sentFolder: stored.sentFolder ?? 'Sent',
    from: e.MAIL_FROM ? parseFrom(e.MAIL_FROM) : storedFrom,
    resendAfterDays: stored.resendAfterDays ?? DEFAULT_RESEND_AFTER_DAYS,
    syncIntervalSeconds: stored.syncIntervalSeconds ?? DEFAULT_SYNC_INTERVAL_S,
  };
}

const accountView = (a: MailAccount | null) =>
  (a ? { host: a.host, port: a.port, tls: a.tls, user: a.user, hasPassword: !!a.password } : null);

/** What a Global Admin's browser or API client may see: never a password, only whether one is set. */
export async function mailSettingsView(executor: Executor = db()) {
  const config = await mailConfig(executor);
  const e = env();
  return {
    smtp: accountView(config.smtp),
    imap: accountView(config.imap),
    inboxFolder: config.inboxFolder,
    sentFolder: config.sentFolder,
    from: config.from,
    resendAfterDays: config.resendAfterDays,
    syncIntervalSeconds: config.syncIntervalSeconds,
    overriddenByEnv: { smtp: !!e.MAIL_SMTP_URL, imap: !!e.MAIL_IMAP_URL, from: !!e.MAIL_FROM },
  };
}

export type MailSettingsView = Awaited<ReturnType<typeof mailSettingsView>>;

function nextAccount(given: NonNullable<ReturnType<typeof mailSettingsInput.parse>['smtp']>, stored: StoredAccount = {}): StoredAccount {
  return {
    host: given.host ?? stored.host,
    port: given.port ?? stored.port,
    tls: given.tls ?? stored.tls,
    user: given.user ?? stored.user,
    passwordEnc: sealIfGiven(given.password, stored.passwordEnc ?? null),
  };
}

/**
 * Saves the mail part of the settings inside the caller's transaction; only a Global Admin
 * (emails.manage) may, whichever door the change came through. Returns what changed, for the audit.
 */
export async function applyMailSettings(tx: Executor, actor: Actor, input: ReturnType<typeof mailSettingsInput.parse>): Promise<string[]> {
  if (!can(actor.role, 'emails.manage')) throw new ServiceError('forbidden', `Your role (${actor.role}) may not change the mail settings (emails.manage)`);
  const stored = await readStored(tx);
  const next: StoredMail = {
    ...stored,
    ...(input.smtp && { smtp: nextAccount(input.smtp, stored.smtp) }),
    ...(input.imap && { imap: nextAccount(input.imap, stored.imap) }),
    ...(input.inboxFolder !== undefined && { inboxFolder: input.inboxFolder }),
    ...(input.sentFolder !== undefined && { sentFolder: input.sentFolder }),
    ...(input.fromName !== undefined && { fromName: input.fromName }),
    ...(input.fromAddress !== undefined && { fromAddress: input.fromAddress }),
    ...(input.resendAfterDays !== undefined && { resendAfterDays: input.resendAfterDays }),
    ...(input.syncIntervalSeconds !== undefined && { syncIntervalSeconds: input.syncIntervalSeconds }),
  };
  await tx
    .insert(settings)
    .values({ key: 'mail', value: next, updatedBy: actor.id })
    .onConflictDoUpdate({ target: settings.key, set: { value: next, updatedAt: sql`now()`, updatedBy: actor.id } });
  const changed: string[] = [];
  for (const kind of ['smtp', 'imap'] as const) {
    const [a, b] = [stored[kind] ?? {}, next[kind] ?? {}];
    if (a.host !== b.host || a.port !== b.port || a.tls !== b.tls || a.user !== b.user) changed.push(`mail.${kind}: ${b.user ?? ''}@${b.host}:${b.port ?? ''} (${b.tls ?? 'none'})`);
    if ((a.passwordEnc ?? null) !== (b.passwordEnc ?? null)) changed.push(b.passwordEnc ? `mail.${kind}.password: replaced` : `mail.${kind}.password: removed`);
  }
  for (const key of ['inboxFolder', 'sentFolder', 'fromName', 'fromAddress', 'resendAfterDays', 'syncIntervalSeconds'] as const) {
    if (stored[key] !== next[key]) changed.push(`mail.${key}: ${next[key]}`);
  }
  return changed;
}

/** The Emails › Settings form. PATCH /settings {mail} does the same through the peering settings. */
export const updateMailSettings = mutation({
  action: 'mail.settings.update',
  permission: 'emails.manage',
  input: mailSettingsInput,
  async run({ tx, actor, input, audit }) {
    const changed = await applyMailSettings(tx, actor, input);
    audit({ target: 'settings:mail', details: { changed } });
    return mailSettingsView(tx);
  },
});
