import { describe, expect, it } from 'vitest';
import { scoreOpportunity, type OpportunityFacts } from '@/lib/findings/score';

const base: OpportunityFacts = {
  policy: null,
  infoType: null,
  infoTraffic: null,
  infoRatio: null,
  prefixes4: null,
  prefixes6: null,
  sharedExchanges: 1,
  sharedFacilities: 0,
  rsEverywhere: false,
  neverViaRouteServers: false,
};

// Worked by hand from the formula in docs/manual/findings.md.
const fixture: { name: string; facts: Partial<OpportunityFacts>; score: number }[] = [
  { name: 'big open content network', facts: { policy: 'Open', infoType: 'Content', infoTraffic: '1-5Tbps', infoRatio: 'Heavy Outbound', prefixes4: 999, prefixes6: 0, sharedExchanges: 3, sharedFacilities: 2 }, score: 30 + 30 + 6 + 12 + 10 + 10 + 12 },
  { name: 'selective ISP only bilateral', facts: { policy: 'Selective', infoType: 'Cable/DSL/ISP', infoTraffic: '100-200Gbps', infoRatio: 'Mostly Inbound', prefixes4: 99, sharedExchanges: 2, neverViaRouteServers: true }, score: 15 + 20 + 8 + 2 + 8 + 8 + 10 },
  { name: 'open NSP on the route servers', facts: { policy: 'Open', infoType: 'NSP', infoTraffic: '1-5Gbps', infoRatio: 'Balanced', prefixes4: 9, sharedExchanges: 1, rsEverywhere: true }, score: 30 + 10 + 3 + 4 + 6 + 4 - 10 },
  { name: 'restrictive everywhere', facts: { policy: 'Restrictive', infoType: 'NSP', prefixes4: 99_999, sharedExchanges: 6, sharedFacilities: 9 }, score: -20 + 50 + 15 + 6 + 20 },
  { name: 'small enterprise', facts: { policy: 'Open', infoType: 'Enterprise', infoTraffic: '0-20Mbps', sharedExchanges: 1 }, score: 30 + 10 + 2 },
];

describe('the opportunity score', () => {
  it.each(fixture)('$name scores $score', ({ facts, score }) => {
    expect(scoreOpportunity({ ...base, ...facts }).score).toBe(score);
  });

  it('ranks the fixture in the documented order', () => {
    const order = [...fixture].sort((a, b) =>
      scoreOpportunity({ ...base, ...b.facts }).score - scoreOpportunity({ ...base, ...a.facts }).score).map((f) => f.name);
    expect(order).toEqual(['big open content network', 'selective ISP only bilateral', 'restrictive everywhere', 'open NSP on the route servers', 'small enterprise']);
  });

  it('gives one reason per part, with its points', () => {
    expect(scoreOpportunity({ ...base, policy: 'Open', sharedExchanges: 2, rsEverywhere: true }).reasons).toEqual([
      'Open peering policy (+30)',
      'At 2 of our exchanges (+20)',
      'On the route servers wherever we meet (-10)',
    ]);
  });
});
