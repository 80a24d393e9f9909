import type { Router } from '@/db/schema';
import type { RouterConnection, ShellSession } from '@/lib/config/transport';
import { policyNames } from '@/lib/templates/variables';
import { ensureNewline, mentions, requireShell } from './shared';
import { PushError, type NeighborSpec, type PushPlan, type RouterDriver } from './types';

/**
 * Network equipment driven through its interactive CLI over SSH: one shell session per push,
 * the platform's own candidate/commit, and on a refusal its own way to throw the change away.
 */
export type CliPlatform = {
  platform: RouterDriver['platform'];
  /** Sent first, e.g. `terminal length 0`, so output never waits for a keypress. */
  setup: string[];
  /** A line of output that means the device refused what it was just sent. */
  error: RegExp;
  /** The lines for remove / admin_down / admin_up, built from the neighbors. */
  operationLines(router: Router, plan: PushPlan): string[];
  /** Sends the lines inside the platform's candidate and commits them once; throws PushError on a refusal. */
  commit(cli: Cli, lines: string[], plan: PushPlan): Promise<void>;
  /** Commits with the platform's timer (seconds until the device rolls back) and stays in configuration mode. */
  commitConfirmed?(cli: Cli, lines: string[], plan: PushPlan, seconds: number): Promise<void>;
  /** Confirms that commit, leaving configuration mode; a refusal throws PushError. */
  confirm?(cli: Cli, plan: PushPlan): Promise<void>;
  /** The show command for the BGP configuration, and how to keep the lines of these neighbors. */
  runningCommand: string;
  runningFilter(output: string, neighbors: NeighborSpec[]): string;
};

/** A shell session that keeps the transcript of the push and knows the platform's error lines. */
export class Cli {
  readonly log: string[] = [];
  constructor(
    readonly session: ShellSession,
    readonly platform: CliPlatform,
  ) {}

  async send(line: string, opts?: { expect?: RegExp; raw?: boolean }) {
    const out = await this.session.send(line, opts);
    this.log.push(`> ${line.replace(/\x04/g, '^D')}`, ...(out ? [out] : []));
    return out;
  }

  /** The device's error lines in this output, or null when it accepted it. */
  errorIn(output: string): string | null {
    const lines = output.split('\n').filter((l) => this.platform.error.test(l));
    return lines.length ? lines.map((l) => l.trim()).join('\n') : null;
  }

  /** Sends each line; the first refused line is thrown (after `undo` ran) with the device's words. */
  async sendAll(lines: string[], undo: () => Promise<unknown>) {
    for (const line of lines) {
      const out = await this.send(line);
      const error = this.errorIn(out);
      if (error) {
        await undo();
        throw new PushError(`The router refused "${line.trim()}": ${error}`, this.log.join('\n'));
      }
    }
  }

  refuse(what: string, error: string, output?: string): never {
    throw new PushError(`${what}: ${error}`, output ?? this.log.join('\n'));
  }
}

/** Junos and SR OS put a session without a peer group in PD-<TYPE>-V<family>, as the built-in templates do. */
export const groupOf = (n: NeighborSpec) => n.peerGroup ?? `PD-${policyNames(n.type).import.replace(/-IN$/, '')}-V${n.family}`;

const configLines = (plan: PushPlan) =>
  plan.sections
    .flatMap((s) => s.text.split('\n'))
    .map((l) => l.replace(/\s+$/, ''))
    .filter((l) => l.trim() !== '');

/** Keeps the lines that name one of these neighbors, in the device's order. */
export const linesNaming = (output: string, neighbors: NeighborSpec[]) =>
  output
    .split('\n')
    .map((l) => l.replace(/\s+$/, ''))
    .filter((l) => neighbors.some((n) => mentions(l, n.peerIp)))
    .map((l) => `${l}\n`)
    .join('');

export function cliDriver(p: CliPlatform): RouterDriver {
  const linesOf = (router: Router, plan: PushPlan) => (plan.operation === 'configure' ? configLines(plan) : p.operationLines(router, plan));

  async function withCli<T>(conn: RouterConnection, router: Router, work: (cli: Cli) => Promise<T>): Promise<T> {
    const session = await requireShell(conn, router)();
    const cli = new Cli(session, p);
    try {
      for (const line of p.setup) await cli.send(line);
      return await work(cli);
    } finally {
      await session.close();
    }
  }

  return {
    platform: p.platform,
    candidate: (router, plan) => linesOf(router, plan).map(ensureNewline).join(''),
    running: (conn, router, neighbors) =>
      withCli(conn, router, async (cli) => p.runningFilter(await cli.send(p.runningCommand), neighbors)),
    push: (conn, router, plan) =>
      withCli(conn, router, async (cli) => {
        await p.commit(cli, linesOf(router, plan), plan);
        return { output: cli.log.join('\n') };
      }),
    ...(p.commitConfirmed && p.confirm && { pushConfirmed: (conn, router, plan, seconds) => pushConfirmed(conn, router, plan, seconds) }),
  };

  /** One shell session from the timed commit to the confirm: the confirm goes over the connection that committed. */
  async function pushConfirmed(conn: RouterConnection, router: Router, plan: PushPlan, seconds: number) {
    const session = await requireShell(conn, router)();
    const cli = new Cli(session, p);
    try {
      for (const line of p.setup) await cli.send(line);
      await p.commitConfirmed!(cli, linesOf(router, plan), plan, seconds);
    } catch (err) {
      await session.close();
      throw err;
    }
    return {
      output: cli.log.join('\n'),
      confirm: async () => {
        try {
          await p.confirm!(cli, plan);
          return cli.log.join('\n');
        } finally {
          await session.close().catch(() => undefined);
        }
      },
    };
  }
}
