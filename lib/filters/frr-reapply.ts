import { setTimeout as sleep } from 'node:timers/promises';
import type { Router } from '@/db/schema';
import { outputOf, sh } from '@/lib/config/drivers/shared';
import type { PushPlan } from '@/lib/config/drivers/types';
import { controlCommandOf, type RouterConnection } from '@/lib/config/transport';

const SYNC_WAIT_MS = 10_000;
const POLL_MS = 500;

/**
 * FRR 8 marks routes with their new RPKI state when ROAs arrive but does not run the import policy
 * again: a route received before the cache synced stays accepted though invalid. After a push that
 * configures the RTR cache, wait (briefly) for the ROAs, then re-run the neighbors' import policy
 * from the routes soft-reconfiguration kept (no route refresh is sent to the peer).
 */
export async function reapplyImportPolicy(conn: RouterConnection, router: Router, plan: PushPlan, candidate: string): Promise<string> {
  if (plan.operation !== 'configure' || !/^rpki$/m.test(candidate)) return '';
  const cc = controlCommandOf(router);
  for (let waited = 0; waited < SYNC_WAIT_MS; waited += POLL_MS) {
    const table = await conn.run(`${cc} -c ${sh('show rpki prefix-table json')}`);
    if (/"ipv[46]PrefixCount":\s*[1-9]/.test(table.stdout)) break;
    await sleep(POLL_MS);
  }
  const vrf = router.vrf ? ` vrf ${router.vrf}` : '';
  const clears = plan.neighbors.map((n) => `-c ${sh(`clear bgp${vrf} ipv${n.family} unicast ${n.peerIp} soft in`)}`);
  return outputOf(await conn.run(`${cc} ${clears.join(' ')}`));
}
