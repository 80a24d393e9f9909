import { cliDriver, linesNaming } from './cli';
import type { PushPlan } from './types';

// One name per plan, so the confirm reaches the session the timed commit opened.
const names = new WeakMap<PushPlan, string>();
const sessionName = (plan: PushPlan) => {
  if (!names.has(plan)) names.set(plan, `peerdesk-${plan.neighbors[0]?.sessionId ?? 0}-${Date.now().toString(36)}`);
  return names.get(plan)!;
};

/** hh:mm:ss, as `commit timer` takes it. */
const timer = (seconds: number) => {
  const s = Math.max(1, Math.ceil(seconds));
  return [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60].map((n) => String(n).padStart(2, '0')).join(':');
};

/**
 * Arista EOS: a named configuration session, the lines, one `commit`; a refusal is `abort`ed. Under change
 * control: `commit timer hh:mm:ss`, and `configure session <name> commit` confirms before the timer runs out.
 */
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
    const name = sessionName(plan);
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
  async commitConfirmed(cli, lines, plan, seconds) {
    const name = sessionName(plan);
    const entered = await cli.send(`configure session ${name}`);
    const busy = cli.errorIn(entered);
    if (busy) cli.refuse('EOS did not open a configuration session', busy);
    await cli.sendAll(lines, () => cli.send('abort'));
    const committed = await cli.send(`commit timer ${timer(seconds)}`);
    const error = cli.errorIn(committed);
    if (error) {
      await cli.send('abort');
      cli.refuse('EOS refused the commit', error);
    }
  },
  async confirm(cli, plan) {
    const confirmed = await cli.send(`configure session ${sessionName(plan)} commit`);
    const error = cli.errorIn(confirmed);
    if (error) cli.refuse('EOS did not confirm the commit', error);
    await cli.send('write memory');
  },
  runningCommand: 'show running-config section router bgp',
  runningFilter: linesNaming,
});
