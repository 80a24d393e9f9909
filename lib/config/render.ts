import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { bgpSessions, peerGroups, routers, templates, type Router } from '@/db/schema';
import type { NeighborSpec } from '@/lib/config/drivers/types';
import { decryptSecret } from '@/lib/crypto/secrets';
import { ServiceError } from '@/lib/errors';
import { ipFamily } from '@/lib/sessions/ip';
import { builtinConfigTemplate } from '@/lib/templates/defaults';
import { renderTemplate, TemplateError, toTemplateError } from '@/lib/templates/engine';
import { MD5_KEY_SHAPE, printableLine } from '@/lib/templates/quoting';
import { filterVariables, type FilterVariables } from '@/lib/filters/variables';
import { neighborKey, type ConfigVariables } from '@/lib/templates/variables';

/** Router config is line-based: a value from a user, a router or PeeringDB must never start a line of its own. */
function oneLine(text: string | null): string | null {
  const line = text === null ? '' : printableLine(text);
  return line === '' ? null : line;
}

type SessionRow = Awaited<ReturnType<typeof selectRows>>[number];

function selectRows(db: Executor, sessionIds: number[]) {
  return db
    .select({
      session: bgpSessions,
      router: routers,
      peerGroup: peerGroups.name,
      peer: sql<{ name: string; as_set: string | null; policy: string | null; prefixes4: number | null; prefixes6: number | null } | null>`(
        select json_build_object('name', n.name, 'as_set', n.irr_as_set, 'policy', n.policy_general, 'prefixes4', n.info_prefixes4, 'prefixes6', n.info_prefixes6)
        from pdb_net n where n.asn = bgp_sessions.peer_asn and n.status = 'ok' order by n.id limit 1)`,
      exchange: sql<{ id: number; name: string; our_ipv4: string | null; our_ipv6: string | null } | null>`(
        select json_build_object('id', x.id, 'name', x.name,
          'our_ipv4', (select host(l.ipaddr4) from pdb_netixlan l where l.ix_id = x.id and l.asn = bgp_sessions.local_asn and l.status = 'ok' and l.ipaddr4 is not null order by l.id limit 1),
          'our_ipv6', (select host(l.ipaddr6) from pdb_netixlan l where l.ix_id = x.id and l.asn = bgp_sessions.local_asn and l.status = 'ok' and l.ipaddr6 is not null order by l.id limit 1))
        from pdb_ix x where x.id = bgp_sessions.ix_id)`,
    })
    .from(bgpSessions)
    .innerJoin(routers, eq(routers.id, bgpSessions.routerId))
    .leftJoin(peerGroups, eq(peerGroups.id, bgpSessions.peerGroupId))
    .where(and(inArray(bgpSessions.id, sessionIds), isNull(bgpSessions.removedAt)));
}

function neighborOf(row: SessionRow): NeighborSpec {
  const s = row.session;
  return {
    sessionId: s.id,
    peerIp: s.peerIp,
    peerAsn: s.peerAsn,
    localAsn: s.localAsn,
    localIp: s.localIp,
    family: ipFamily(s.peerIp) ?? 4,
    peerGroup: oneLine(row.peerGroup),
    description: oneLine(s.description),
    md5: s.md5Enc ? decryptSecret(s.md5Enc) : null,
    maxPrefixes: s.maxPrefixes,
    type: s.type,
    adminDown: s.adminDown,
    key: neighborKey(s.peerAsn, s.peerIp),
  };
}

async function loadRows(db: Executor, sessionIds: number[]) {
  if (sessionIds.length === 0) return [];
  const rows = await selectRows(db, sessionIds);
  const byId = new Map(rows.map((r) => [r.session.id, r]));
  const groups = new Map<number, { router: Router; rows: SessionRow[] }>();
  for (const id of sessionIds) {
    const row = byId.get(id);
    if (!row) continue;
    byId.delete(id);
    const group = groups.get(row.router.id) ?? { router: row.router, rows: [] };
    group.rows.push(row);
    groups.set(row.router.id, group);
  }
  return [...groups.values()];
}

/** Sessions grouped by router (in order of first appearance), neighbors in sessionIds order; removed or unknown ids are skipped. */
export async function loadNeighbors(db: Executor, sessionIds: number[]): Promise<Array<{ router: Router; neighbors: NeighborSpec[] }>> {
  return (await loadRows(db, sessionIds)).map((g) => ({ router: g.router, neighbors: g.rows.map(neighborOf) }));
}

/** What a config template sees for one session. */
export function configVariables(router: Router, row: SessionRow, n: NeighborSpec, filters: FilterVariables): ConfigVariables {
  const peer = row.peer;
  // A key stored before keys were limited to what every platform quotes safely is not rendered.
  if (n.md5 !== null && !MD5_KEY_SHAPE.test(n.md5)) {
    throw new TemplateError(`the MD5 key of the session with ${n.peerIp} has characters routers do not all accept: enter it again on the session`, null, null);
  }
  return {
    router: { name: oneLine(router.name) ?? '', platform: router.platform, local_asn: router.localAsn },
    session: {
      id: n.sessionId,
      key: n.key,
      peer_ip: n.peerIp,
      peer_asn: n.peerAsn,
      local_ip: n.localIp,
      local_asn: n.localAsn,
      family: n.family,
      description: n.description,
      md5: n.md5,
      max_prefixes: n.maxPrefixes,
      type: n.type,
      peer_group: n.peerGroup,
      admin_down: n.adminDown,
    },
    peer: {
      name: oneLine(peer?.name ?? row.session.peerName ?? null),
      asn: n.peerAsn,
      as_set: oneLine(peer?.as_set ?? null),
      policy: oneLine(peer?.policy ?? null),
      prefixes4: peer?.prefixes4 ?? null,
      prefixes6: peer?.prefixes6 ?? null,
    },
    exchange: row.exchange ? { ...row.exchange, name: oneLine(row.exchange.name) ?? '' } : null,
    ...filters,
  };
}

type ChosenTemplate = { id: number | null; name: string; revision: number; body: string };

async function chooseConfigTemplate(db: Executor, router: Router, templateId: number | undefined): Promise<ChosenTemplate> {
  const where = templateId
    ? and(eq(templates.id, templateId), eq(templates.kind, 'config'))
    : and(eq(templates.kind, 'config'), eq(templates.platform, router.platform), eq(templates.isDefault, true));
  const [row] = await db.select().from(templates).where(where).limit(1);
  if (row) return { id: row.id, name: row.name, revision: row.revision, body: row.body };
  if (templateId) throw new ServiceError('not_found', `Config template ${templateId} not found`);
  const builtin = builtinConfigTemplate(router.platform);
  return { id: null, name: builtin.name, revision: 0, body: builtin.body };
}

/**
 * Renders each session with a config template: opts.templateId, else the router platform's default
 * custom template, else the built-in one. Throws TemplateError (naming the template) on a template error.
 */
export async function renderSessions(
  db: Executor,
  sessionIds: number[],
  opts: { templateId?: number } = {},
): Promise<Array<{
  router: Router;
  neighbors: NeighborSpec[];
  sections: Array<{ sessionId: number; text: string }>;
  template: { id: number | null; name: string; revision: number };
}>> {
  const out = [];
  for (const group of await loadRows(db, sessionIds)) {
    const template = await chooseConfigTemplate(db, group.router, opts.templateId);
    const neighbors = group.rows.map(neighborOf);
    const sections = [];
    for (const [i, n] of neighbors.entries()) {
      try {
        const filters = await filterVariables(
          db,
          { id: n.sessionId, peerAsn: n.peerAsn, family: n.family, type: n.type, platform: group.router.platform },
        );
        sections.push({
          sessionId: n.sessionId,
          text: await renderTemplate(template.body, configVariables(group.router, group.rows[i], n, filters)),
        });
      } catch (err) {
        throw toTemplateError(err, template.name);
      }
    }
    out.push({
      router: group.router,
      neighbors,
      sections,
      template: { id: template.id, name: template.name, revision: template.revision },
    });
  }
  return out;
}

/** The config variables of one session (for previews); null when there is no such live session. */
export async function sessionVariables(db: Executor, sessionId: number): Promise<ConfigVariables | null> {
  const [group] = await loadRows(db, [sessionId]);
  if (!group) return null;
  const row = group.rows[0];
  const n = neighborOf(row);
  return configVariables(
    group.router,
    row,
    n,
    await filterVariables(db, { id: n.sessionId, peerAsn: n.peerAsn, family: n.family, type: n.type, platform: group.router.platform }),
  );
}
