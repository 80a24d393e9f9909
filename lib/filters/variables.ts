import type { Executor } from '@/db/client';
import type { Platform, RoutingPolicy, SessionType } from '@/db/schema';
import { policyNames } from '@/lib/templates/variables';
import { birdPrefixListName, prefixListName } from './as-set';
import { effectivePolicies } from './policies';
import { currentList } from './prefix-lists';
import { rpkiSettings, rtrCache } from './settings';

type Community = { text: string; large: boolean; bird: string };

export type FilterVariables = {
  policy: ReturnType<typeof policyNames> & {
    /** Peerdesk writes the import route-map / filter itself; otherwise it is a name already on the router. */
    import_rendered: boolean;
    import_communities: Community[];
    irr_filter: boolean;
    drop_invalid: boolean;
  };
  /** The peer's IRR list for the session's family, when one is in use and the import policy filters on it. */
  prefix_list: { name: string; name_bird: string; count: number; prefixes: string[]; text: string | null } | null;
  /** The RTR cache the router validates against, when one is set. */
  rpki: { host: string; port: number } | null;
};

const community = (text: string): Community => {
  const parts = text.split(':');
  return { text, large: parts.length === 3, bird: `(${parts.join(',')})` };
};

const birdName = (name: string) => name.replace(/[^A-Za-z0-9_]/g, '_');

// bgpq4 prints only what it parsed; still, a line a router could read as more than a list entry is not passed on.
const isPlainText = (text: string) => /^[\x20-\x7e\n]*$/.test(text);

/**
 * The filtering part of a session's template variables: its import and export policy (session >
 * peer > peer group > the session type's names), its IRR list and the RTR cache.
 */
export async function filterVariables(
  executor: Executor,
  s: { id: number; peerAsn: number; family: 4 | 6; type: SessionType; platform: Platform },
): Promise<FilterVariables> {
  const byType = policyNames(s.type);
  const chosen = await effectivePolicies(executor, s.id);
  const rpki = await rpkiSettings(executor);
  const cache = rtrCache(rpki);
  const imp: RoutingPolicy | null = chosen?.import?.policy ?? null;
  const exp: RoutingPolicy | null = chosen?.export?.policy ?? null;
  const irrFilter = imp ? imp.irrFilter : true;
  const list = irrFilter ? await currentList(executor, s.peerAsn, s.family) : null;
  const text = list?.texts[s.platform] ?? null;
  return {
    policy: {
      import: imp?.name ?? byType.import,
      export: exp?.name ?? byType.export,
      import_bird: imp ? birdName(imp.name) : byType.import_bird,
      export_bird: exp ? birdName(exp.name) : byType.export_bird,
      import_rendered: imp?.source === 'rendered',
      import_communities: (imp?.communities ?? []).map(community),
      irr_filter: irrFilter,
      drop_invalid: !!cache && rpki.dropInvalid && (imp ? imp.dropInvalid : true),
    },
    prefix_list: list
      ? {
          name: prefixListName(s.peerAsn, s.family),
          name_bird: birdPrefixListName(s.peerAsn, s.family),
          count: list.count,
          prefixes: list.prefixes,
          text: text && isPlainText(text) ? text.trimEnd() : null,
        }
      : null,
    rpki: cache,
  };
}

/** A session with no policy assigned, no IRR list and no RTR cache: what templates saw before filters existed. */
export function unfilteredVariables(type: SessionType): FilterVariables {
  const byType = policyNames(type);
  return {
    policy: { ...byType, import_rendered: false, import_communities: [], irr_filter: true, drop_invalid: false },
    prefix_list: null,
    rpki: null,
  };
}
