import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { bgpSessions, pdbNetworks, routers, templateRevisions, templates, users, type Platform, type templateKindEnum } from '@/db/schema';

/** The list's filters, parsed by `templateFilters` (lib/templates/schemas.ts). */
export type TemplateFilters = { kind?: (typeof templateKindEnum.enumValues)[number]; platform?: Platform };

const listColumns = {
  id: templates.id,
  kind: templates.kind,
  platform: templates.platform,
  name: templates.name,
  subject: templates.subject,
  isDefault: templates.isDefault,
  revision: templates.revision,
  updatedAt: templates.updatedAt,
};

/** Custom templates, by kind, platform and name; q matches the name or the text. */
export async function listTemplates(db: Executor, params: TemplateFilters & { q?: string; limit: number; offset: number }) {
  const like = params.q && `%${params.q}%`;
  return db
    .select(listColumns)
    .from(templates)
    .where(
      and(
        params.kind ? eq(templates.kind, params.kind) : undefined,
        params.platform ? eq(templates.platform, params.platform) : undefined,
        like ? sql`(${templates.name} ilike ${like} or ${templates.body} ilike ${like})` : undefined,
      ),
    )
    .orderBy(asc(templates.kind), asc(templates.platform), asc(templates.name), asc(templates.id))
    .limit(params.limit)
    .offset(params.offset);
}

/** One custom template with its revisions, newest first; undefined when there is none. */
export async function getTemplate(db: Executor, id: number) {
  const [row] = await db.select().from(templates).where(eq(templates.id, id));
  if (!row) return undefined;
  const revisions = await db
    .select({
      revision: templateRevisions.revision,
      subject: templateRevisions.subject,
      body: templateRevisions.body,
      author: users.email,
      createdAt: templateRevisions.createdAt,
    })
    .from(templateRevisions)
    .leftJoin(users, eq(users.id, templateRevisions.authorId))
    .where(eq(templateRevisions.templateId, id))
    .orderBy(desc(templateRevisions.revision));
  return { ...row, revisions };
}

/** Sessions to preview a config template against (the page's picker), of one platform when given. */
export async function previewSessionChoices(db: Executor, platform: string | null, limit = 200) {
  return db
    .select({
      id: bgpSessions.id,
      peerAsn: bgpSessions.peerAsn,
      peerIp: bgpSessions.peerIp,
      routerName: routers.name,
      platform: routers.platform,
    })
    .from(bgpSessions)
    .innerJoin(routers, eq(routers.id, bgpSessions.routerId))
    .where(and(isNull(bgpSessions.removedAt), platform ? sql`${routers.platform}::text = ${platform}` : undefined))
    .orderBy(asc(routers.name), asc(bgpSessions.peerAsn), asc(bgpSessions.peerIp))
    .limit(limit);
}

/** Networks to preview an e-mail template against: those with a session, then any, for the picker. */
export async function previewPeerChoices(db: Executor, limit = 200) {
  return db
    .selectDistinctOn([bgpSessions.peerAsn], { asn: bgpSessions.peerAsn, name: pdbNetworks.name })
    .from(bgpSessions)
    .leftJoin(pdbNetworks, and(eq(pdbNetworks.asn, bgpSessions.peerAsn), eq(pdbNetworks.status, 'ok')))
    .where(isNull(bgpSessions.removedAt))
    .orderBy(asc(bgpSessions.peerAsn))
    .limit(limit);
}

type SharedExchange = {
  name: string;
  our_ipv4: string | null;
  our_ipv6: string | null;
  peer_ipv4: string | null;
  peer_ipv6: string | null;
};

// PGlite and node-postgres both answer execute() with { rows }.
const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/**
 * The e-mail variables for a preview, straight from PeeringDB: the peer, our network (the local ASN
 * sharing the most exchanges with it), the exchanges both are on with both sides' addresses, a policy contact.
 */
export async function emailPreviewFacts(db: Executor, peerAsn: number) {
  const result = await db.execute(sql`
    with shared as (
      select ours.asn as local_asn, x.name, host(ours.ipaddr4) as our_ipv4, host(ours.ipaddr6) as our_ipv6,
             host(theirs.ipaddr4) as peer_ipv4, host(theirs.ipaddr6) as peer_ipv6
      from pdb_netixlan theirs
      join pdb_netixlan ours on ours.ix_id = theirs.ix_id and ours.asn in (select asn from local_asns) and ours.status = 'ok'
      join pdb_ix x on x.id = theirs.ix_id
      where theirs.asn = ${peerAsn} and theirs.status = 'ok'
    ), best as (
      select local_asn from shared group by local_asn order by count(*) desc, local_asn limit 1
    )
    select coalesce((select local_asn from best), (select min(asn) from local_asns))::text as local_asn,
           (select json_agg(json_build_object('name', name, 'our_ipv4', our_ipv4, 'our_ipv6', our_ipv6, 'peer_ipv4', peer_ipv4, 'peer_ipv6', peer_ipv6) order by name)
            from shared where local_asn = (select local_asn from best)) as exchanges`);
  const facts = rowsOf<{ local_asn: string | null; exchanges: SharedExchange[] | null }>(result)[0];
  const localAsn = facts?.local_asn ? Number(facts.local_asn) : null;
  const network = async (asn: number | null) => {
    if (asn === null) return undefined;
    const [net] = await db
      .select({ id: pdbNetworks.id, name: pdbNetworks.name, asSet: pdbNetworks.irrAsSet })
      .from(pdbNetworks)
      .where(and(eq(pdbNetworks.asn, asn), eq(pdbNetworks.status, 'ok')))
      .orderBy(asc(pdbNetworks.id))
      .limit(1);
    return net;
  };
  const [peer, local] = await Promise.all([network(peerAsn), network(localAsn)]);
  const contact = peer
    ? await db.execute(
        sql`select name, email from pdb_poc where net_id = ${peer.id} and status = 'ok' and email is not null and email <> ''
            order by (role = 'Policy') desc, (role = 'NOC') desc, id limit 1`,
      )
    : undefined;
  return {
    peer: { name: peer?.name ?? null, asn: peerAsn },
    local: { asn: localAsn, name: local?.name ?? null, as_set: local?.asSet ?? null },
    exchanges: facts?.exchanges ?? [],
    contact: contact ? (rowsOf<{ name: string | null; email: string }>(contact)[0] ?? null) : null,
  };
}
