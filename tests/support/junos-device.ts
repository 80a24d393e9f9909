import { db } from '@/db/client';
import { routers } from '@/db/schema';
import { encryptSecret } from '@/lib/crypto/secrets';
import { startScriptedSshServer, type ScriptedSshOptions } from './scripted-ssh-server';

/** ssh2 now and then generates a host key its own parser refuses: start again. */
export async function startServer(opts: ScriptedSshOptions) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startScriptedSshServer(opts);
    } catch (err) {
      if (attempt === 5 || !/Malformed OpenSSH private key/.test(String(err))) throw err;
    }
  }
}

/**
 * A Junos CLI close enough for the driver, whose BGP configuration the test can change between
 * reads (`device.running = ...`), as another operator on the router would.
 */
export async function junosDevice(name = 'mx1', extra: Partial<typeof routers.$inferInsert> = {}) {
  const device = { running: 'set protocols bgp group IXP neighbor 10.0.12.2 peer-as 65002' };
  const server = await startServer({
    prompt: (mode) => (mode === 'exec' ? `peerdesk@${name}> ` : mode === 'load' ? '' : `\n[edit]\npeerdesk@${name}# `),
    script: (c, s) => {
      if (s.mode === 'load') return c === '^D' ? { output: 'load complete', mode: 'config' } : { prompt: false };
      if (c === 'configure private' || c === 'configure exclusive') return { output: 'Entering configuration mode', mode: 'config' };
      if (/^commit confirmed \d+$/.test(c)) return `commit confirmed will be automatically rolled back in ${c.split(' ')[2]} minutes unless confirmed\ncommit complete`;
      if (c === 'load set terminal') return { output: '[Type ^D at a new line to end input]', prompt: false, mode: 'load' };
      if (c === 'commit check') return 'configuration check succeeds';
      if (c === 'commit and-quit') return { output: 'commit complete\nExiting configuration mode', mode: 'exec' };
      if (c === 'rollback 0') return 'load complete';
      if (c === 'exit configuration-mode') return { output: 'Exiting configuration mode', mode: 'exec' };
      if (c.startsWith('show configuration protocols bgp')) return device.running;
    },
  });
  const [router] = await db()
    .insert(routers)
    .values({
      name,
      hostname: `${name}.example.net`,
      platform: 'junos',
      localAsn: 65001,
      transport: 'ssh',
      managementAddress: '127.0.0.1',
      sshPort: server.port,
      username: 'peerdesk',
      passwordEnc: encryptSecret('secret'),
      ...extra,
    })
    .returning();
  return Object.assign(device, { server, router });
}
