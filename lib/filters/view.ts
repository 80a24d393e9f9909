import { asc, eq } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { peerFilters, prefixLists, type PrefixList } from '@/db/schema';
import { currentList, peerAsSet } from './prefix-lists';

/** What changed from one good version of a list to the next. */
function listDiff(before: string[], after: string[]) {
  const old = new Set(before);
  const now = new Set(after);
  return { added: after.filter((p) => !old.has(p)), removed: before.filter((p) => !now.has(p)) };
}

const HISTORY_LIMIT = 50;

const pick = ({ asSet, prefixes, count, generatedAt, status }: PrefixList) => ({ asSet, prefixes, count, generatedAt, status });

/** GET /peers/{asn}/prefix-lists: the AS-SET, the lists in use, and every version with its diff against the good one before it. */
export async function peerPrefixLists(peerAsn: number, executor: Executor = db()) {
  const { asSet, source } = await peerAsSet(executor, peerAsn);
  const [override] = await executor.select().from(peerFilters).where(eq(peerFilters.peerAsn, peerAsn));
  const lists = [];
  for (const family of [4, 6] as const) {
    const list = await currentList(executor, peerAsn, family);
    if (list) lists.push({ family, ...pick(list) });
  }
  const versions = await executor.select().from(prefixLists).where(eq(prefixLists.peerAsn, peerAsn)).orderBy(asc(prefixLists.id));
  const lastGood = new Map<number, PrefixList>();
  const history = versions.map((v) => {
    const before = lastGood.get(v.family);
    const diff = listDiff(before?.prefixes ?? [], v.prefixes);
    if (v.status === 'good') lastGood.set(v.family, v);
    const { id, family, asSet, status, count, warning, generatedAt } = v;
    return { id, family, asSet, status, count, warning, generatedAt, added: diff.added, removed: diff.removed };
  });
  // The newest first; a rejected version newer than the list in use is the warning to show.
  const newest = history.reverse().slice(0, HISTORY_LIMIT);
  const warnings = ([4, 6] as const)
    .map((family) => newest.find((h) => h.family === family))
    .filter((h) => h?.status === 'rejected')
    .map((h) => ({ family: h!.family, warning: h!.warning, at: h!.generatedAt }));
  return { asSet, source, asSetOverride: override?.asSetOverride ?? null, lists, warnings, history: newest };
}


