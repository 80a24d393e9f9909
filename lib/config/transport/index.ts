import type { Router } from '@/db/schema';
import { connectLocal } from './local';
import { controlCommandProblem, isSafePath, parseControlCommand, PEERS_DIR_PROBLEM, sh } from './shell-command';
import { connectSsh } from './ssh';
import { DEFAULT_TIMEOUT_MS, RouterConnectionError, type ConnectOptions, type RouterConnection } from './types';

export { RouterConnectionError, type ConnectOptions, type RouterConnection, type ShellSession } from './types';

/**
 * Opens one connection to the router's host, to be reused for every command of a piece of work
 * and closed afterwards. Call it outside a database transaction: host keys are written with
 * their own statements, and the embedded database would wait for the transaction (for ever).
 */
export async function connectRouter(router: Router, opts: ConnectOptions = {}): Promise<RouterConnection> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (router.transport === 'none') throw new RouterConnectionError('settings', `${router.name} is a render-only router: Peerdesk never connects to it`);
  checkHostSettings(router);
  if (router.transport === 'local') return connectLocal(router.name, timeoutMs);
  return connectSsh(router, { timeoutMs, trustNewHostKey: opts.trustNewHostKey });
}

/**
 * Rows saved before these fields had a shape may hold anything: nothing runs on a host until an
 * Admin has corrected them.
 */
function checkHostSettings(router: Pick<Router, 'name' | 'platform' | 'controlCommand' | 'peersDir'>) {
  const problem = router.controlCommand ? controlCommandProblem(router.controlCommand, router.platform) : null;
  if (problem) throw new RouterConnectionError('settings', `The control command of ${router.name} is not one Peerdesk runs (${problem}): an Admin must correct it.`);
  if (router.peersDir && !isSafePath(router.peersDir)) {
    throw new RouterConnectionError('settings', `The peers directory of ${router.name} is not one Peerdesk writes to (${PEERS_DIR_PROBLEM}): an Admin must correct it.`);
  }
}

/**
 * How to reach the routing daemon's CLI, quoted word by word for the host's shell: the router's own setting, or the platform's usual
 * command.
 */
export function controlCommandOf(router: Pick<Router, 'name' | 'platform' | 'controlCommand' | 'peersDir'>): string {
  if (router.platform !== 'frr' && router.platform !== 'bird') return '';
  checkHostSettings(router);
  const parsed = router.controlCommand ? parseControlCommand(router.controlCommand) : null;
  const words = parsed && 'words' in parsed ? parsed.words : [router.platform === 'frr' ? 'vtysh' : 'birdc'];
  return words.map(sh).join(' ');
}
