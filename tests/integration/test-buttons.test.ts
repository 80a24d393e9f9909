import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditLog } from '@/db/schema';
import { loadRunningDiff } from '@/lib/config/preview';
import { testMailAccount } from '@/lib/mail/accounts';
import { updateMailSettings } from '@/lib/mail/settings';
import { testPeeringDb } from '@/lib/peeringdb/test-connection';
import { createRouter } from '@/lib/routers/service';
import { findPeers } from '@/lib/sessions/peer-lookup';
import { createSession } from '@/lib/sessions/service';
import { updatePeeringSettings } from '@/lib/settings/service';
import { makeUser } from '../support/actors';
import { useTestDatabase } from '../support/test-database';

useTestDatabase();

describe('the Test buttons answer like every other command', () => {
  it('the mail Test says which account is missing, and what the server did', async () => {
    const admin = await makeUser('global_admin');
    expect(await testMailAccount(admin, { account: 'smtp' })).toEqual({ ok: false, error: { code: 'validation', message: 'No SMTP account is set' } });

    expect(await updateMailSettings(admin, { smtp: { host: '127.0.0.1', port: 9, tls: 'none' } })).toMatchObject({ ok: true });
    expect(await testMailAccount(admin, { account: 'smtp' })).toEqual({
      ok: false,
      error: { code: 'unavailable', message: expect.stringMatching(/^SMTP 127\.0\.0\.1:9: .*ECONNREFUSED/) },
    });
    expect(await testMailAccount(admin, { account: 'pop3' })).toMatchObject({ ok: false, error: { code: 'validation', fields: { account: 'smtp or imap' } } });
  });

  it('only the roles that manage the settings may test them', async () => {
    const operator = await makeUser('operator');
    expect(await testMailAccount(operator, { account: 'smtp' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await testMailAccount(await makeUser('admin'), { account: 'smtp' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await testPeeringDb(operator, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await testPeeringDb(null, {})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });
});

describe('the reads behind a button go through the same door', () => {
  it('Load running config & diff: only for who may configure, refused in the audit log, and never for a render-only router', async () => {
    const admin = await makeUser('admin');
    expect(await updatePeeringSettings(admin, { asns: [65001] })).toMatchObject({ ok: true });
    const router = await createRouter(admin, { name: 'fra-rtr1', hostname: 'fra-rtr1.example.net', platform: 'frr', transport: 'none', localAsn: 65001 });
    if (!router.ok) throw new Error(router.error.message);
    const session = await createSession(await makeUser('operator'), { routerId: router.data.id, ixId: null, peerAsn: 65002, peerIp: '192.0.2.9' });
    if (!session.ok) throw new Error(session.error.message);

    expect(await loadRunningDiff(await makeUser('viewer'), { sessionId: session.data.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const refusals = await db().select().from(auditLog).where(and(eq(auditLog.action, 'session.running_diff'), eq(auditLog.succeeded, false)));
    expect(refusals).toMatchObject([{ actorLabel: 'viewer@example.test' }]);
    expect(await loadRunningDiff(admin, { sessionId: session.data.id })).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'fra-rtr1 is a render-only router: Peerdesk never connects to it' },
    });
  });

  it("the wizard's peer lookup answers every role that reads, and says what to type", async () => {
    const viewer = await makeUser('viewer');
    expect(await findPeers(viewer, { ixId: null, q: 'AS65002' })).toEqual({ ok: true, data: [] });
    expect(await findPeers(viewer, { ixId: null, q: '' })).toMatchObject({ ok: false, error: { code: 'validation', fields: { q: 'Type an ASN or a name' } } });
    expect(await findPeers(null, { ixId: null, q: 'x' })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });
});
