import { isNull } from 'drizzle-orm';
import { z } from 'zod';
import { db } from '@/db/client';
import { bgpSessions } from '@/db/schema';
import { IRR_REFRESH } from '@/lib/jobs/labels';
import { keepRecurring } from '@/lib/jobs/queue';
import type { JobContext, JobKind } from '@/lib/jobs/types';
import { refreshPeerLists, type FamilyOutcome } from './prefix-lists';
import { pushChangedLists } from './push-changed';
import { irrConfigured, irrSettings, type IrrSettings } from './settings';

/** bgpq4 runs at a time: enough to hide the IRR's latency, few enough for two cores and a public IRR's patience. */
const IRR_CONCURRENCY = 8;

const refreshPayload = z.object({ peerAsns: z.array(z.number().int().positive()).max(100_000).optional() });

export type PeerRefresh =
  | { peerAsn: number; asSet: string; changed: boolean; families: FamilyOutcome[] }
  | { peerAsn: number; error: string };

/** Refreshes these peers' lists, `concurrency` at a time; one peer's failure is its own, never the batch's. */
export async function refreshManyPeers(
  peerAsns: number[],
  irr: IrrSettings,
  opts: { concurrency?: number; signal?: AbortSignal; onDone?: (r: PeerRefresh, done: number) => void } = {},
): Promise<PeerRefresh[]> {
  const results: PeerRefresh[] = [];
  let next = 0;
  const worker = async () => {
    while (next < peerAsns.length && !opts.signal?.aborted) {
      const peerAsn = peerAsns[next++];
      let result: PeerRefresh;
      try {
        result = { peerAsn, ...(await refreshPeerLists(peerAsn, irr, opts.signal)) };
      } catch (err) {
        result = { peerAsn, error: err instanceof Error ? err.message : String(err) };
      }
      results.push(result);
      opts.onDone?.(result, results.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(opts.concurrency ?? IRR_CONCURRENCY, peerAsns.length) }, worker));
  return results;
}

/** Every peer we have a session with. */
async function peersWithSessions() {
  const rows = await db().selectDistinct({ asn: bgpSessions.peerAsn }).from(bgpSessions).where(isNull(bgpSessions.removedAt));
  return rows.map((r) => r.asn).sort((a, b) => a - b);
}

async function irrRefreshJob(ctx: JobContext<z.output<typeof refreshPayload>>) {
  const irr = await irrSettings();
  const asns = ctx.payload.peerAsns ?? (await peersWithSessions());
  const results = await refreshManyPeers(asns, irr, {
    signal: ctx.signal,
    onDone: (r, done) => {
      ctx.progress({ done, total: asns.length });
      if ('error' in r) ctx.log(`AS${r.peerAsn}: ${r.error}`);
      else for (const f of r.families) if (f.warning) ctx.log(`AS${r.peerAsn} ${r.asSet} IPv${f.family}: kept the last good list: ${f.warning}`);
    },
  });
  const changed = results.filter((r) => 'changed' in r && r.changed).map((r) => r.peerAsn);
  const changes = [];
  for (const peerAsn of changed) {
    const requested = await pushChangedLists(peerAsn);
    if (requested) changes.push(...requested.changes.map((c) => c.id));
  }
  const warnings = results.filter((r) => 'error' in r || r.families.some((f) => f.status === 'rejected')).length;
  return { peers: asns.length, changed, warnings, changes };
}

/** The scheduled refresh, every `refreshHours` (0: only on demand), once the IRR settings are saved and a session exists. */
async function keepListsFresh() {
  const { refreshHours } = await irrSettings();
  if (!refreshHours || !(await irrConfigured())) return;
  const [anySession] = await db().select({ id: bgpSessions.id }).from(bgpSessions).where(isNull(bgpSessions.removedAt)).limit(1);
  if (!anySession) return;
  await keepRecurring(db(), IRR_REFRESH.name, refreshHours * 3600, `IRR prefix lists (every ${refreshHours} h)`);
}

export const irrRefreshKind: JobKind<z.output<typeof refreshPayload>> = {
  ...IRR_REFRESH,
  payload: refreshPayload,
  run: irrRefreshJob,
  recurring: keepListsFresh,
};
