import { Cli, cliDriver, groupOf, linesNaming } from './cli';

/** Junos: `configure private`, `load set terminal`, `commit check`, then `commit and-quit`. */
export const junosDriver = cliDriver({
  platform: 'junos',
  setup: ['set cli screen-length 0', 'set cli screen-width 0'],
  error: /^\s*(error:|syntax error|.*: syntax error|unknown command|missing argument|invalid value)/i,
  operationLines: (_router, plan) =>
    plan.neighbors.map((n) => {
      const path = `protocols bgp group ${groupOf(n)} neighbor ${n.peerIp}`;
      return plan.operation === 'remove' ? `delete ${path}` : plan.operation === 'admin_down' ? `deactivate ${path}` : `activate ${path}`;
    }),
  async commit(cli: Cli, lines) {
    const entered = await cli.send('configure private');
    const busy = cli.errorIn(entered);
    if (busy) cli.refuse('Junos did not enter private configuration mode', busy);
    const leave = async () => {
      await cli.send('rollback 0');
      await cli.send('exit configuration-mode');
    };
    await cli.send('load set terminal', { expect: /\[Type \^D at a new line to end input\]\s*$/ });
    const loaded = await cli.send(`${lines.join('\n')}\n\x04`, { raw: true });
    const loadError = cli.errorIn(loaded);
    if (loadError) {
      await leave();
      cli.refuse('Junos refused the configuration', loadError);
    }
    const check = await cli.send('commit check');
    // The whole answer: Junos names the statement in the lines before its `error:` line.
    const checkError = cli.errorIn(check) || !/configuration check succeeds/.test(check) ? check.trim() || 'commit check did not succeed' : null;
    if (checkError) {
      await leave();
      cli.refuse('Junos commit check failed', checkError);
    }
    const committed = await cli.send('commit and-quit');
    if (!/commit complete/.test(committed)) cli.refuse('Junos did not commit', cli.errorIn(committed) ?? committed.trim());
  },
  runningCommand: 'show configuration protocols bgp | display set | no-more',
  runningFilter: linesNaming,
});
