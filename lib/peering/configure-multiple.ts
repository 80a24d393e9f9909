import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { bgpSessions, pdbNetIxlans, routers } from '@/db/schema';
import { getSession, type SessionView } from '@/db/queries/sessions';
import { findExchange } from '@/db/queries/exchanges';
import { mutation } from '@/lib/auth/mutation';
import { afterRequest } from '@/lib/changes/after-request';
import { requestChange } from '@/lib/changes/request';
import { ServiceError } from '@/lib/errors';
import { checkSession, peeringDbDefaults } from '@/lib/sessions/validation';
import { configureMultipleInput } from './schemas';

const HOUR = 3_600_000;

/** The first address PeeringDB lists for the network at the exchange in the family, or null. */
async function addressAt(tx: Tx, ixId: number, asn: number, family: 4 | 6) {
  const column = family === 4 ? pdbNetIxlans.ipaddr4 : pdbNetIxlans.ipaddr6;
  const [row] = await tx
    .select({ ip: sql<string>`host(${column})` })
    .from(pdbNetIxlans)
    .where(and(eq(pdbNetIxlans.ixId, ixId), eq(pdbNetIxlans.asn, asn), eq(pdbNetIxlans.status, 'ok'), sql`${column} is not null`))
    .orderBy(asc(pdbNetIxlans.id))
    .limit(1);
  return row?.ip ?? null;
}

/** Field errors of one row carry its index, so a form can show them on that row. */
function rowError(index: number, label: string, err: unknown): never {
  if (!(err instanceof ServiceError)) throw err;
  const fields = Object.fromEntries(Object.entries(err.fields ?? {}).map(([key, message]) => [`items.${index}.${key}`, message]));
  throw new ServiceError(err.code, `${label}: ${err.message}`, fields);
}

/**
 * Configure Multiple Sessions: one session per (exchange, family) row, addresses from PeeringDB,
 * then one configure job for all of them, in the same transaction. A session the router already
 * has with that address is reported back, not added twice.
 */
export const configureMultipleSessions = afterRequest(mutation({
  action: 'peer.configure_sessions',
  permission: 'sessions.configure',
  input: configureMultipleInput,
  queuesJobs: true,
  async run({ tx, actor, input, audit }) {
    const defaults = { 4: await peeringDbDefaults(tx, input.peerAsn, 4), 6: await peeringDbDefaults(tx, input.peerAsn, 6) };
    const created: SessionView[] = [];
    const existing: { ixId: number; family: 4 | 6; routerId: number; peerIp: string; sessionId: number }[] = [];
    for (const [index, item] of input.items.entries()) {
      const exchange = await findExchange(tx, item.ixId);
      const label = `${exchange?.name ?? `Exchange ${item.ixId}`} IPv${item.family}`;
      if (!exchange) rowError(index, label, new ServiceError('validation', 'There is no such exchange in the PeeringDB data', { ixId: 'Unknown exchange' }));
      const peerIp = await addressAt(tx, item.ixId, input.peerAsn, item.family);
      if (!peerIp) {
        rowError(index, label, new ServiceError('validation', `PeeringDB lists no IPv${item.family} address for AS${input.peerAsn} there`, { family: 'No peer address' }));
      }
      const [router] = await tx.select({ id: routers.id, localAsn: routers.localAsn }).from(routers).where(eq(routers.id, item.routerId));
      if (!router) rowError(index, label, new ServiceError('validation', 'There is no such router', { routerId: 'There is no such router' }));
      const [taken] = await tx
        .select({ id: bgpSessions.id })
        .from(bgpSessions)
        .where(and(eq(bgpSessions.routerId, router.id), sql`${bgpSessions.peerIp} = ${peerIp}::inet`, isNull(bgpSessions.removedAt)));
      if (taken) {
        existing.push({ ixId: item.ixId, family: item.family, routerId: router.id, peerIp, sessionId: taken.id });
        continue;
      }
      const draft = { routerId: router.id, ixId: item.ixId, peerGroupId: item.peerGroupId ?? null, peerAsn: input.peerAsn, peerIp };
      await checkSession(tx, draft, { actor, addressChanged: false }).catch((err) => rowError(index, label, err));
      const [row] = await tx
        .insert(bgpSessions)
        .values({
          ...draft,
          localAsn: router.localAsn,
          localIp: await addressAt(tx, item.ixId, router.localAsn, item.family),
          peerName: defaults[item.family].peerName,
          type: item.type,
          maxPrefixes: defaults[item.family].maxPrefixes,
        })
        .returning({ id: bgpSessions.id });
      created.push((await getSession(tx, row.id))!);
    }
    const at = input.mode === 'schedule' ? (input.at ?? new Date(Date.now() + HOUR)) : undefined;
    const { job, changes } = created.length
      ? await requestChange(tx, actor, { sessionIds: created.map((s) => s.id), mode: input.mode, at })
      : { job: null, changes: [] };
    audit({
      target: `peer:${input.peerAsn}`,
      details: {
        mode: input.mode,
        at: at?.toISOString(),
        sessionIds: created.map((s) => s.id),
        existing: existing.map((e) => e.sessionId),
        jobId: job?.id ?? null,
        changeIds: changes.map((c) => c.id),
      },
    });
    const sessions = created.length ? await Promise.all(created.map((s) => getSession(tx, s.id).then((v) => v!))) : [];
    return { sessions, existing, job, changes, change: changes[0] ?? null };
  },
}));
