// Configuring 200 sessions across 2 FRR routers (prints figures; not a test):
//   LAB_PREFIX=pdcfg  LAB_DIR=/tmp/pd-lab-cfg  LAB_SSH_PORT=2233 bash scripts/labs/bgp-lab.sh up
//   LAB_PREFIX=pdcfg2 LAB_DIR=/tmp/pd-lab-cfg2 LAB_SSH_PORT=2234 bash scripts/labs/bgp-lab.sh up
//   npx tsx bench/configure-sessions.ts --labs /tmp/pd-lab-cfg:2233,/tmp/pd-lab-cfg2:2234 [--sessions 200]
// Each router is one lab's FRR reached over that lab's sshd, as a production router would be.
// Connections are counted from sshd's own log (one "Accepted publickey" per login); commits are
// the `vtysh -f` runs (not `--dryrun`) recorded by a wrapper around vtysh. Afterwards the
// sessions are removed again (a second job) so the labs are left as found.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { connect, useConnection } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { bgpSessions, jobs, localAsns, peerGroups, routers, users } from '@/db/schema';
import { queueConfigure } from '@/lib/config/configure';
import { encryptSecret } from '@/lib/crypto/secrets';
import { tick } from '@/lib/jobs/runner';

process.env.APP_ENCRYPTION_KEY ??= Buffer.alloc(32, 7).toString('base64');
const { values: args } = parseArgs({ options: { labs: { type: 'string', default: '/tmp/pd-lab-cfg:2233,/tmp/pd-lab-cfg2:2234' }, sessions: { type: 'string', default: '200' } } });
const labs = args.labs.split(',').map((l) => {
  const [dir, port] = l.split(':');
  return { dir, port: Number(port) };
});
const total = Number(args.sessions);
const perRouter = Math.ceil(total / labs.length);
if (perRouter > 240) throw new Error('At most 240 sessions per router (10.0.13.10-249)');

const calls = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pd-bench-')), 'vtysh-calls.log');
// Named vtysh, as a control command must be; its own vtysh call finds the real one on PATH.
const wrapper = path.join(path.dirname(calls), 'vtysh');
fs.writeFileSync(wrapper, `#!/bin/sh\necho "$*" >> ${calls}\nexec vtysh "$@"\n`, { mode: 0o755 });
const logins = (dir: string) => (fs.readFileSync(path.join(dir, 'ssh/sshd.log'), 'utf8').match(/Accepted publickey/g) ?? []).length;
const vtyshCalls = () => (fs.existsSync(calls) ? fs.readFileSync(calls, 'utf8').split('\n').filter(Boolean) : []);
const commits = () => vtyshCalls().filter((c) => / -f /.test(c) && !/--dryrun/.test(c)).length;

const conn = connect({ pgliteDir: 'memory://' });
await migrateDatabase(conn);
useConnection(conn);
const db = conn.db;

await db.insert(localAsns).values({ asn: 65001 });
const [user] = await db.insert(users).values({ email: 'bench@example.test', role: 'operator', passwordHash: 'x' }).returning();
const actor = { id: user.id, email: user.email, role: user.role, via: 'cli' as const };
const ids: number[] = [];
for (const [i, lab] of labs.entries()) {
  const [router] = await db
    .insert(routers)
    .values({
      name: `frr${i + 1}`,
      hostname: 'localhost',
      managementAddress: '127.0.0.1',
      sshPort: lab.port,
      platform: 'frr',
      transport: 'ssh',
      username: 'root',
      privateKeyEnc: encryptSecret(fs.readFileSync(path.join(lab.dir, 'ssh/clientkey'), 'utf8')),
      localAsn: 65001,
      controlCommand: `${wrapper} --vty_socket ${lab.dir}/r1/run --config_dir ${lab.dir}/r1`,
    })
    .returning();
  const [group] = await db.insert(peerGroups).values({ routerId: router.id, name: 'IXP', family: 4 }).returning();
  const rows = await db
    .insert(bgpSessions)
    .values(Array.from({ length: perRouter }, (_, k) => ({ routerId: router.id, peerGroupId: group.id, localAsn: 65001, peerAsn: 64600 + k, peerIp: `10.0.13.${10 + k}`, maxPrefixes: 100, md5Enc: encryptSecret(`key-${k}`) })))
    .returning({ id: bgpSessions.id });
  ids.push(...rows.map((r) => r.id));
}

async function timedJob(operation: 'configure' | 'remove') {
  const job = await db.transaction((tx) => queueConfigure(tx, actor, { sessionIds: ids, operation, mode: 'now' }));
  // Nothing answers on 10.0.13.10+: one state poll after the push, no waiting for Established.
  await db.update(jobs).set({ payload: { ...job.payload, verifySeconds: 0 } }).where(eq(jobs.id, job.id));
  const before = { logins: labs.map((l) => logins(l.dir)), commits: commits() };
  const started = performance.now();
  const [outcome] = await tick({ only: job.id });
  const ms = performance.now() - started;
  await new Promise((r) => setTimeout(r, 300)); // sshd writes its log line a moment after the login
  const connections = labs.reduce((n, l, i) => n + logins(l.dir) - before.logins[i], 0);
  return { outcome, ms, connections, commits: commits() - before.commits };
}

const configure = await timedJob('configure');
const statuses = await db.select({ status: bgpSessions.configStatus }).from(bgpSessions);
const configured = statuses.filter((s) => s.status === 'configured').length;
console.log(`configure ${ids.length} sessions on ${labs.length} FRR routers: ${(configure.ms / 1000).toFixed(2)} s, ${configure.connections} SSH connections, ${configure.commits} commits (vtysh -f), ${configured} Configured, job ${configure.outcome.status}`);
const remove = await timedJob('remove');
console.log(`remove them again: ${(remove.ms / 1000).toFixed(2)} s, ${remove.connections} SSH connections, ${remove.commits} commits, job ${remove.outcome.status}`);
useConnection(undefined);
await conn.close();
