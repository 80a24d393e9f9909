import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { pdbExchanges, peerGroups, routers } from '@/db/schema';

/** The exchanges a session can face: those where one of our ASNs is present, by name. */
export async function exchangeChoices(db: Executor) {
  return db
    .select({
      id: pdbExchanges.id,
      name: pdbExchanges.name,
      prefixes: sql<string[]>`coalesce((select json_agg(p.prefix::text order by family(p.prefix), p.prefix) from pdb_ixpfx p
        join pdb_ixlan l on l.id = p.ixlan_id where l.ix_id = pdb_ix.id and l.status = 'ok' and p.status = 'ok'), '[]'::json)`,
    })
    .from(pdbExchanges)
    .where(
      and(
        eq(pdbExchanges.status, 'ok'),
        sql`${pdbExchanges.id} in (select m.ix_id from pdb_netixlan m where m.asn in (select asn from local_asns) and m.status = 'ok')`,
      ),
    )
    .orderBy(asc(pdbExchanges.name), asc(pdbExchanges.id));
}

export async function routerChoices(db: Executor) {
  return db
    .select({ id: routers.id, name: routers.name, localAsn: routers.localAsn })
    .from(routers)
    .orderBy(asc(routers.name), asc(routers.id));
}

export async function peerGroupChoices(db: Executor, routerId?: number) {
  return db
    .select({ id: peerGroups.id, routerId: peerGroups.routerId, ixId: peerGroups.ixId, name: peerGroups.name, family: peerGroups.family })
    .from(peerGroups)
    .where(routerId ? eq(peerGroups.routerId, routerId) : undefined)
    .orderBy(asc(peerGroups.name), asc(peerGroups.family), asc(peerGroups.id));
}

export type ExchangeChoice = Awaited<ReturnType<typeof exchangeChoices>>[number];
export type RouterChoice = Awaited<ReturnType<typeof routerChoices>>[number];
export type PeerGroupChoice = Awaited<ReturnType<typeof peerGroupChoices>>[number];
