import type { Router } from '@/db/schema';
import { cliDriver } from './cli';

const bgp = (router: Router) => `router bgp ${router.localAsn}`;

/** Lines of `show running-config router bgp` for these neighbors: each neighbor's block with `router bgp` around it. */
function xrNeighborBlocks(output: string, ips: string[]) {
  const lines = output.split('\n').map((l) => l.replace(/\s+$/, ''));
  const blocks: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^( +)neighbor (\S+)$/.exec(lines[i]);
    if (!m || !ips.includes(m[2].toLowerCase())) continue;
    const indent = m[1].length;
    const block = [lines[i]];
    for (i++; i < lines.length && (lines[i].length - lines[i].trimStart().length > indent || lines[i].trim() === ''); i++) if (lines[i].trim()) block.push(lines[i]);
    if (lines[i]?.trim() === '!') block.push(lines[i]);
    i--;
    blocks.push(block.join('\n'));
  }
  const header = lines.find((l) => /^router bgp /.test(l));
  return blocks.length ? `${header}\n${blocks.join('\n')}\n!\n` : '';
}

/**
 * IOS-XR: `configure`, the lines, one `commit` (pseudo-atomic); a refusal is `abort`ed. Under change control: `commit confirmed <seconds>`,
 * then `commit` confirms.
 */
export const iosxrDriver = cliDriver({
  platform: 'iosxr',
  setup: ['terminal length 0', 'terminal width 0'],
  error: /^\s*% ?(?!Warning)/i,
  operationLines: (router, plan) => {
    if (plan.operation === 'remove') return [bgp(router), ...plan.neighbors.map((n) => ` no neighbor ${n.peerIp}`), 'root'];
    const word = plan.operation === 'admin_down' ? 'shutdown' : 'no shutdown';
    return [bgp(router), ...plan.neighbors.flatMap((n) => [` neighbor ${n.peerIp}`, `  ${word}`, ' exit']), 'root'];
  },
  async commit(cli, lines) {
    await cli.send('configure');
    const abort = () => cli.send('abort');
    await cli.sendAll(lines, abort);
    const committed = await cli.send('commit');
    const error = cli.errorIn(committed);
    if (error) {
      const failed = await cli.send('show configuration failed');
      await abort();
      cli.refuse('IOS-XR refused the commit', [error, failed.trim()].filter(Boolean).join('\n'));
    }
    await cli.send('end');
  },
  async commitConfirmed(cli, lines, _plan, seconds) {
    await cli.send('configure');
    const abort = () => cli.send('abort');
    await cli.sendAll(lines, abort);
    // IOS-XR takes 30 to 65535 seconds.
    const committed = await cli.send(`commit confirmed ${Math.min(65_535, Math.max(30, Math.ceil(seconds)))}`);
    const error = cli.errorIn(committed);
    if (error) {
      await abort();
      cli.refuse('IOS-XR refused the commit', error);
    }
  },
  async confirm(cli) {
    const confirmed = await cli.send('commit');
    const error = cli.errorIn(confirmed);
    if (error) cli.refuse('IOS-XR did not confirm the commit', error);
    await cli.send('end');
  },
  runningCommand: 'show running-config router bgp',
  runningFilter: (output, neighbors) => xrNeighborBlocks(output, neighbors.map((n) => n.peerIp.toLowerCase())),
});
