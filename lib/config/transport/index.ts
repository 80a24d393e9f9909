import type { Router } from '@/db/schema';
import { connectLocal } from './local';
import { connectSsh } from './ssh';
import { DEFAULT_TIMEOUT_MS, RouterConnectionError, type ConnectOptions, type RouterConnection } from './types';

export { RouterConnectionError, type CommandResult, type ConnectOptions, type RouterConnection, type RouterConnectionErrorKind, type ShellOptions, type ShellSession } from './types';

/**
 * Opens one connection to the router's host, to be reused for every command of a piece of work
 * and closed afterwards. Call it outside a database transaction: host keys are written with
 * their own statements, and the embedded database would wait for the transaction (for ever).
 */
export async function connectRouter(router: Router, opts: ConnectOptions = {}): Promise<RouterConnection> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (router.transport === 'none') throw new RouterConnectionError('unreachable', `${router.name} is a render-only router: Peerdesk never connects to it`);
  if (router.transport === 'local') return connectLocal(router.name, timeoutMs);
  return connectSsh(router, { timeoutMs, trustNewHostKey: opts.trustNewHostKey });
}

/** How to reach the routing daemon's CLI: the router's own setting, or the platform's usual command. */
export function controlCommandOf(router: Pick<Router, 'platform' | 'controlCommand'>): string {
  return router.controlCommand || (router.platform === 'frr' ? 'vtysh' : router.platform === 'bird' ? 'birdc' : '');
}
