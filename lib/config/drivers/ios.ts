import { cliDriver, linesNaming } from './cli';

/**
 * Cisco IOS / IOS-XE: `configure terminal`, the lines, `end`, `write memory`. IOS has no commit:
 * lines before a refused one are already running, so a refusal ends without saving.
 */
export const iosDriver = cliDriver({
  platform: 'ios',
  setup: ['terminal length 0'],
  error: /^\s*% ?(?!Warning)/i,
  operationLines: (router, plan) => [
    `router bgp ${router.localAsn}`,
    ...plan.neighbors.map((n) =>
      plan.operation === 'remove' ? ` no neighbor ${n.peerIp}` : plan.operation === 'admin_down' ? ` neighbor ${n.peerIp} shutdown` : ` no neighbor ${n.peerIp} shutdown`,
    ),
  ],
  async commit(cli, lines) {
    await cli.send('configure terminal');
    await cli.sendAll(lines, () => cli.send('end'));
    await cli.send('end');
    const saved = await cli.send('write memory');
    const error = cli.errorIn(saved);
    if (error) cli.refuse('IOS applied the configuration but could not save it', error);
  },
  runningCommand: 'show running-config | section router bgp',
  runningFilter: linesNaming,
});
