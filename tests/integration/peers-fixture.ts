import { db } from '@/db/client';
import { localAsns, pdbContacts, pdbExchanges, pdbIxlans, pdbIxPrefixes, pdbNetIxlans, pdbNetworks, type peerStatuses } from '@/db/schema';

export const US = 64500;
export const AMS = 26;
export const FRA = 31;

/** A small PeeringDB: our AS64500 at AMS-EX and FRA-EX, and a few networks around it. */
export async function loadPeeringWorld() {
  await db().insert(pdbExchanges).values([
    { id: AMS, name: 'AMS-EX', city: 'Amsterdam', country: 'NL' },
    { id: FRA, name: 'FRA-EX', city: 'Frankfurt', country: 'DE' },
  ]);
  await db().insert(pdbIxlans).values([
    { id: AMS + 100, ixId: AMS },
    { id: FRA + 100, ixId: FRA },
  ]);
  await db().insert(pdbIxPrefixes).values([
    { id: 1, ixlanId: AMS + 100, protocol: 'IPv4', prefix: '192.0.2.0/24' },
    { id: 2, ixlanId: AMS + 100, protocol: 'IPv6', prefix: '2001:db8:a::/64' },
    { id: 3, ixlanId: FRA + 100, protocol: 'IPv4', prefix: '198.51.100.0/24' },
    { id: 4, ixlanId: FRA + 100, protocol: 'IPv6', prefix: '2001:db8:f::/64' },
  ]);
  await db().insert(pdbNetworks).values([
    { id: 1000, asn: US, name: 'Example Networks', irrAsSet: 'AS-EXAMPLE', policyGeneral: 'Selective' },
    { id: 1001, asn: 64501, name: 'Alpha Transit', irrAsSet: 'AS-ALPHA', policyGeneral: 'Open', infoPrefixes4: 120, infoPrefixes6: 30, website: 'https://alpha.example' },
    { id: 1002, asn: 64502, name: 'Bravo Cloud', policyGeneral: 'Open', infoPrefixes4: 10 },
    { id: 1003, asn: 64503, name: 'Charlie Hosting', policyGeneral: 'Restrictive' },
    { id: 1004, asn: 64504, name: 'Delta RS', policyGeneral: 'Open', infoType: 'Route Server', infoPrefixes4: 5000 },
  ]);
  await db().insert(pdbContacts).values([
    { id: 1, netId: 1001, role: 'Policy', visible: 'Public', name: 'Alpha Peering', email: 'peering@alpha.example', phone: '+31 20 000' },
    { id: 2, netId: 1001, role: 'NOC', visible: 'Users', name: 'Alpha NOC', email: 'noc@alpha.example' },
  ]);
  const conn = (id: number, netId: number, asn: number, ixId: number, v4: string | null, v6: string | null) => ({
    id,
    netId,
    asn,
    ixId,
    ixlanId: ixId + 100,
    ipaddr4: v4,
    ipaddr6: v6,
    speed: 10_000,
    isRsPeer: asn === 64501,
  });
  await db().insert(pdbNetIxlans).values([
    conn(1, 1000, US, AMS, '192.0.2.1', '2001:db8:a::1'),
    conn(2, 1000, US, FRA, '198.51.100.1', '2001:db8:f::1'),
    conn(3, 1001, 64501, AMS, '192.0.2.11', '2001:db8:a::11'),
    conn(4, 1001, 64501, FRA, '198.51.100.11', null),
    conn(5, 1002, 64502, AMS, '192.0.2.12', '2001:db8:a::12'),
    conn(6, 1003, 64503, AMS, '192.0.2.13', null),
    conn(7, 1004, 64504, AMS, '192.0.2.14', '2001:db8:a::14'),
  ]);
  await db().insert(localAsns).values({ asn: US });
}

export const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);

/** A peer status we asked about (a request sent `sentHoursAgo` hours ago), from US at the exchange. */
export function askedStatus(peerAsn: number, ixId: number, status: 'request_sent' | 'approved', sentHoursAgo: number, extra: Partial<typeof peerStatuses.$inferInsert> = {}) {
  return { localAsn: US, ixId, peerAsn, status, lastRequestAt: hoursAgo(sentHoursAgo), updatedAt: hoursAgo(sentHoursAgo), ...extra };
}
