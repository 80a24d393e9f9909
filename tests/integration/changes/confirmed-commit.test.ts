import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { getSession } from '@/db/queries/sessions';
import { bgpSessions, changes, localAsns, routers, type Platform } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { configureSession } from '@/lib/config/configure';
import { encryptSecret } from '@/lib/crypto/secrets';
import { tick } from '@/lib/jobs/runner';
import { makeUser } from '../../support/actors';
import { startServer } from '../../support/junos-device';
import type { ScriptReply, ScriptSession, ScriptedSshServer } from '../../support/scripted-ssh-server';
import { useTestDatabase } from '../../support/test-database';

useTestDatabase();

type Confirmed = 'junos' | 'iosxr' | 'eos';
/** Each platform's CLI as far as a timed commit goes; `dropOnConfirm` makes the device go away when the confirm arrives. */
const devices: Record<Confirmed, {
  prompt: (mode: string) => string;
  confirm: RegExp;
  script: (c: string, s: ScriptSession) => ScriptReply | undefined;
}> = {
  junos: {
    prompt: (mode) => (mode === 'exec' ? 'peerdesk@r1> ' : mode === 'load' ? '' : '\n[edit]\npeerdesk@r1# '),
    confirm: /^commit and-quit$/,
    script: (c, s) => {
      if (s.mode === 'load') return c === '^D' ? { output: 'load complete', mode: 'config' } : { prompt: false };
      if (c === 'configure exclusive') return { output: 'Entering configuration mode', mode: 'config' };
      if (c === 'load set terminal') return { output: '[Type ^D at a new line to end input]', prompt: false, mode: 'load' };
      if (c === 'commit check') return 'configuration check succeeds';
      if (/^commit confirmed \d+$/.test(c)) return 'commit confirmed will be automatically rolled back in 2 minutes unless confirmed\ncommit complete';
      if (c === 'commit and-quit') return { output: 'commit complete\nExiting configuration mode', mode: 'exec' };
    },
  },
  iosxr: {
    prompt: (mode) => (mode === 'exec' ? 'RP/0/RP0/CPU0:r1#' : 'RP/0/RP0/CPU0:r1(config)#'),
    confirm: /^commit$/,
    script: (c) => {
      if (c === 'configure') return { mode: 'config' };
      if (c === 'end') return { mode: 'exec' };
    },
  },
  eos: {
    prompt: (mode) => (mode === 'exec' ? 'r1#' : 'r1(config-s-peerde)#'),
    confirm: /^configure session peerdesk-\S+ commit$/,
    script: (c) => {
      if (/^configure session \S+$/.test(c)) return { mode: 'config' };
      if (/^commit timer /.test(c)) return { mode: 'exec' };
      if (/^configure session \S+ commit$/.test(c)) return { mode: 'exec' };
    },
  },
};

let operator: Actor;
let server: ScriptedSshServer | undefined;

beforeEach(async () => {
  await db().insert(localAsns).values({ asn: 65001 });
  operator = await makeUser('operator');
});
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function deviceWithSession(platform: Confirmed, dropOnConfirm = false) {
  const d = devices[platform];
  server = await startServer({
    prompt: d.prompt,
    script: (c, s) => (dropOnConfirm && d.confirm.test(c) ? { drop: true } : d.script(c, s)),
  });
  const [router] = await db()
    .insert(routers)
    .values({ name: 'r1', hostname: 'r1.example.net', platform: platform as Platform, localAsn: 65001, managementAddress: '127.0.0.1', sshPort: server.port, username: 'peerdesk', passwordEnc: encryptSecret('secret') })
    .returning();
  const [session] = await db().insert(bgpSessions).values({ routerId: router.id, ixId: null, localAsn: 65001, peerAsn: 65002, peerIp: '192.0.2.2', maxPrefixes: 100 }).returning();
  return session;
}

async function push(sessionId: number) {
  const result = await configureSession(operator, { sessionId, mode: 'now' });
  if (!result.ok) throw new Error(result.error.message);
  const [outcome] = await tick({ only: result.data.job!.id });
  const [change] = await db().select().from(changes).where(eq(changes.id, result.data.change!.id));
  return { outcome, change };
}

/** The commands after the configuration lines: what commits, and what confirms. */
const commitWords = /^(configure|commit|end|abort|write memory|rollback|exit configuration-mode)/;
const sequence = () => server!.commands.filter((c) => commitWords.test(c));

describe('confirmed commits: the device rolls back by itself unless Peerdesk confirms', () => {
  it.each([
    ['junos', ['configure exclusive', 'commit check', 'commit confirmed 2', 'commit and-quit']],
    ['iosxr', ['configure', 'commit confirmed 120', 'commit', 'end']],
    ['eos', [expect.stringMatching(/^configure session peerdesk-\S+$/), 'commit timer 00:02:00', expect.stringMatching(/^configure session peerdesk-\S+ commit$/), 'write memory']],
  ] as const)('%s: the exact sequence, confirmed over the same connection, and the change succeeds', async (platform, expected) => {
    const s = await deviceWithSession(platform);
    const { outcome, change } = await push(s.id);
    expect(outcome).toMatchObject({ status: 'succeeded' });
    expect(sequence()).toEqual(expected);
    expect(server!.connections()).toBe(1);
    expect(change).toMatchObject({ status: 'succeeded', rollback: null });
    expect((await getSession(db(), s.id))!.configStatus).toBe('configured');
  });

  it.each(['junos', 'iosxr', 'eos'] as const)('%s: the device drops the connection before the confirm: the change ends rolled back, the session where it was', async (platform) => {
    const s = await deviceWithSession(platform, true);
    const { outcome, change } = await push(s.id);
    expect(outcome).toMatchObject({ status: 'failed', error: expect.stringContaining('not confirmed') });
    expect(change.status).toBe('rolled_back');
    expect(change.rollback).toMatchObject({ restored: true, reason: expect.stringContaining('rolls it back by itself') });
    expect(await getSession(db(), s.id)).toMatchObject({ configStatus: 'not_configured', configError: expect.stringContaining(`Change #${change.id} was rolled back`) });
  });
});
