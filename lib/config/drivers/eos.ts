import { cliDriver, linesNaming } from './cli';

/** Arista EOS: a named configuration session, the lines, one `commit`; a refusal is `abort`ed. */
export const eosDriver = cliDriver({
  platform: 'eos',
  setup: ['terminal length 0', 'terminal width 32767'],
  error: /^\s*% ?(?!Warning)/i,
  operationLines: (router, plan) => [
    `router bgp ${router.localAsn}`,
    ...plan.neighbors.map((n) =>
      plan.operation === 'remove' ? `   no neighbor ${n.peerIp}` : plan.operation === 'admin_down' ? `   neighbor ${n.peerIp} shutdown` : `   no neighbor ${n.peerIp} shutdown`,
    ),
  ],
  async commit(cli, lines, plan) {
    const name = `peerdesk-${plan.neighbors[0]?.sessionId ?? 0}-${Date.now().toString(36)}`;
    const entered = await cli.send(`configure session ${name}`);
    const busy = cli.errorIn(entered);
    if (busy) cli.refuse('EOS did not open a configuration session', busy);
    await cli.sendAll(lines, () => cli.send('abort'));
    const committed = await cli.send('commit');
    const error = cli.errorIn(committed);
    if (error) {
      await cli.send('abort');
      cli.refuse('EOS refused the commit', error);
    }
    await cli.send('write memory');
  },
  runningCommand: 'show running-config section router bgp',
  runningFilter: linesNaming,
});
