import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { bgpSessions, pdbExchanges, pdbIxlans, pdbIxPrefixes, pdbNetIxlans, pdbNetworks, peerGroups, routers } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { ServiceError } from '@/lib/errors';
import { ipFamily } from './ip';
import { ADDRESS_MISMATCH_FIELD } from './schemas';

type SessionDraft = {
  routerId: number;
  ixId: number | null;
  peerGroupId: number | null;
  peerAsn: number;
  peerIp: string;
  acknowledgeAddressMismatch?: boolean;
};

const invalid = (fields: Record<string, string>) => new ServiceError('validation', Object.values(fields)[0], fields);

/**
 * The rules a session must meet beyond its shape: the router, exchange and peer group fit together,
 * the address is on the exchange's peering LAN and not taken on that router, and it matches
 * PeeringDB unless the user says it differs on purpose. Returns what the session is checked against,
 * and the note that records a mismatch kept on purpose.
 */
export async function checkSession(
  db: Executor,
  draft: SessionDraft,
  options: { actor: Actor; sessionId?: number; addressChanged: boolean },
) {
  const [router] = await db.select({ id: routers.id, name: routers.name, localAsn: routers.localAsn })
    .from(routers)
    .where(eq(routers.id, draft.routerId));
  if (!router) throw invalid({ routerId: 'There is no such router' });
  const family = ipFamily(draft.peerIp)!;
  const fields: Record<string, string> = {};

  const [exchange] = draft.ixId === null
    ? []
    : await db.select({ id: pdbExchanges.id, name: pdbExchanges.name }).from(pdbExchanges).where(eq(pdbExchanges.id, draft.ixId));
  if (draft.ixId !== null && !exchange) fields.ixId = 'There is no such exchange in the PeeringDB data';

  if (draft.peerGroupId !== null) {
    const [group] = await db.select().from(peerGroups).where(eq(peerGroups.id, draft.peerGroupId));
    if (!group) fields.peerGroupId = 'There is no such peer group';
    else if (group.routerId !== router.id) fields.peerGroupId = `Peer group ${group.name} is not on router ${router.name}`;
    else if (exchange && group.ixId !== exchange.id) fields.peerGroupId = `Peer group ${group.name} does not face ${exchange.name}`;
    else if (group.family !== family) fields.peerIp = `${draft.peerIp} is an IPv${family} address, but peer group ${group.name} is IPv${group.family}`;
  }

  if (exchange && !fields.peerIp) {
    const lans = await peeringLans(db, exchange.id, draft.peerIp);
    // PeeringDB does not always list an exchange's prefixes; without them there is nothing to check against.
    if (lans.length && !lans.some((lan) => lan.inside)) {
      fields.peerIp = `${draft.peerIp} is not in ${exchange.name}'s peering LANs (${lans.map((lan) => lan.prefix).join(', ')})`;
    }
  }
  if (Object.keys(fields).length) throw invalid(fields);

  const [taken] = await db
    .select({ id: bgpSessions.id })
    .from(bgpSessions)
    .where(
      and(
        eq(bgpSessions.routerId, router.id),
        sql`${bgpSessions.peerIp} = ${draft.peerIp}::inet`,
        isNull(bgpSessions.removedAt),
        options.sessionId ? ne(bgpSessions.id, options.sessionId) : undefined,
      ),
    );
  if (taken) {
    const message = `Router ${router.name} already has a session with ${draft.peerIp}`;
    throw new ServiceError('conflict', message, { peerIp: message });
  }

  let mismatchNote: string | null = null;
  if (exchange && options.addressChanged) {
    const mismatch = await addressMismatch(db, exchange.id, draft.peerAsn, draft.peerIp, family);
    if (mismatch && !draft.acknowledgeAddressMismatch) {
      throw new ServiceError('validation', mismatch, {
        peerIp: mismatch,
        [ADDRESS_MISMATCH_FIELD]: 'Tick "Add anyway" to keep this address; the session notes will say so',
      });
    }
    if (mismatch) mismatchNote = `${mismatch}; kept on purpose by ${options.actor.email} on ${new Date().toISOString().slice(0, 10)}`;
  }
  return { router, exchange, family, mismatchNote };
}

async function peeringLans(db: Executor, ixId: number, ip: string) {
  return db
    .select({ prefix: sql<string>`${pdbIxPrefixes.prefix}::text`, inside: sql<boolean>`${ip}::inet <<= ${pdbIxPrefixes.prefix}` })
    .from(pdbIxPrefixes)
    .innerJoin(pdbIxlans, eq(pdbIxlans.id, pdbIxPrefixes.ixlanId))
    .where(and(eq(pdbIxlans.ixId, ixId), eq(pdbIxlans.status, 'ok'), eq(pdbIxPrefixes.status, 'ok')))
    .orderBy(sql`family(${pdbIxPrefixes.prefix})`, asc(pdbIxPrefixes.prefix));
}

/** The warning when PeeringDB lists the peer at the exchange in this family, but never at this address. */
async function addressMismatch(db: Executor, ixId: number, peerAsn: number, ip: string, family: 4 | 6) {
  const column = family === 4 ? pdbNetIxlans.ipaddr4 : pdbNetIxlans.ipaddr6;
  const listed = await db
    .select({ address: sql<string>`host(${column})`, same: sql<boolean>`${column} = ${ip}::inet` })
    .from(pdbNetIxlans)
    .where(and(eq(pdbNetIxlans.ixId, ixId), eq(pdbNetIxlans.asn, peerAsn), eq(pdbNetIxlans.status, 'ok'), sql`${column} is not null`))
    .orderBy(asc(pdbNetIxlans.id));
  if (!listed.length || listed.some((row) => row.same)) return null;
  return `Address ${ip} differs from PeeringDB (${listed.map((row) => row.address).join(', ')})`;
}

/** PeeringDB's name for the peer and its advertised prefix count in the session's family. */
export async function peeringDbDefaults(db: Executor, peerAsn: number, family: 4 | 6) {
  const [net] = await db
    .select({ name: pdbNetworks.name, prefixes4: pdbNetworks.infoPrefixes4, prefixes6: pdbNetworks.infoPrefixes6 })
    .from(pdbNetworks)
    .where(and(eq(pdbNetworks.asn, peerAsn), eq(pdbNetworks.status, 'ok')))
    .orderBy(asc(pdbNetworks.id))
    .limit(1);
  return { peerName: net?.name ?? null, maxPrefixes: (family === 4 ? net?.prefixes4 : net?.prefixes6) ?? null };
}
