import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '@/db/client';
import { emails, localAsns, pdbContacts, pdbExchanges, pdbNetIxlans, pdbNetworks, peerNotes, peerStatuses, users, type PeerStatus } from '@/db/schema';
import { listSessions } from './sessions';

const theirs = alias(pdbNetIxlans, 'theirs');
const ours = alias(pdbNetIxlans, 'ours');

/** PeeringDB's facts about the network (undefined when PeeringDB does not know the ASN). */
export async function peerFacts(db: Executor, asn: number) {
  const [net] = await db
    .select({
      id: pdbNetworks.id,
      name: pdbNetworks.name,
      aka: pdbNetworks.aka,
      asSet: pdbNetworks.irrAsSet,
      policy: pdbNetworks.policyGeneral,
      policyUrl: pdbNetworks.policyUrl,
      infoType: pdbNetworks.infoType,
      prefixes4: pdbNetworks.infoPrefixes4,
      prefixes6: pdbNetworks.infoPrefixes6,
      website: pdbNetworks.website,
    })
    .from(pdbNetworks)
    .where(and(eq(pdbNetworks.asn, asn), eq(pdbNetworks.status, 'ok')))
    .orderBy(asc(pdbNetworks.id))
    .limit(1);
  return net;
}

/** The contacts PeeringDB showed us (Public ones, and Users-only ones when a key was used). */
export async function peerContactsOf(db: Executor, netId: number) {
  return db
    .select({
      role: pdbContacts.role,
      name: pdbContacts.name,
      email: pdbContacts.email,
      phone: pdbContacts.phone,
      visible: pdbContacts.visible,
    })
    .from(pdbContacts)
    .where(and(eq(pdbContacts.netId, netId), eq(pdbContacts.status, 'ok')))
    .orderBy(asc(pdbContacts.role), asc(pdbContacts.id));
}

/** Every exchange where the peer and one of our ASNs both connect, one row per pair of connections. */
export async function sharedExchanges(db: Executor, asn: number) {
  return db
    .select({
      ixId: pdbExchanges.id,
      name: pdbExchanges.name,
      localAsn: ours.asn,
      ourIp4: sql<string | null>`host(${ours.ipaddr4})`,
      ourIp6: sql<string | null>`host(${ours.ipaddr6})`,
      peerIp4: sql<string | null>`host(${theirs.ipaddr4})`,
      peerIp6: sql<string | null>`host(${theirs.ipaddr6})`,
      speed: theirs.speed,
      isRsPeer: theirs.isRsPeer,
    })
    .from(theirs)
    .innerJoin(ours, and(eq(ours.ixId, theirs.ixId), eq(ours.status, 'ok'), inArray(ours.asn, db.select({ asn: localAsns.asn }).from(localAsns))))
    .innerJoin(pdbExchanges, eq(pdbExchanges.id, theirs.ixId))
    .where(and(eq(theirs.asn, asn), eq(theirs.status, 'ok')))
    .orderBy(asc(pdbExchanges.name), asc(ours.asn), asc(theirs.id), asc(ours.id));
}

export type SharedExchange = Awaited<ReturnType<typeof sharedExchanges>>[number];

/** The status per (local ASN, exchange): every exchange both networks share (New without a row) and any other stored status. */
async function peerStatusesOf(db: Executor, asn: number, shared: SharedExchange[]) {
  const rows = await db
    .select({
      ixId: peerStatuses.ixId,
      name: pdbExchanges.name,
      localAsn: peerStatuses.localAsn,
      status: peerStatuses.status,
      lastRequestAt: peerStatuses.lastRequestAt,
      updatedAt: peerStatuses.updatedAt,
    })
    .from(peerStatuses)
    .leftJoin(pdbExchanges, eq(pdbExchanges.id, peerStatuses.ixId))
    .where(eq(peerStatuses.peerAsn, asn));
  const entries = new Map<string, {
    ixId: number;
    name: string;
    localAsn: number;
    status: PeerStatus;
    lastRequestAt: Date | null;
    updatedAt: Date | null;
  }>();
  for (const s of shared) entries.set(`${s.ixId}/${s.localAsn}`, { ixId: s.ixId, name: s.name, localAsn: s.localAsn, status: 'new', lastRequestAt: null, updatedAt: null });
  for (const r of rows) entries.set(`${r.ixId}/${r.localAsn}`, { ...r, name: r.name ?? `Exchange ${r.ixId}` });
  return [...entries.values()].sort((a, b) => a.name.localeCompare(b.name) || a.localAsn - b.localAsn);
}

/** The notes log, newest first: status changes (from -> to) and comments, with who wrote them. */
async function peerNotesLog(db: Executor, asn: number, limit = 200) {
  return db
    .select({
      id: peerNotes.id,
      at: peerNotes.at,
      kind: peerNotes.kind,
      ixId: peerNotes.ixId,
      exchange: pdbExchanges.name,
      localAsn: peerNotes.localAsn,
      fromStatus: peerNotes.fromStatus,
      toStatus: peerNotes.toStatus,
      comment: peerNotes.comment,
      emailId: peerNotes.emailId,
      who: sql<string>`coalesce(nullif(${users.name}, ''), ${users.email}, 'system')`,
    })
    .from(peerNotes)
    .leftJoin(users, eq(users.id, peerNotes.actorId))
    .leftJoin(pdbExchanges, eq(pdbExchanges.id, peerNotes.ixId))
    .where(eq(peerNotes.peerAsn, asn))
    .orderBy(desc(peerNotes.at), desc(peerNotes.id))
    .limit(limit);
}

/** The mailbox messages tied to the peer, newest first (callers check emails.read). */
async function peerEmails(db: Executor, asn: number, limit = 100) {
  return db
    .select({
      id: emails.id,
      mailbox: emails.mailbox,
      date: emails.date,
      fromAddress: emails.fromAddress,
      subject: emails.subject,
      association: emails.association,
    })
    .from(emails)
    .where(eq(emails.peerAsn, asn))
    .orderBy(desc(emails.date), desc(emails.id))
    .limit(limit);
}

/** Everything Peer Details shows; emails only when asked for (Global Admins). */
export async function getPeerDetails(db: Executor, asn: number, options: { withEmails: boolean }) {
  const facts = await peerFacts(db, asn);
  const [contacts, shared, notes, sessions, emailRows] = await Promise.all([
    facts ? peerContactsOf(db, facts.id) : Promise.resolve([]),
    sharedExchanges(db, asn),
    peerNotesLog(db, asn),
    listSessions(db, { peerAsn: asn, limit: 500, offset: 0 }),
    options.withEmails ? peerEmails(db, asn) : Promise.resolve(null),
  ]);
  const statuses = await peerStatusesOf(db, asn, shared);
  const name = facts?.name ?? sessions.find((s) => s.peerName)?.peerName ?? null;
  return { asn, name, facts: facts ?? null, contacts, sharedExchanges: shared, statuses, notes, sessions, emails: emailRows };
}

export type PeerDetails = Awaited<ReturnType<typeof getPeerDetails>>;
