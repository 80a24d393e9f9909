import { isIP } from 'node:net';
import { eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { matchAddresses, networksByAsn, routerPeerGroups, type AddressMatch, type PeeringDbNetwork } from '@/db/queries/session-import';
import { routers, type Router, type SessionType } from '@/db/schema';
import type { ImportWarning } from './types';
import { fieldError } from '@/lib/errors';
import { AS_TRANS } from '@/lib/settings/schemas';
import { listLocalAsns } from '@/lib/settings/service';
import { readLive } from './live';
import { readNeighbors, type FoundNeighbor, type FoundNeighbors } from './neighbors';
import { planPeerGroups, type PeerGroupToCreate } from './peer-groups';

export type Decision = 'new' | 'present' | 'skipped';

export type PlannedNeighbor = {
  line: number;
  peerIp: string;
  family: 4 | 6;
  remoteAsn: number | null;
  localAsn: number;
  description: string | null;
  decision: Decision;
  /** Skipped: why. New: anything worth knowing about how it is imported. */
  reason: string | null;
  /** Already present: the session it matches. */
  sessionId: number | null;
  /** null: No Exchange (the address is on no peering LAN PeeringDB knows). */
  exchange: { id: number; name: string } | null;
  peerGroup: { name: string; isNew: boolean } | null;
  peeringDbName: string | null;
  maxPrefixes: number | null;
  maxPrefixesFrom: 'config' | 'peeringdb' | null;
  type: SessionType;
  localIp: string | null;
  hasMd5: boolean;
  shutdown: boolean;
};

export type ImportPlan = {
  router: Pick<Router, 'id' | 'name' | 'platform' | 'localAsn'>;
  neighbors: PlannedNeighbor[];
  warnings: ImportWarning[];
  peerGroupsToCreate: PeerGroupToCreate[];
};

/** The router and the neighbors an import starts from: the text given, or what the router says now. */
export async function readImportSource(db: Executor, request: { routerId: number; config?: string }) {
  const [router] = await db.select().from(routers).where(eq(routers.id, request.routerId));
  if (!router) throw fieldError('routerId', 'There is no such router');
  if (request.config !== undefined) return { router, text: request.config, found: readNeighbors(router.platform, request.config) };
  const live = await readLive(router);
  return { router, text: live.text, found: live.found };
}

/** The dry run: every neighbor with what importing would do with it. Changes nothing. */
export async function planImport(db: Executor, request: { routerId: number; config?: string }): Promise<ImportPlan> {
  const { router, found } = await readImportSource(db, request);
  return classifyNeighbors(db, router, found);
}

/** Decides each neighbor against the database as it is now: new, already present, or skipped and why. */
export async function classifyNeighbors(db: Executor, router: Router, found: FoundNeighbors): Promise<ImportPlan> {
  const ours = new Set(await listLocalAsns(db));
  const addresses = await matchAddresses(db, router.id, [...new Set(found.neighbors.map((n) => n.peerIp).filter((ip) => isIP(ip) !== 0))]);
  const asns = [...new Set(found.neighbors.flatMap((n) => (n.remoteAsn === null ? [] : [n.remoteAsn])))];
  const networks = await networksByAsn(db, asns);

  const firstLineOf = new Map<string, number>();
  const neighbors = found.neighbors.map((neighbor) => {
    const address = addresses.get(neighbor.peerIp);
    const planned = describe(neighbor, router, address, networks);
    const skip = (reason: string): PlannedNeighbor => ({ ...planned, decision: 'skipped', reason });
    if (!address) return skip('invalid IP address');
    const first = firstLineOf.get(address.canonical);
    if (first !== undefined) return skip(`duplicate of the neighbor on line ${first}`);
    firstLineOf.set(address.canonical, neighbor.line);
    if (neighbor.remoteAsn === null) return skip('no remote AS');
    if (neighbor.remoteAsn === AS_TRANS) return skip('AS 23456 (AS_TRANS) is a placeholder, not the peer’s AS');
    if (ours.has(neighbor.remoteAsn) || neighbor.remoteAsn === planned.localAsn) return skip('iBGP neighbor');
    if (address.sessionId !== null) return { ...planned, decision: 'present' as const, sessionId: address.sessionId };
    return planned;
  });

  const entries = neighbors.map((planned, i) => ({ planned, groupName: found.neighbors[i].peerGroup }));
  const peerGroupsToCreate = planPeerGroups(entries, await routerPeerGroups(db, router.id));
  return {
    router: { id: router.id, name: router.name, platform: router.platform, localAsn: router.localAsn },
    neighbors,
    warnings: found.warnings,
    peerGroupsToCreate,
  };
}

function describe(
  neighbor: FoundNeighbor,
  router: Router,
  address: AddressMatch | undefined,
  networks: Map<number, PeeringDbNetwork>,
): PlannedNeighbor {
  const network = neighbor.remoteAsn === null ? undefined : networks.get(neighbor.remoteAsn);
  const advertised = neighbor.addressFamily === 4 ? network?.prefixes4 : network?.prefixes6;
  // PeeringDB's 0 means "not filled in"; as a limit it would refuse every route.
  const fromPeeringDb = advertised ? advertised : null;
  const exchange = address?.exchange ?? null;
  return {
    line: neighbor.line,
    peerIp: address?.canonical ?? neighbor.peerIp,
    family: neighbor.addressFamily,
    remoteAsn: neighbor.remoteAsn,
    localAsn: neighbor.localAsn ?? router.localAsn,
    description: neighbor.description,
    decision: 'new',
    reason: null,
    sessionId: null,
    exchange,
    peerGroup: null,
    peeringDbName: network?.name ?? null,
    maxPrefixes: neighbor.maxPrefixes ?? fromPeeringDb,
    maxPrefixesFrom: neighbor.maxPrefixes !== null ? 'config' : fromPeeringDb !== null ? 'peeringdb' : null,
    type: !exchange ? 'private' : isRouteServer(network) ? 'route_server' : 'peer',
    localIp: neighbor.localAddress && isIP(neighbor.localAddress) === neighbor.addressFamily ? neighbor.localAddress : null,
    hasMd5: neighbor.hasMd5,
    shutdown: neighbor.shutdown,
  };
}

const isRouteServer = (network: PeeringDbNetwork | undefined) =>
  network?.infoType === 'Route Server' || (network?.infoTypes ?? []).includes('Route Server');
