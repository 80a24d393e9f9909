import { and, desc, eq, isNull } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { bgpSessions, pdbNetworks, peerFilters, prefixLists, routers, type Platform, type PrefixList } from '@/db/schema';
import { asSetFromPeeringDb, birdPrefixListName, prefixListName, safeAsSet } from './as-set';
import { expandPrefixes, IrrLookupError, platformText, type IrrServer } from './bgpq4';
import { judgeList } from './guard';
import type { IrrSettings } from './settings';

const FAMILIES = [4, 6] as const;

/** The AS-SET a peer's lists come from: the override, else PeeringDB's irr_as_set, else the ASN itself. */
export async function peerAsSet(executor: Executor, peerAsn: number) {
  const [override] = await executor.select({ asSet: peerFilters.asSetOverride }).from(peerFilters).where(eq(peerFilters.peerAsn, peerAsn));
  const [net] = await executor
    .select({ irrAsSet: pdbNetworks.irrAsSet, prefixes4: pdbNetworks.infoPrefixes4, prefixes6: pdbNetworks.infoPrefixes6 })
    .from(pdbNetworks)
    .where(and(eq(pdbNetworks.asn, peerAsn), eq(pdbNetworks.status, 'ok')))
    .limit(1);
  const fromPeeringDb = asSetFromPeeringDb(net?.irrAsSet ?? null);
  const asSet = (override?.asSet && safeAsSet(override.asSet)) || fromPeeringDb || `AS${peerAsn}`;
  return {
    asSet,
    source: override?.asSet ? ('override' as const) : fromPeeringDb ? ('peeringdb' as const) : ('asn' as const),
    peeringDbCounts: { 4: net?.prefixes4 ?? null, 6: net?.prefixes6 ?? null } as Record<4 | 6, number | null>,
  };
}

/** The list in use for a peer and family: the newest good one. */
export async function currentList(executor: Executor, peerAsn: number, family: 4 | 6): Promise<PrefixList | null> {
  const [row] = await executor
    .select()
    .from(prefixLists)
    .where(and(eq(prefixLists.peerAsn, peerAsn), eq(prefixLists.family, family), eq(prefixLists.status, 'good')))
    .orderBy(desc(prefixLists.generatedAt), desc(prefixLists.id))
    .limit(1);
  return row ?? null;
}

async function latestList(executor: Executor, peerAsn: number, family: 4 | 6) {
  const [row] = await executor
    .select()
    .from(prefixLists)
    .where(and(eq(prefixLists.peerAsn, peerAsn), eq(prefixLists.family, family)))
    .orderBy(desc(prefixLists.id))
    .limit(1);
  return row ?? null;
}

/** The platforms of the routers that carry a live session with this peer: the syntaxes its lists are needed in. */
async function platformsOf(executor: Executor, peerAsn: number): Promise<Platform[]> {
  const rows = await executor
    .selectDistinct({ platform: routers.platform })
    .from(bgpSessions)
    .innerJoin(routers, eq(routers.id, bgpSessions.routerId))
    .where(and(eq(bgpSessions.peerAsn, peerAsn), isNull(bgpSessions.removedAt)));
  return rows.map((r) => r.platform);
}

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((p, i) => p === b[i]);

export type FamilyOutcome = { family: 4 | 6; status: 'good' | 'rejected' | 'unchanged'; count: number; warning: string | null };

/**
 * Regenerates a peer's IPv4 and IPv6 lists with bgpq4. Every new list is kept as a version; a bad one
 * (lookup failed, empty, absurd) is recorded as rejected and the last good one stays in use.
 * `changed` says whether a list in use changed, i.e. whether routers need the new one.
 */
export async function refreshPeerLists(
  peerAsn: number,
  irr: IrrSettings,
  signal?: AbortSignal,
): Promise<{ asSet: string; changed: boolean; families: FamilyOutcome[] }> {
  const executor = db();
  const { asSet, peeringDbCounts } = await peerAsSet(executor, peerAsn);
  const platforms = await platformsOf(executor, peerAsn);
  const server: IrrServer = { server: irr.server, sources: irr.sources, privateAsns: irr.privateAsns };
  const families: FamilyOutcome[] = [];
  let changed = false;
  for (const family of FAMILIES) {
    const lastGood = await currentList(executor, peerAsn, family);
    let prefixes: string[];
    try {
      prefixes = await expandPrefixes(server, asSet, family, signal);
    } catch (err) {
      if (!(err instanceof IrrLookupError)) throw err;
      families.push(await recordRejected(executor, { peerAsn, family, asSet, warning: `Lookup of ${asSet} failed: ${err.message}`, prefixes: [] }));
      continue;
    }
    if (lastGood && lastGood.asSet === asSet && sameList(lastGood.prefixes, prefixes)) {
      await fillMissingTexts(executor, server, lastGood, platforms, signal);
      families.push({ family, status: 'unchanged', count: prefixes.length, warning: null });
      continue;
    }
    // A list from another AS-SET is no yardstick: the override or PeeringDB changed the set on purpose.
    const sameSet = lastGood && lastGood.asSet === asSet ? lastGood : null;
    const peeringDbCount = peeringDbCounts[family];
    const verdict = judgeList({ family, asSet, count: prefixes.length, lastGood: sameSet, peeringDbCount, limits: irr });
    if (verdict.status === 'rejected') {
      families.push(await recordRejected(executor, { peerAsn, family, asSet, warning: verdict.warning, prefixes }));
      continue;
    }
    let texts: Partial<Record<Platform, string>>;
    try {
      texts = await textsFor(server, asSet, family, peerAsn, platforms, signal);
    } catch (err) {
      if (!(err instanceof IrrLookupError)) throw err;
      families.push(await recordRejected(executor, { peerAsn, family, asSet, warning: `Lookup of ${asSet} failed: ${err.message}`, prefixes }));
      continue;
    }
    await executor.insert(prefixLists).values({ peerAsn, family, asSet, status: 'good', prefixes, count: prefixes.length, texts });
    families.push({ family, status: 'good', count: prefixes.length, warning: null });
    changed = true;
  }
  return { asSet, changed, families };
}

/** A rejected version is recorded once: the same refusal on every scheduled run adds nothing to the history. */
type Rejected = { peerAsn: number; family: 4 | 6; asSet: string; warning: string | null; prefixes: string[] };

async function recordRejected(executor: Executor, r: Rejected): Promise<FamilyOutcome> {
  const latest = await latestList(executor, r.peerAsn, r.family);
  const repeat = latest?.status === 'rejected' && latest.warning === r.warning && sameList(latest.prefixes, r.prefixes);
  if (!repeat) await executor.insert(prefixLists).values({ ...r, status: 'rejected', count: r.prefixes.length });
  return { family: r.family, status: 'rejected', count: r.prefixes.length, warning: r.warning };
}

async function textsFor(server: IrrServer, asSet: string, family: 4 | 6, peerAsn: number, platforms: Platform[], signal?: AbortSignal) {
  const texts: Partial<Record<Platform, string>> = {};
  for (const platform of platforms) {
    const name = platform === 'bird' ? birdPrefixListName(peerAsn, family) : prefixListName(peerAsn, family);
    texts[platform] = await platformText(server, asSet, family, platform, name, signal);
  }
  return texts;
}

/** A router of a new platform got the peer: the list in use gains that syntax without a new version. */
async function fillMissingTexts(executor: Executor, server: IrrServer, list: PrefixList, platforms: Platform[], signal?: AbortSignal) {
  const missing = platforms.filter((p) => list.texts[p] === undefined);
  if (!missing.length) return;
  let added: Partial<Record<Platform, string>>;
  try {
    added = await textsFor(server, list.asSet, list.family as 4 | 6, list.peerAsn, missing, signal);
  } catch (err) {
    // The list itself is fine; the next refresh tries the missing syntax again.
    if (err instanceof IrrLookupError) return;
    throw err;
  }
  const texts = { ...list.texts, ...added };
  await executor.update(prefixLists).set({ texts }).where(eq(prefixLists.id, list.id));
}
