import type { Router } from '@/db/schema';
import { controlCommandOf, type RouterConnection } from '@/lib/config/transport';
import { ensureNewline, outputOf, sh } from './shared';
import { PushError, type NeighborSpec, type NeighborState, type PushPlan, type RouterDriver } from './types';

/** BIRD 2: one file per neighbor, `<peersDir>/<key>.conf`, which bird.conf includes. */
function fileOf(router: Router, n: NeighborSpec) {
  if (!router.peersDir) throw new PushError(`${router.name} has no peers directory set: BIRD routers need one (the directory bird.conf includes).`, '');
  return `${router.peersDir.replace(/\/+$/, '')}/${n.key}.conf`;
}

// birdc joins its arguments into one command line, so the command goes as one quoted word.
const birdc = (router: Router, command: string) => `${controlCommandOf(router)} ${sh(command)}`;

const DISABLED = /^\s*disabled(\s+(yes|on|true))?\s*;\s*$/;

export function setDisabled(text: string, disabled: boolean): string {
  const lines = text.split('\n').filter((l) => !DISABLED.test(l));
  if (disabled) {
    const at = lines.findIndex((l) => /^\s*protocol\s+bgp\b.*\{\s*$/.test(l));
    lines.splice(at >= 0 ? at + 1 : lines.length, 0, '  disabled yes;');
  }
  return lines.join('\n');
}

function candidate(router: Router, plan: PushPlan): string {
  if (plan.operation === 'configure') return plan.sections.map((s) => ensureNewline(s.text)).join('');
  const files = plan.neighbors.map((n) => fileOf(router, n));
  if (plan.operation === 'remove') return files.map((f) => `# delete ${f}\n`).join('');
  return files.map((f) => `# ${plan.operation === 'admin_down' ? 'add' : 'remove'} "disabled yes;" in ${f}\n`).join('');
}

/** BIRD's own words: the lines after "Reading configuration from ...", e.g. `/etc/bird/peers.d/x.conf:3:5 syntax error`. */
function birdMessage(r: { stdout: string; stderr: string }) {
  const lines = outputOf(r)
    .split('\n')
    .filter((l) => !/^BIRD [\d.]+ ready\.$/.test(l) && !/^Reading configuration from/.test(l));
  return lines.join('\n') || 'no output';
}

const checkFailed = (r: { stdout: string; code: number }) => r.code !== 0 || !/Configuration OK/.test(r.stdout);
const applyFailed = (r: { stdout: string; code: number }) => r.code !== 0 || !/Reconfigur/.test(r.stdout) || /failed/i.test(r.stdout);

async function push(conn: RouterConnection, router: Router, plan: PushPlan) {
  const files = plan.neighbors.map((n) => fileOf(router, n));
  // Every file's content before the push (null: it did not exist), to restore byte for byte.
  const previous: Array<string | null> = [];
  for (const f of files) previous.push(await conn.readFile(f));

  const next: Array<string | null> = plan.neighbors.map((n, i) => {
    if (plan.operation === 'configure') {
      const section = plan.sections.find((s) => s.sessionId === n.sessionId) ?? plan.sections[i];
      if (!section) throw new PushError(`No configuration text for the session with ${n.peerIp}.`, '');
      return ensureNewline(section.text);
    }
    if (plan.operation === 'remove') return null;
    if (previous[i] === null) throw new PushError(`${files[i]} does not exist on ${router.name}: the session with ${n.peerIp} is not configured there.`, '');
    return setDisabled(previous[i]!, plan.operation === 'admin_down');
  });

  const write = async (contents: Array<string | null>) => {
    const gone = files.filter((_, i) => contents[i] === null);
    for (let i = 0; i < files.length; i++) if (contents[i] !== null) await conn.writeFile(files[i], contents[i]!);
    if (gone.length) await conn.run(`rm -f -- ${gone.map(sh).join(' ')}`);
  };

  await write(next);
  const check = await conn.run(birdc(router, 'configure check'));
  if (checkFailed(check)) {
    await write(previous);
    const message = birdMessage(check);
    throw new PushError(`BIRD refused the configuration: ${message}`, outputOf(check));
  }
  const apply = await conn.run(birdc(router, 'configure'));
  if (applyFailed(apply)) {
    await write(previous);
    await conn.run(birdc(router, 'configure'));
    throw new PushError(`BIRD could not apply the configuration: ${birdMessage(apply)}`, outputOf(apply));
  }
  return { output: [outputOf(check), outputOf(apply)].join('\n') };
}

async function running(conn: RouterConnection, router: Router, neighbors: NeighborSpec[]) {
  const parts: string[] = [];
  for (const n of neighbors) {
    const text = await conn.readFile(fileOf(router, n));
    if (text !== null) parts.push(ensureNewline(text));
  }
  return parts.join('');
}

/** BIRD's `show protocols all` blocks, by protocol name. */
export function parseProtocols(text: string): Map<string, { state: string; since: string; info: string; body: string }> {
  const out = new Map<string, { state: string; since: string; info: string; body: string }>();
  let current: { name: string; lines: string[]; state: string; since: string; info: string } | null = null;
  const flush = () => current && out.set(current.name, { state: current.state, since: current.since, info: current.info, body: current.lines.join('\n') });
  for (const line of text.split('\n')) {
    // "name  BGP  ---  up  2026-11-28 03:18:23  Established"
    const head = /^(\S+)\s+BGP\s+\S+\s+(\S+)\s+(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d|\S+)\s*(.*)$/.exec(line);
    if (head) {
      flush();
      current = { name: head[1], state: head[2], since: head[3], info: head[4].trim(), lines: [] };
      continue;
    }
    if (/^\S/.test(line)) {
      flush();
      current = null;
      continue;
    }
    current?.lines.push(line);
  }
  flush();
  return out;
}

const BGP_STATES = ['Established', 'Idle', 'Connect', 'Active', 'OpenSent', 'OpenConfirm', 'Close'];

async function states(conn: RouterConnection, router: Router, neighbors: NeighborSpec[]): Promise<NeighborState[]> {
  const r = await conn.run(birdc(router, 'show protocols all'));
  if (r.code !== 0) throw new PushError(`BIRD could not show its protocols: ${birdMessage(r)}`, outputOf(r));
  const protocols = parseProtocols(r.stdout);
  const asked = new Set(neighbors.map((n) => n.key));
  const unrequested = [...protocols]
    .filter(([name, p]) => !asked.has(name) && /Neighbor address:\s+\S+/.test(p.body))
    .map(([, p]): NeighborState => ({
      peerIp: /Neighbor address:\s+(\S+)/.exec(p.body)![1].replace(/%.*$/, ''),
      state: p.state === 'up' ? 'Established' : 'Idle',
      uptimeSeconds: null,
      prefixesReceived: null,
      lastError: null,
      maxPrefixTeardown: false,
      unrequested: { peerAsn: Number(/Neighbor AS:\s+(\d+)/.exec(p.body)?.[1]) || null },
    }));
  const requested = neighbors.map((n): NeighborState => {
    const p = protocols.get(n.key);
    if (!p) return { peerIp: n.peerIp, state: 'Idle', uptimeSeconds: null, prefixesReceived: null, lastError: 'Not configured on the router', maxPrefixTeardown: false };
    const bgpState = /BGP state:\s+(\S+)/.exec(p.body)?.[1] ?? '';
    const established = p.state === 'up' && /Established/.test(`${p.info} ${bgpState}`);
    const state = established ? 'Established' : p.state === 'down' ? 'Idle' : BGP_STATES.find((s) => p.info.startsWith(s) || bgpState === s) ?? 'Idle';
    const lastError = /Last error:\s+(.+)/.exec(p.body)?.[1]?.trim() ?? null;
    const imported = [...p.body.matchAll(/Routes:\s+(\d+) imported/g)].reduce<number | null>((t, m) => (t ?? 0) + Number(m[1]), null);
    const since = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(p.since) ? new Date(p.since.replace(' ', 'T')).getTime() : NaN;
    return {
      peerIp: n.peerIp,
      state,
      uptimeSeconds: established && !Number.isNaN(since) ? Math.max(0, Math.floor((Date.now() - since) / 1000)) : null,
      prefixesReceived: established ? (imported ?? 0) : null,
      lastError,
      maxPrefixTeardown: /limit exceeded|route limit/i.test(`${lastError ?? ''} ${p.info}`),
    };
  });
  return [...requested, ...unrequested];
}

/** The neighbors' files as they are before a push (null: none), to put back byte for byte. */
async function saveConfig(conn: RouterConnection, router: Router, plan: PushPlan) {
  const files: Record<string, string | null> = {};
  for (const n of plan.neighbors) files[fileOf(router, n)] = await conn.readFile(fileOf(router, n));
  return JSON.stringify(files);
}

async function restoreConfig(conn: RouterConnection, router: Router, _plan: PushPlan, saved: string) {
  const files = JSON.parse(saved) as Record<string, string | null>;
  for (const [path, content] of Object.entries(files)) {
    if (content === null) await conn.run(`rm -f -- ${sh(path)}`);
    else await conn.writeFile(path, content);
  }
  const apply = await conn.run(birdc(router, 'configure'));
  if (applyFailed(apply)) throw new PushError(`BIRD could not apply the previous configuration: ${birdMessage(apply)}`, outputOf(apply));
  return { output: outputOf(apply) };
}

export const birdDriver: RouterDriver = { platform: 'bird', running, candidate, push, states, saveConfig, restoreConfig };
