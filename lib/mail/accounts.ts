import nodemailer from 'nodemailer';
import { ImapFlow } from 'imapflow';
import { query } from '@/lib/auth/mutation';
import { ServiceError } from '@/lib/errors';
import { mailTestInput } from './schemas';
import { mailConfig, type MailAccount, type MailConfig } from './settings';

const TIMEOUT_MS = 15_000;

export function smtpTransport(a: MailAccount) {
  return nodemailer.createTransport({
    host: a.host,
    port: a.port,
    secure: a.tls === 'tls',
    requireTLS: a.tls === 'starttls',
    ignoreTLS: a.tls === 'none',
    auth: a.user ? { user: a.user, pass: a.password ?? '' } : undefined,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: 60_000,
  });
}

export function imapClient(a: MailAccount) {
  return new ImapFlow({
    host: a.host,
    port: a.port,
    secure: a.tls === 'tls',
    doSTARTTLS: a.tls === 'starttls' ? true : a.tls === 'none' ? false : undefined,
    auth: { user: a.user, pass: a.password ?? '' },
    logger: false,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: 120_000,
  });
}

/** What failed, in words: imapflow hides the server's answer in responseText / code. */
export function describeMailError(err: unknown): string {
  const e = err as { message?: string; responseText?: string; response?: string; code?: string; authenticationFailed?: boolean };
  if (e?.authenticationFailed) return `authentication failed${e.responseText ? `: ${e.responseText}` : ''}`;
  if (e?.code === 'ECONNREFUSED') return `connection refused (${e.message})`;
  if (e?.code === 'ETIMEDOUT' || e?.code === 'ETIMEOUT') return 'timed out';
  if (e?.code === 'EAUTH') return `authentication failed: ${e.response ?? e.message}`;
  return [e?.message ?? String(err), e?.responseText].filter(Boolean).join(': ');
}

/** SMTP: connect, TLS and log in (verify). IMAP: log in and check both folders exist. What failed is `unavailable`, in words. */
async function probeMailAccount(config: MailConfig, kind: 'smtp' | 'imap'): Promise<string> {
  const account = config[kind];
  if (!account) throw new ServiceError('validation', `No ${kind.toUpperCase()} account is set`);
  const where = `${account.host}:${account.port}`;
  const unavailable = (why: string) => new ServiceError('unavailable', `${kind.toUpperCase()} ${where}: ${why}`);
  if (kind === 'smtp') {
    const transport = smtpTransport(account);
    try {
      await transport.verify();
    } catch (err) {
      throw unavailable(describeMailError(err));
    } finally {
      transport.close();
    }
    return `SMTP ${where}: connected${account.user ? ` and logged in as ${account.user}` : ''}`;
  }
  const client = imapClient(account);
  client.on('error', () => undefined);
  let paths: Set<string>;
  try {
    await client.connect();
    paths = new Set((await client.list()).map((m) => m.path));
  } catch (err) {
    throw unavailable(describeMailError(err));
  } finally {
    await client.logout().catch(() => client.close());
  }
  const missing = [config.inboxFolder, config.sentFolder].filter((f) => !paths.has(f) && !(f.toUpperCase() === 'INBOX' && paths.has('INBOX')));
  if (missing.length) throw unavailable(`logged in, but no folder named ${missing.map((f) => `"${f}"`).join(' or ')} (there are: ${[...paths].join(', ')})`);
  return `IMAP ${where}: logged in as ${account.user}; folders ${config.inboxFolder} and ${config.sentFolder} exist`;
}

/** The Test buttons under Emails › Settings, on the saved account. A read: nothing is stored. */
export const testMailAccount = query({
  name: 'mail.test',
  permission: 'emails.manage',
  input: mailTestInput,
  run: async ({ input }) => ({ message: await probeMailAccount(await mailConfig(), input.account) }),
});
