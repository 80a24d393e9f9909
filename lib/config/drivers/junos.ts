import { Cli, cliDriver, groupOf, linesNaming } from './cli';

const leave = async (cli: Cli) => {
  await cli.send('rollback 0');
  await cli.send('exit configuration-mode');
};

/** Enters configuration mode, loads the set lines and checks them; a refusal leaves the configuration as it was. */
async function loadAndCheck(cli: Cli, lines: string[], enter: 'configure private' | 'configure exclusive') {
  const entered = await cli.send(enter);
  const busy = cli.errorIn(entered);
  if (busy) cli.refuse(`Junos did not enter ${enter.replace('configure ', '')} configuration mode`, busy);
  await cli.send('load set terminal', { expect: /\[Type \^D at a new line to end input\]\s*$/ });
  const loaded = await cli.send(`${lines.join('\n')}\n\x04`, { raw: true });
  const loadError = cli.errorIn(loaded);
  if (loadError) {
    await leave(cli);
    cli.refuse('Junos refused the configuration', loadError);
  }
  const check = await cli.send('commit check');
  // The whole answer: Junos names the statement in the lines before its `error:` line.
  const checkError = cli.errorIn(check) || !/configuration check succeeds/.test(check) ? check.trim() || 'commit check did not succeed' : null;
  if (checkError) {
    await leave(cli);
    cli.refuse('Junos commit check failed', checkError);
  }
}

/**
 * Junos: `configure private`, `load set terminal`, `commit check`, then `commit and-quit`. Under change
 * control: `configure exclusive`, the same, `commit confirmed N` (minutes), and `commit and-quit` confirms.
 */
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
    await loadAndCheck(cli, lines, 'configure private');
    const committed = await cli.send('commit and-quit');
    if (!/commit complete/.test(committed)) cli.refuse('Junos did not commit', cli.errorIn(committed) ?? committed.trim());
  },
  // commit confirmed needs the shared configuration: exclusive mode locks it for the push.
  async commitConfirmed(cli: Cli, lines, _plan, seconds) {
    await loadAndCheck(cli, lines, 'configure exclusive');
    const committed = await cli.send(`commit confirmed ${Math.max(1, Math.ceil(seconds / 60))}`);
    if (!/commit complete/.test(committed)) {
      await leave(cli);
      cli.refuse('Junos did not commit', cli.errorIn(committed) ?? committed.trim());
    }
  },
  async confirm(cli: Cli) {
    const confirmed = await cli.send('commit and-quit');
    if (!/commit complete/.test(confirmed)) cli.refuse('Junos did not confirm the commit', cli.errorIn(confirmed) ?? confirmed.trim());
  },
  runningCommand: 'show configuration protocols bgp | display set | no-more',
  runningFilter: linesNaming,
});
