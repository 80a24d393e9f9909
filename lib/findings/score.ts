// The opportunity score: what makes a network at our exchanges worth asking first. A leaf with no
// database in it, so the manual (docs/manual/findings.md) and the unit tests read the same numbers.

export type OpportunityFacts = {
  policy: string | null;
  infoType: string | null;
  infoTraffic: string | null;
  infoRatio: string | null;
  prefixes4: number | null;
  prefixes6: number | null;
  /** Exchanges where both networks are. */
  sharedExchanges: number;
  /** Facilities where both networks are. */
  sharedFacilities: number;
  /** The network uses the route servers at every shared exchange (we may hear its routes there already). */
  rsEverywhere: boolean;
  neverViaRouteServers: boolean;
};

export type Scored = { score: number; reasons: string[] };

const POLICY_POINTS: Record<string, number> = { Open: 30, Selective: 15, Restrictive: -20, No: -40 };
const TYPE_POINTS: Record<string, number> = { Content: 10, 'Cable/DSL/ISP': 8, NSP: 6, Enterprise: 2, 'Educational/Research': 2, 'Non-Profit': 1 };
const RATIO_POINTS: Record<string, number> = { 'Heavy Outbound': 10, 'Mostly Outbound': 6, Balanced: 4, 'Mostly Inbound': 2 };
/** PeeringDB's traffic ranges in order: one point per step, the top one (100+Tbps) worth 17. */
const TRAFFIC_STEPS = [
  '0-20Mbps', '20-100Mbps', '100-1000Mbps', '1-5Gbps', '5-10Gbps', '10-20Gbps', '20-50Gbps', '50-100Gbps', '100-200Gbps',
  '200-300Gbps', '300-500Gbps', '500-1000Gbps', '1-5Tbps', '5-10Tbps', '10-20Tbps', '20-50Tbps', '50-100Tbps', '100+Tbps',
];
const PER_SHARED_EXCHANGE = 10;
const MAX_SHARED_EXCHANGES = 5;
const PER_SHARED_FACILITY = 3;
const MAX_SHARED_FACILITIES = 5;
const PREFIX_POINTS_PER_DECADE = 4;
const MAX_PREFIX_POINTS = 20;
const RS_EVERYWHERE = -10;
const NEVER_VIA_RS = 10;

/**
 * score = policy + 10 per shared exchange (max 5) + 3 per shared facility (max 5) + traffic step
 *       + ratio + type + 4 per decade of announced prefixes (max 20) - 10 when on the route servers
 *       everywhere we meet + 10 when it never announces via route servers. Each part is one reason.
 */
export function scoreOpportunity(f: OpportunityFacts): Scored {
  const parts: [number, string][] = [];
  const add = (points: number, reason: string) => points && parts.push([points, reason]);
  if (f.policy && f.policy in POLICY_POINTS) add(POLICY_POINTS[f.policy], `${f.policy} peering policy`);
  const exchanges = Math.min(f.sharedExchanges, MAX_SHARED_EXCHANGES);
  add(exchanges * PER_SHARED_EXCHANGE, `At ${f.sharedExchanges} of our exchanges`);
  const facilities = Math.min(f.sharedFacilities, MAX_SHARED_FACILITIES);
  add(facilities * PER_SHARED_FACILITY, `In ${f.sharedFacilities} of our facilities`);
  const step = f.infoTraffic ? TRAFFIC_STEPS.indexOf(f.infoTraffic) : -1;
  if (step > 0) add(step, `Traffic ${f.infoTraffic}`);
  if (f.infoRatio && f.infoRatio in RATIO_POINTS) add(RATIO_POINTS[f.infoRatio], `Ratio ${f.infoRatio}`);
  if (f.infoType && f.infoType in TYPE_POINTS) add(TYPE_POINTS[f.infoType], `Type ${f.infoType}`);
  const prefixes = (f.prefixes4 ?? 0) + (f.prefixes6 ?? 0);
  if (prefixes > 0) add(Math.min(MAX_PREFIX_POINTS, Math.round(Math.log10(prefixes + 1) * PREFIX_POINTS_PER_DECADE)), `${prefixes} prefixes announced`);
  if (f.neverViaRouteServers) add(NEVER_VIA_RS, 'Never announces via route servers: only a bilateral session hears it');
  else if (f.rsEverywhere) add(RS_EVERYWHERE, 'On the route servers wherever we meet');
  return {
    score: parts.reduce((total, [points]) => total + points, 0),
    reasons: parts.map(([points, reason]) => `${reason} (${points > 0 ? '+' : ''}${points})`),
  };
}
