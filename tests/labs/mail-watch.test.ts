import nodemailer from 'nodemailer';
import { and, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { jobs } from '@/db/schema';
import { MAIL_SYNC } from '@/lib/jobs/labels';
import { updateMailSettings } from '@/lib/mail/settings';
import { mailWatcherIdling, startMailWatcher, stopMailWatcher } from '@/lib/mail/watch';
import { makeUser } from '../support/actors';
import { useTestDatabase } from '../support/test-database';

const need = ['MAIL_LAB_IMAP_PORT', 'MAIL_LAB_LMTP_PORT'].filter((n) => !process.env[n]);
if (need.length) throw new Error(`mail lab env missing (${need.join(', ')}): bash scripts/labs/mail-lab.sh up && eval "$(bash scripts/labs/mail-lab.sh env)"`);
const US = 'peering@example.test';

useTestDatabase();
afterEach(() => stopMailWatcher());

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const syncJobs = () => db().select().from(jobs).where(and(eq(jobs.kind, MAIL_SYNC.name), eq(jobs.status, 'scheduled')));

describe('IMAP IDLE while the server runs', () => {
  it('new mail in the Inbox schedules the mailbox sync at once', async () => {
    const admin = await makeUser('global_admin');
    const imap = { host: '127.0.0.1', port: Number(process.env.MAIL_LAB_IMAP_PORT), tls: 'none', user: US, password: 'secret' };
    expect(await updateMailSettings(admin, { imap, fromAddress: US })).toMatchObject({ ok: true });
    startMailWatcher();
    await until('the watcher to IDLE on the Inbox', () => mailWatcherIdling());
    expect(await syncJobs()).toEqual([]);

    const lmtp = nodemailer.createTransport({ host: '127.0.0.1', port: Number(process.env.MAIL_LAB_LMTP_PORT), lmtp: true, ignoreTLS: true });
    await lmtp.sendMail({ from: 'noc@peer.test', to: US, subject: `IDLE probe ${Date.now()}`, text: 'new mail' });
    const [job] = await until('a mail.sync job', async () => ((await syncJobs()).length ? syncJobs() : undefined), 5_000);
    expect(job.runAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(job.summary).toBe('Peering mailbox sync (new mail)');
  });
});
