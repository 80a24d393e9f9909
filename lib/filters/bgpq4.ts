import { execFile } from 'node:child_process';
import type { Platform } from '@/db/schema';

export type IrrServer = { server: string; sources: string; privateAsns?: boolean };

/** bgpq4's output option per platform: FRR reads the IOS prefix-list syntax, SR OS is driven in MD-CLI (-n). */
const formatFlags: Record<Platform, string[]> = {
  ios: [],
  frr: [],
  iosxr: ['-X'],
  eos: ['-e'],
  junos: ['-J'],
  sros: ['-n'],
  bird: ['-b'],
};

const TIMEOUT_MS = 60_000;
const MAX_OUTPUT_BYTES = 64 * 1024 * 1024;

/** A lookup that did not answer: IRR unreachable, bgpq4 missing, or an error from the server. */
export class IrrLookupError extends Error {
  name = 'IrrLookupError';
}

function baseArgs(irr: IrrServer, family: 4 | 6) {
  const args = ['-h', irr.server, family === 6 ? '-6' : '-4', '-m', family === 6 ? '48' : '24'];
  if (irr.sources) args.push('-S', irr.sources);
  if (irr.privateAsns) args.push('-p');
  return args;
}

/** bgpq4 with an argument array, never a shell; the AS-SET was checked by safeAsSet and follows `--`-free options. */
function run(args: string[], signal?: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('bgpq4', args, { timeout: TIMEOUT_MS, maxBuffer: MAX_OUTPUT_BYTES, signal, encoding: 'utf8' }, (err, stdout, stderr) => {
      if (err) {
        const why = stderr.trim().split('\n').slice(-3).join(' ') || err.message;
        return reject(new IrrLookupError(`bgpq4 failed: ${why}`));
      }
      // bgpq4 reports some IRR errors on stderr and still exits 0.
      const irrError = /^ERROR:.*$/m.exec(stderr);
      if (irrError) return reject(new IrrLookupError(`bgpq4: ${irrError[0].slice(6).trim()}`));
      resolve(stdout);
    });
  });
}

const CIDR4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}\/(3[0-2]|[12]?\d)$/;
const CIDR6 = /^[0-9a-f:]{2,39}\/(12[0-8]|1[01]\d|[1-9]?\d)$/i;

/** The prefixes an AS-SET expands to, from bgpq4's JSON output; a malformed entry fails the lookup. */
export async function expandPrefixes(irr: IrrServer, asSet: string, family: 4 | 6, signal?: AbortSignal): Promise<string[]> {
  const out = await run([...baseArgs(irr, family), '-j', '-l', 'list', asSet], signal);
  let parsed: { list?: Array<{ prefix?: unknown }> };
  try {
    parsed = JSON.parse(out);
  } catch {
    throw new IrrLookupError(`bgpq4 answered with something that is not JSON: ${out.slice(0, 200)}`);
  }
  const prefixes = (parsed.list ?? []).map((e) => String(e.prefix ?? '').toLowerCase());
  const shape = family === 6 ? CIDR6 : CIDR4;
  const bad = prefixes.find((p) => !shape.test(p));
  if (bad !== undefined) throw new IrrLookupError(`bgpq4 returned "${bad.slice(0, 60)}", which is not an IPv${family} prefix`);
  return [...new Set(prefixes)].sort();
}

/** The list in the platform's own syntax, named `name`, as bgpq4 writes it. */
export async function platformText(
  irr: IrrServer,
  asSet: string,
  family: 4 | 6,
  platform: Platform,
  name: string,
  signal?: AbortSignal,
): Promise<string> {
  return run([...baseArgs(irr, family), ...formatFlags[platform], '-l', name, asSet], signal);
}
