import { cliDriver, linesNaming } from './cli';

const base = '/configure router "Base" bgp';

/** Nokia SR OS MD-CLI: `edit-config private`, flat lines, one `commit`; a refusal is `discard`ed. */
export const srosDriver = cliDriver({
  platform: 'sros',
  // MD-CLI prompts are two lines: `[/]` then `A:admin@host# `.
  setup: ['environment more false'],
  error: /^\s*(MINOR|MAJOR|CRITICAL|Error):/,
  operationLines: (_router, plan) =>
    plan.neighbors.map((n) =>
      plan.operation === 'remove' ? `${base} delete neighbor "${n.peerIp}"` : `${base} neighbor "${n.peerIp}" admin-state ${plan.operation === 'admin_down' ? 'disable' : 'enable'}`,
    ),
  async commit(cli, lines) {
    const entered = await cli.send('edit-config private');
    const busy = cli.errorIn(entered);
    if (busy) cli.refuse('SR OS did not open a private candidate', busy);
    const discard = async () => {
      await cli.send('discard');
      await cli.send('quit-config');
    };
    await cli.sendAll(lines, discard);
    const committed = await cli.send('commit');
    const error = cli.errorIn(committed);
    if (error) {
      await discard();
      cli.refuse('SR OS refused the commit', error);
    }
    await cli.send('quit-config');
  },
  runningCommand: `admin show configuration ${base} flat`,
  runningFilter: linesNaming,
});
