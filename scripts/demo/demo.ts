// Demo data for `npm run demo`: routers, peer groups, sessions in every status, peers in every request
// status with notes, and a few emails, laid over a synced PeeringDB copy where AS65001 is at several exchanges.
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { analyzeTables } from '@/db/statistics';
import {
  bgpSessions, emails, jobs, localAsns, pdbExchanges, pdbNetIxlans, pdbNetworks, peerGroups, peerNotes, peerStatuses, routers,
  type ConfigStatus, type PeerStatus,
} from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { queueConfigure } from '@/lib/config/configure';
import { encryptSecret } from '@/lib/crypto/secrets';

export const DEMO_ASN = 65001;
// The demo's jobs are scheduled the way a coordinator's are, by no one in particular.
const demoActor: Actor = { id: null, email: 'demo', role: 'global_admin', via: 'cli' };

/** The BGP lab's routers, when its environment is present (`eval "$(bash scripts/labs/bgp-lab.sh env)"`). */
export type LabRouters = { frrVtySocket: string; birdCtl: string; birdPeersDir: string };

export type DemoOptions = { labRouters?: LabRouters | null; now?: Date };

export type DemoSummary = {
  exchanges: { id: number; name: string }[];
  routers: { name: string; transport: string }[];
  peerGroups: number;
  sessions: Record<ConfigStatus, number>;
  peers: Record<PeerStatus, number>;
  emails: number;
};

const CONFIG_STATUSES: ConfigStatus[] = ['not_configured', 'scheduled', 'configuring', 'configured', 'error', 'removed'];
const PEER_STATUSES: PeerStatus[] = ['new', 'existing', 'not_qualified', 'request_sent', 'request_received', 'approved', 'rejected'];

export function labRoutersFromEnv(e: NodeJS.ProcessEnv = process.env): LabRouters | null {
  const { LAB_FRR_VTY_SOCKET, LAB_BIRD_CTL, LAB_BIRD_PEERS_DIR } = e;
  return LAB_FRR_VTY_SOCKET && LAB_BIRD_CTL && LAB_BIRD_PEERS_DIR
    ? { frrVtySocket: LAB_FRR_VTY_SOCKET, birdCtl: LAB_BIRD_CTL, birdPeersDir: LAB_BIRD_PEERS_DIR }
    : null;
}

/** Needs the PeeringDB tables synced first (AS65001 must be at some exchanges). Run once on an empty Peerdesk database. */
export async function seedDemo(db: Db, options: DemoOptions = {}): Promise<DemoSummary> {
  const now = options.now ?? new Date();
  const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
  const lab = options.labRouters ?? null;

  const summary = await db.transaction(async (tx) => {
    await tx.insert(localAsns).values({ asn: DEMO_ASN }).onConflictDoNothing();
    const ourPorts = await tx
      .select({ ixId: pdbNetIxlans.ixId, ip4: pdbNetIxlans.ipaddr4, ip6: pdbNetIxlans.ipaddr6, name: pdbExchanges.name })
      .from(pdbNetIxlans)
      .innerJoin(pdbExchanges, eq(pdbExchanges.id, pdbNetIxlans.ixId))
      .where(eq(pdbNetIxlans.asn, DEMO_ASN))
      .orderBy(asc(pdbNetIxlans.ixId));
    if (!ourPorts.length) throw new Error(`AS${DEMO_ASN} is at no exchange: sync PeeringDB (the bundled test server) before seeding the demo`);
    const exchanges = [...new Map(ourPorts.map((p) => [p.ixId, { id: p.ixId, name: p.name }])).values()];

    const routerRows = await tx
      .insert(routers)
      .values(
        lab
          ? [
              { name: 'lab-frr', hostname: 'localhost', platform: 'frr' as const, transport: 'local' as const, localAsn: DEMO_ASN, controlCommand: `vtysh --vty_socket ${lab.frrVtySocket}` },
              { name: 'lab-bird', hostname: 'localhost', platform: 'bird' as const, transport: 'local' as const, localAsn: DEMO_ASN, controlCommand: `birdc -s ${lab.birdCtl}`, peersDir: lab.birdPeersDir },
            ]
          : [
              { name: 'edge1.ams', hostname: 'edge1.ams.demo.test', platform: 'frr' as const, transport: 'none' as const, localAsn: DEMO_ASN },
              { name: 'edge2.fra', hostname: 'edge2.fra.demo.test', platform: 'bird' as const, transport: 'none' as const, localAsn: DEMO_ASN, peersDir: '/etc/bird/peers.d' },
            ],
      )
      .returning();

    const groups = await tx
      .insert(peerGroups)
      .values(routerRows.flatMap((r) => exchanges.flatMap((ix, i) => [4, 6].map((family) => ({ routerId: r.id, ixId: ix.id, family, name: `IX${i + 1}-V${family}` })))))
      .returning();
    const groupOf = (routerId: number, ixId: number, family: number) =>
      groups.find((g) => g.routerId === routerId && g.ixId === ixId && g.family === family)?.id ?? null;

    // Other members at our exchanges, a few per exchange, with their names.
    const members = await tx
      .select({
        ixId: pdbNetIxlans.ixId,
        asn: pdbNetIxlans.asn,
        ip4: pdbNetIxlans.ipaddr4,
        ip6: pdbNetIxlans.ipaddr6,
        name: pdbNetworks.name,
      })
      .from(pdbNetIxlans)
      .innerJoin(pdbNetworks, eq(pdbNetworks.asn, pdbNetIxlans.asn))
      .where(and(inArray(pdbNetIxlans.ixId, exchanges.map((x) => x.id)), ne(pdbNetIxlans.asn, DEMO_ASN)))
      .orderBy(asc(pdbNetIxlans.ixId), asc(pdbNetIxlans.asn));
    const perIx = new Map<number, typeof members>();
    for (const m of members) {
      const list = perIx.get(m.ixId) ?? [];
      if (list.length < 14 && !list.some((x) => x.asn === m.asn)) list.push(m);
      perIx.set(m.ixId, list);
    }

    // Sessions: every config status on each router, spread over the exchanges.
    const sessionCounts = Object.fromEntries(CONFIG_STATUSES.map((s) => [s, 0])) as Record<ConfigStatus, number>;
    const sessionValues: (typeof bgpSessions.$inferInsert)[] = [];
    const plan: { status: ConfigStatus; bgp?: string; error?: string; pfx?: number }[] = [
      { status: 'configured', bgp: 'Established', pfx: 812 },
      { status: 'configured', bgp: 'Established', pfx: 37 },
      { status: 'configured', bgp: 'Active' },
      { status: 'configured', bgp: 'Idle (PfxCt)', error: 'Maximum prefix limit exceeded (received 1201, limit 1000)' },
      { status: 'not_configured' },
      { status: 'scheduled' },
      { status: 'configuring' },
      { status: 'error', error: 'push failed: the router refused "neighbor 192.0.2.1 peer-group IX1-V4": peer-group does not exist' },
      { status: 'removed' },
    ];
    let k = 0;
    for (const [ri, router] of routerRows.entries()) {
      for (const [xi, ix] of exchanges.entries()) {
        const candidates = (perIx.get(ix.id) ?? []).filter((m) => m.ip4);
        for (let j = 0; j < plan.length && j < candidates.length; j++) {
          const step = plan[(j + xi + ri) % plan.length];
          const m = candidates[(j + ri * 5) % candidates.length];
          const port = ourPorts.find((p) => p.ixId === ix.id);
          const status = step.status;
          sessionValues.push({
            routerId: router.id, ixId: ix.id, peerGroupId: groupOf(router.id, ix.id, 4),
            localAsn: DEMO_ASN, peerAsn: m.asn, peerName: m.name,
            peerIp: m.ip4 as string, localIp: port?.ip4 ?? null, maxPrefixes: 1000,
            md5Enc: k % 3 === 0 ? encryptSecret(`demo-md5-${k}`) : null,
            description: `${m.name} (AS${m.asn}) at ${ix.name}`,
            configStatus: status, configError: status === 'error' ? step.error : null,
            bgpState: status === 'configured' ? step.bgp : null,
            bgpLastError: status === 'configured' && step.error ? step.error : null,
            bgpStateChangedAt: status === 'configured' ? ago(30 + k * 7) : null,
            uptimeSeconds: step.bgp === 'Established' ? 3600 * (k + 1) : null,
            prefixesReceived: step.pfx ?? null,
            lastPolledAt: status === 'configured' ? ago(1) : null,
            removedAt: status === 'removed' ? ago(60 * 24) : null,
          });
          sessionCounts[status]++;
          k++;
        }
      }
    }
    // Sessions share (router, peer ip) only once while not removed: drop later duplicates.
    const seen = new Set<string>();
    const unique = sessionValues.filter((s) => {
      if (s.removedAt) return true;
      const key = `${s.routerId}/${s.peerIp}`;
      if (seen.has(key)) {
        sessionCounts[s.configStatus as ConfigStatus]--;
        return false;
      }
      seen.add(key);
      return true;
    });
    // Scheduled and Configuring sessions get there through the configure service, which writes their job.
    const queued = (s: (typeof unique)[number]) => s.configStatus === 'scheduled' || s.configStatus === 'configuring';
    const sessions = await tx
      .insert(bgpSessions)
      .values(unique.map((s) => (queued(s) ? { ...s, configStatus: 'not_configured' as const } : s)))
      .returning({ id: bgpSessions.id });
    const idsIn = (status: ConfigStatus) => sessions.filter((_, i) => unique[i].configStatus === status).map((s) => s.id);
    const scheduledIds = idsIn('scheduled');
    const configuringIds = idsIn('configuring');
    if (scheduledIds.length) {
      await queueConfigure(tx, demoActor, { sessionIds: scheduledIds, mode: 'schedule', at: new Date(now.getTime() + 24 * 3600_000) });
    }
    if (configuringIds.length) {
      const job = await queueConfigure(tx, demoActor, { sessionIds: configuringIds, mode: 'now' });
      // Its runner stopped mid-push: the job failed, the sessions still say Configuring.
      await tx
        .update(jobs)
        .set({ runAt: ago(2), status: 'failed', attempts: 2, error: 'the app stopped while configuring (demo data)', finishedAt: ago(1) })
        .where(eq(jobs.id, job.id));
    }

    // Peers: every request status, each with a notes log; the first exchange's members get them all.
    const peerCounts = Object.fromEntries(PEER_STATUSES.map((s) => [s, 0])) as Record<PeerStatus, number>;
    const notes: (typeof peerNotes.$inferInsert)[] = [];
    const statusRows: (typeof peerStatuses.$inferInsert)[] = [];
    const emailRows: (typeof emails.$inferInsert)[] = [];
    let n = 0;
    for (const ix of exchanges) {
      const list = perIx.get(ix.id) ?? [];
      for (const [i, m] of list.entries()) {
        const status = PEER_STATUSES[(i + n) % PEER_STATUSES.length];
        n++;
        peerCounts[status]++;
        if (status === 'new') continue; // no row means "new"
        const requested = ['request_sent', 'request_received', 'approved', 'rejected'].includes(status);
        statusRows.push({
          localAsn: DEMO_ASN,
          ixId: ix.id,
          peerAsn: m.asn,
          status,
          lastRequestAt: requested ? ago(60 * 24 * 3) : null,
          updatedAt: ago(60),
        });
        const note = (minutes: number, kind: string, fromStatus: PeerStatus | null, toStatus: PeerStatus | null, comment: string | null) =>
          notes.push({ peerAsn: m.asn, localAsn: DEMO_ASN, ixId: ix.id, at: ago(minutes), kind, fromStatus, toStatus, comment });
        if (requested) {
          note(60 * 24 * 3, 'status', 'new', 'request_sent', `Peering request sent to the policy contact of ${m.name}`);
          const threadId = `<demo-${m.asn}-${ix.id}@peerdesk.test>`;
          emailRows.push({
            mailbox: 'sent', messageId: threadId, fromAddress: 'peering@peerdesk.test', fromName: 'Peerdesk Lab Peering',
            toAddresses: [`peering@as${m.asn}.example`], subject: `Peering request AS${DEMO_ASN} - AS${m.asn} at ${ix.name}`,
            date: ago(60 * 24 * 3), textBody: `Hello ${m.name},\n\nWe would like to peer with you at ${ix.name}.\n\nAS${DEMO_ASN} Peerdesk Lab`,
            seen: true, threadId, peerAsn: m.asn, association: 'request',
          });
          if (status !== 'request_sent') {
            const reply = status === 'rejected' ? 'Sorry, we do not peer with networks of your size at the moment.' : 'Thanks, happy to peer. Sessions are configured on our side.';
            emailRows.push({
              mailbox: 'inbox', messageId: `<reply-${m.asn}-${ix.id}@as${m.asn}.example>`, inReplyTo: threadId, references: [threadId],
              fromAddress: `peering@as${m.asn}.example`, fromName: `${m.name} Peering`, toAddresses: ['peering@peerdesk.test'],
              subject: `Re: Peering request AS${DEMO_ASN} - AS${m.asn} at ${ix.name}`, date: ago(60 * 24 * 2),
              textBody: reply, htmlSanitized: `<p>${reply}</p>`, seen: status !== 'request_received', threadId, peerAsn: m.asn, association: 'thread',
            });
            note(60 * 24 * 2, 'status', 'request_sent', status, status === 'request_received' ? 'They replied, to be reviewed' : null);
          }
        } else if (status === 'not_qualified') {
          note(60 * 24, 'status', 'new', status, 'Below our minimum traffic; revisit next quarter');
        } else {
          note(60 * 24 * 30, 'status', 'new', status, 'Sessions were already up before Peerdesk');
        }
        note(30, 'comment', null, null, `Checked ${m.name} in PeeringDB: policy is fine.`);
      }
    }
    if (statusRows.length) await tx.insert(peerStatuses).values(statusRows).onConflictDoNothing();
    if (notes.length) await tx.insert(peerNotes).values(notes);
    if (emailRows.length) await tx.insert(emails).values(emailRows);

    const [{ count: groupCount }] = await tx.select({ count: sql<number>`count(*)::int` }).from(peerGroups);
    return {
      exchanges,
      routers: routerRows.map((r) => ({ name: r.name, transport: r.transport })),
      peerGroups: groupCount,
      sessions: sessionCounts,
      peers: peerCounts,
      emails: emailRows.length,
    };
  });
  // The demo fills our tables in one go: plan the pages with their real sizes straight away.
  await analyzeTables(db, ['local_asns', 'routers', 'peer_groups', 'bgp_sessions', 'peer_statuses', 'peer_notes', 'emails']);
  return summary;
}
