import { asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { pdbNetworks, peerGroups, routers } from '@/db/schema';

// The lists go in as one array literal each, not one parameter per item: a config can hold
// thousands of neighbors. Only validated IP addresses and numbers are put in them.
const arrayLiteral = (items: (string | number)[]) => `{${items.join(',')}}`;

export type AddressMatch = {
  /** The address as PostgreSQL writes it: one spelling per address. */
  canonical: string;
  exchange: { id: number; name: string } | null;
  /** A live (not removed) session on the router with this peer address. */
  sessionId: number | null;
};

type AddressRow = { input: string; canonical: string; ix_id: number | null; ix_name: string | null; session_id: number | null };

/**
 * For each peer address: the exchange whose peering LAN holds it (the longest prefix wins) and the
 * router's session with it, if any. Keyed by the address as given.
 */
export async function matchAddresses(db: Executor, routerId: number, ips: string[]): Promise<Map<string, AddressMatch>> {
  if (ips.length === 0) return new Map();
  // A plain `addr <<= prefix` join compares every address with every prefix: seconds for 5,000
  // neighbors against PeeringDB's prefixes. Cutting each address to the prefix lengths in use makes
  // it an equality a hash join answers; <<= still decides. Materialized, so the plan stays the same
  // without table statistics (the embedded database has none).
  const result = await db.execute(sql`
    with addresses as materialized (
      select ip as input, ip::inet as addr from unnest(${arrayLiteral(ips)}::text[]) as ip
    ), lans as materialized (
      select p.prefix, masklen(p.prefix) as len, family(p.prefix) as family, x.id, x.name
      from pdb_ixpfx p
      join pdb_ixlan l on l.id = p.ixlan_id
      join pdb_ix x on x.id = l.ix_id
      where p.status = 'ok' and l.status = 'ok' and x.status = 'ok'
    ), cuts as materialized (
      select a.input, a.addr, lengths.len, network(set_masklen(a.addr, lengths.len)) as net
      from addresses a
      join (select distinct len, family from lans) lengths on lengths.family = family(a.addr)
    ), matches as (
      select distinct on (c.input) c.input, lans.id, lans.name
      from cuts c
      join lans on lans.len = c.len and network(lans.prefix) = c.net
      where c.addr <<= lans.prefix
      order by c.input, c.len desc, lans.id
    )
    select a.input, host(a.addr) as canonical, m.id as ix_id, m.name as ix_name, s.id as session_id
    from addresses a
    left join matches m on m.input = a.input
    left join bgp_sessions s on s.router_id = ${routerId} and s.peer_ip = a.addr and s.removed_at is null`);
  const rows = (result as unknown as { rows: AddressRow[] }).rows;
  return new Map(
    rows.map((row) => [
      row.input,
      {
        canonical: row.canonical,
        exchange: row.ix_id === null ? null : { id: Number(row.ix_id), name: row.ix_name ?? `IX ${row.ix_id}` },
        sessionId: row.session_id === null ? null : Number(row.session_id),
      },
    ]),
  );
}

export type PeeringDbNetwork = {
  asn: number;
  name: string;
  infoType: string | null;
  infoTypes: string[] | null;
  prefixes4: number | null;
  prefixes6: number | null;
};

/** PeeringDB's network for each ASN (the oldest record when there are several). */
export async function networksByAsn(db: Executor, asns: number[]): Promise<Map<number, PeeringDbNetwork>> {
  if (asns.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([pdbNetworks.asn], {
      asn: pdbNetworks.asn,
      name: pdbNetworks.name,
      infoType: pdbNetworks.infoType,
      infoTypes: pdbNetworks.infoTypes,
      prefixes4: pdbNetworks.infoPrefixes4,
      prefixes6: pdbNetworks.infoPrefixes6,
    })
    .from(pdbNetworks)
    .where(sql`${pdbNetworks.asn} = any(${arrayLiteral(asns)}::bigint[]) and ${pdbNetworks.status} = 'ok'`)
    .orderBy(asc(pdbNetworks.asn), asc(pdbNetworks.id));
  return new Map(rows.map((row) => [row.asn, row]));
}

export async function routerPeerGroups(db: Executor, routerId: number) {
  return db
    .select({ id: peerGroups.id, name: peerGroups.name, family: peerGroups.family, ixId: peerGroups.ixId })
    .from(peerGroups)
    .where(eq(peerGroups.routerId, routerId));
}

/** The routers an import can target, with what decides whether they can be read live. */
export async function importRouters(db: Executor) {
  return db
    .select({ id: routers.id, name: routers.name, platform: routers.platform, transport: routers.transport, hostname: routers.hostname })
    .from(routers)
    .orderBy(asc(routers.name), asc(routers.id));
}

export type ImportRouter = Awaited<ReturnType<typeof importRouters>>[number];
