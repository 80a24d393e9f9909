import type { Router } from '@/db/schema';
import { outputOf, sh } from '@/lib/config/drivers/shared';
import { PushError } from '@/lib/config/drivers/types';
import { controlCommandOf, type RouterConnection } from '@/lib/config/transport';
import type { Roa } from './rpki';

type Received = { receivedRoutes?: Record<string, { path?: string }> };
type Accepted = { routes?: Record<string, unknown> };
type PrefixTable = { prefixes?: Array<{ prefix: string; prefixLenMin: number; prefixLenMax: number; asn: number }> };

const MARK = '@@PEERDESK@@';

function parse<T>(text: string, what: string): T {
  const trimmed = text.trim();
  if (!trimmed) return {} as T;
  try {
    return JSON.parse(trimmed) as T;
  } catch {
    throw new PushError(`FRR answered ${what} with something that is not JSON: ${trimmed.slice(0, 200)}`, text);
  }
}

/**
 * What FRR holds for one neighbor, in one round trip: every route it sent (kept by soft-reconfiguration
 * inbound, before policy), the ones accepted after policy, and the ROAs bgpd validates against.
 */
export async function frrNeighborRoutes(conn: RouterConnection, router: Router, peerIp: string, family: 4 | 6) {
  const cc = controlCommandOf(router);
  const vrf = router.vrf ? ` vrf ${router.vrf}` : '';
  const base = `show bgp${vrf} ipv${family} unicast neighbors ${peerIp}`;
  const cmd = (c: string) => `${cc} -c ${sh(c)}`;
  // The RPKI table is optional: without the rpki module loaded, that command fails and the routes count as not found.
  const r = await conn.run(
    `${cmd(`${base} received-routes json`)}; echo ${MARK}; ${cmd(`${base} routes json`)}; echo ${MARK}; ${cmd('show rpki prefix-table json')} 2>/dev/null || true`,
  );
  const [receivedText = '', acceptedText = '', roaText = ''] = r.stdout.split(MARK);
  if (!/^\s*\{/.test(receivedText)) {
    // "% Inbound soft reconfiguration not enabled": the session was configured before Peerdesk filtered it.
    throw new PushError(`FRR could not show the routes ${peerIp} sent (configure the session again to keep them): ${outputOf(r).slice(0, 300)}`, outputOf(r));
  }
  const received = parse<Received>(receivedText, 'received-routes');
  const accepted = parse<Accepted>(acceptedText, 'routes');
  const roas = /^\s*\{/.test(roaText) ? parse<PrefixTable>(roaText, 'show rpki prefix-table') : {};
  return {
    received: Object.entries(received.receivedRoutes ?? {}).map(([prefix, route]) => ({ prefix, asPath: route.path ?? '' })),
    accepted: new Set(Object.keys(accepted.routes ?? {})),
    roas: (roas.prefixes ?? []).map((p): Roa => ({ prefix: `${p.prefix}/${p.prefixLenMin}`, maxLength: p.prefixLenMax, asn: p.asn })),
  };
}
