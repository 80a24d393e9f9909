import { afterEach, describe, expect, it } from 'vitest';
import { ImapFlow } from 'imapflow';
import { db } from '@/db/client';
import { bgpSessions, localAsns } from '@/db/schema';
import { configureSession } from '@/lib/config/configure';
import { updateMailSettings } from '@/lib/mail/settings';
import { updatePeeringSettings } from '@/lib/settings/service';
import { makeUser } from '../support/actors';
import { junosDevice } from '../support/junos-device';
import { useTestDatabase } from '../support/test-database';

const need = ['MAIL_LAB_IMAP_PORT', 'MAIL_LAB_SMTP_PORT'].filter((n) => !process.env[n]);
if (need.length) throw new Error(`mail lab env missing (${need.join(', ')}): bash scripts/labs/mail-lab.sh up && eval "$(bash scripts/labs/mail-lab.sh env)"`);
const IMAP = Number(process.env.MAIL_LAB_IMAP_PORT);
const SMTP = Number(process.env.MAIL_LAB_SMTP_PORT);
const US = 'peering@example.test';
// The lab's second mailbox stands for the approver's.
const APPROVER = 'noc@peer.test';

useTestDatabase();

let device: Awaited<ReturnType<typeof junosDevice>> | undefined;
afterEach(async () => {
  await device?.server.close();
  device = undefined;
});

async function subjectsIn(user: string) {
  const client = new ImapFlow({ host: '127.0.0.1', port: IMAP, secure: false, doSTARTTLS: false, auth: { user, pass: 'secret' }, logger: false });
  await client.connect();
  try {
    const lock = await client.getMailboxLock('INBOX');
    try {
      const subjects: string[] = [];
      for await (const m of client.fetch('1:*', { envelope: true })) subjects.push(m.envelope?.subject ?? '');
      return subjects;
    } finally {
      lock.release();
    }
  } finally {
    await client.logout();
  }
}

describe('approvers are told by e-mail', () => {
  it('a change waiting for approval is mailed to the approvers through the peering mailbox', async () => {
    await db().insert(localAsns).values({ asn: 65001 });
    const admin = await makeUser('global_admin', US);
    await makeUser('admin', APPROVER);
    const operator = await makeUser('operator');
    expect(await updateMailSettings(admin, { smtp: { host: '127.0.0.1', port: SMTP, tls: 'none', user: US, password: 'secret' }, fromName: 'Lab Peering', fromAddress: US })).toMatchObject({ ok: true });
    expect(await updatePeeringSettings(admin, { changeControl: { approvalRequired: true } })).toMatchObject({ ok: true });
    device = await junosDevice(`mx${Date.now().toString(36)}`);
    const [s] = await db().insert(bgpSessions).values({ routerId: device.router.id, ixId: null, localAsn: 65001, peerAsn: 65002, peerIp: '10.0.12.2', maxPrefixes: 100 }).returning();

    const result = await configureSession(operator, { sessionId: s.id, mode: 'now' });
    if (!result.ok) throw new Error(result.error.message);
    const subject = `Change #${result.data.change!.id} on ${device.router.name} waits for your approval`;
    let subjects: string[] = [];
    for (let i = 0; i < 20 && !subjects.includes(subject); i++) {
      subjects = await subjectsIn(APPROVER);
      if (!subjects.includes(subject)) await new Promise((r) => setTimeout(r, 500));
    }
    expect(subjects).toContain(subject);
  });
});
