// IRR prefix lists for 1,000 peers (prints figures; not a test):
//   npx tsx bench/prefix-lists.ts [--peers 1000] [--prefixes 20] [--concurrency 8] [--db pglite|postgres]
// Each peer has an AS-SET in PeeringDB (one origin AS with --prefixes IPv4 and IPv6 route objects) in
// the bundled IRRd test server, and a session on an FRR router, so each refresh runs bgpq4 four times
// (JSON and FRR syntax, IPv4 and IPv6) and stores two versions. A second pass, nothing changed, shows
// the cost of the scheduled refresh when the IRR has nothing new. Target: the first pass under 60 s.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { bgpSessions, localAsns, pdbNetworks, routers } from '@/db/schema';
import { db } from '@/db/client';
import { refreshManyPeers } from '@/lib/filters/job';
import { DEFAULT_IRR } from '@/lib/filters/settings';
import { syntheticFixture } from '@/tools/irrd-test-server/fixture';
import { startIrrdTestServer } from '@/tools/irrd-test-server/server';
import { freshDatabase, type DbKind } from './sync-worker';

const { values: args } = parseArgs({
  options: { peers: { type: 'string', default: '1000' }, prefixes: { type: 'string', default: '20' }, concurrency: { type: 'string', default: '8' }, db: { type: 'string', default: 'pglite' } },
});
const peers = Number(args.peers);

/** CPU seconds of the bgpq4 processes this one waited for (cutime + cstime in /proc/self/stat). */
function childCpuSeconds() {
  const fields = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100;
}
const concurrency = Number(args.concurrency);

const irrd = await startIrrdTestServer({ fixture: syntheticFixture(peers, Number(args.prefixes)) });
const database = await freshDatabase(args.db as DbKind);
try {
  const now = new Date();
  const asns = Array.from({ length: peers }, (_, i) => 64600 + i);
  await db().insert(localAsns).values({ asn: 65001 });
  const [router] = await db().insert(routers).values({ name: 'bench-frr', hostname: 'localhost', platform: 'frr', transport: 'none', localAsn: 65001 }).returning();
  await db()
    .insert(pdbNetworks)
    .values(asns.map((asn, i) => ({ id: asn, asn, name: `Bench ${i}`, irrAsSet: `RIPE::AS-BENCH${i}`, status: 'ok', created: now, updated: now })));
  await db()
    .insert(bgpSessions)
    .values(asns.map((asn, i) => ({ routerId: router.id, localAsn: 65001, peerAsn: asn, peerIp: `10.${(i >> 8) & 255}.${i & 255}.2` })));
  const irr = { ...DEFAULT_IRR, server: irrd.address, sources: 'RIPE', privateAsns: true };
  for (const pass of ['first (every list new)', 'second (nothing changed)']) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const childCpu = childCpuSeconds();
    const results = await refreshManyPeers(asns, irr, { concurrency });
    const seconds = (performance.now() - started) / 1000;
    const failed = results.filter((r) => 'error' in r || r.families.some((f) => f.status === 'rejected')).length;
    const used = process.cpuUsage(cpu);
    const cpuSeconds = (used.user + used.system) / 1e6;
    console.log(`${pass}: ${peers} peers in ${seconds.toFixed(1)} s (${(peers / seconds).toFixed(0)} peers/s, concurrency ${concurrency}, ${failed} with a warning or error; CPU: ${cpuSeconds.toFixed(1)} s this process, ${(childCpuSeconds() - childCpu).toFixed(1)} s bgpq4)`);
  }
  console.log(`IRRd commands answered: ${irrd.commands.length}; load average ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')}`);
} finally {
  await database.drop();
  await irrd.close();
}
