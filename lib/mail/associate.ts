import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { emails, localAsns, pdbContacts, pdbNetworks, peerContacts } from '@/db/schema';

export type Association = { peerAsn: number; association: 'thread' | 'address' | 'subject' };

export type AssociationInput = {
  mailbox: 'inbox' | 'sent';
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  fromAddress: string | null;
  toAddresses: string[];
  subject: string | null;
};

export type Lookups = {
  /** Message-ID -> the peer a message we have is tied to. */
  threads: Map<string, number>;
  /** Lower-case e-mail address -> the network's ASN (PeeringDB contacts, then addresses entered by hand). */
  addresses: Map<string, number>;
  /** ASNs that are networks in PeeringDB and not ours. */
  networks: Set<number>;
};

/** "AS64500", "as 64500", "AS-64500" in a subject. */
export function subjectAsns(subject: string | null): number[] {
  return [...(subject ?? '').matchAll(/\bAS[\s-]?(\d{1,10})\b/gi)].map((m) => Number(m[1])).filter((n) => Number.isSafeInteger(n) && n > 0);
}

/** Whose address tells us the peer: the sender of what we receive, the recipients of what we sent. */
const counterparts = (m: AssociationInput) => (m.mailbox === 'sent' ? m.toAddresses : m.fromAddress ? [m.fromAddress] : []);

/** Strongest first: a reply in a thread tied to a peer > a peer's contact address > an ASN named in the subject. */
export function chooseAssociation(m: AssociationInput, l: Lookups): Association | null {
  for (const id of [m.inReplyTo, ...m.references.slice().reverse()]) {
    const asn = id ? l.threads.get(id) : undefined;
    if (asn !== undefined) return { peerAsn: asn, association: 'thread' };
  }
  for (const address of counterparts(m)) {
    const asn = l.addresses.get(address.toLowerCase());
    if (asn !== undefined) return { peerAsn: asn, association: 'address' };
  }
  const asn = subjectAsns(m.subject).find((a) => l.networks.has(a));
  return asn !== undefined ? { peerAsn: asn, association: 'subject' } : null;
}

/** Everything chooseAssociation needs for a batch of messages, in three queries. */
export async function loadLookups(db: Executor, batch: AssociationInput[]): Promise<Lookups> {
  const ids = [...new Set(batch.flatMap((m) => [m.inReplyTo, ...m.references]).filter((v): v is string => !!v))];
  const addrs = [...new Set(batch.flatMap(counterparts).map((a) => a.toLowerCase()))];
  const asns = [...new Set(batch.flatMap((m) => subjectAsns(m.subject)))];
  const [threadRows, pocRows, enteredRows, netRows] = await Promise.all([
    ids.length
      ? db.select({ messageId: emails.messageId, peerAsn: emails.peerAsn })
        .from(emails)
        .where(and(inArray(emails.messageId, ids), isNotNull(emails.peerAsn)))
      : [],
    addrs.length
      ? db
          .select({ email: sql<string>`lower(${pdbContacts.email})`, asn: pdbNetworks.asn })
          .from(pdbContacts)
          .innerJoin(pdbNetworks, and(eq(pdbNetworks.id, pdbContacts.netId), eq(pdbNetworks.status, 'ok')))
          .where(and(eq(pdbContacts.status, 'ok'), inArray(sql`lower(${pdbContacts.email})`, addrs)))
      : [],
    addrs.length ? db.select({ email: sql<string>`lower(${peerContacts.email})`, asn: peerContacts.peerAsn }).from(peerContacts).where(inArray(sql`lower(${peerContacts.email})`, addrs)) : [],
    asns.length
      ? db
          .select({ asn: pdbNetworks.asn })
          .from(pdbNetworks)
          .where(and(inArray(pdbNetworks.asn, asns), eq(pdbNetworks.status, 'ok'), sql`${pdbNetworks.asn} not in (select ${localAsns.asn} from ${localAsns})`))
      : [],
  ]);
  const addresses = new Map<string, number>();
  for (const r of enteredRows) addresses.set(r.email, r.asn);
  for (const r of pocRows) addresses.set(r.email, r.asn);
  return {
    threads: new Map(threadRows.filter((r) => r.messageId).map((r) => [r.messageId!, r.peerAsn!])),
    addresses,
    networks: new Set(netRows.map((r) => r.asn)),
  };
}
