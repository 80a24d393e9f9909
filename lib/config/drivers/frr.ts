import { isIP } from 'node:net';
import type { Router } from '@/db/schema';
import { controlCommandOf, type RouterConnection } from '@/lib/config/transport';
import { reapplyImportPolicy } from '@/lib/filters/frr-reapply';
import { frrUndo } from './frr-undo';
import { ensureNewline, outputOf, sh, tempPath } from './shared';
import { PushError, type NeighborSpec, type NeighborState, type PushPlan, type RouterDriver } from './types';

/** The `router bgp` line of this router (in its VRF when it has one). */
const routerBgp = (router: Router) => `router bgp ${router.localAsn}${router.vrf ? ` vrf ${router.vrf}` : ''}`;

const vtysh = (router: Router, ...commands: string[]) => `${controlCommandOf(router)} ${commands.map((c) => `-c ${sh(c)}`).join(' ')}`;

function candidate(router: Router, plan: PushPlan): string {
  if (plan.operation === 'configure') return plan.sections.map((s) => ensureNewline(s.text)).join('');
  const line = (n: NeighborSpec) =>
    plan.operation === 'remove' ? ` no neighbor ${n.peerIp}` : plan.operation === 'admin_down' ? ` neighbor ${n.peerIp} shutdown` : ` no neighbor ${n.peerIp} shutdown`;
  return [routerBgp(router), ...plan.neighbors.map(line), 'exit', ''].join('\n');
}

/**
 * The lines of `show running-config` that concern these neighbors, in their `router bgp` and
 * address-family context, one block per neighbor (the shape the templates render).
 */
export function neighborLines(runningConfig: string, router: Router, neighbors: NeighborSpec[]): string {
  const header = routerBgp(router);
  // One pass over the config: per neighbor address, its lines outside and inside each address family.
  const found = new Map<string, { top: string[]; families: Map<string, string[]> }>();
  let inRouter = false;
  let family: string | null = null;
  for (const raw of runningConfig.split('\n')) {
    const line = raw.trimEnd();
    if (/^router bgp /.test(line)) {
      inRouter = line === header;
      family = null;
      continue;
    }
    if (!inRouter) continue;
    // `exit` or `!` at column 0 closes the router block
    if (/^\S/.test(line)) {
      inRouter = false;
      continue;
    }
    const words = line.trim().split(/\s+/);
    if (words[0] === 'address-family') family = line;
    else if (words[0] === 'exit-address-family') family = null;
    else if (words[0] === 'neighbor' && words[1]) {
      const ip = words[1].toLowerCase();
      const entry = found.get(ip) ?? { top: [], families: new Map<string, string[]>() };
      found.set(ip, entry);
      if (family) entry.families.set(family, [...(entry.families.get(family) ?? []), line]);
      else entry.top.push(line);
    }
  }
  return neighbors
    .map((n) => found.get(n.peerIp.toLowerCase()))
    .filter((e) => e !== undefined)
    .map((e) => {
      const lines = [header, ...e.top];
      for (const [af, afLines] of e.families) lines.push(af, ...afLines, ' exit-address-family');
      return `${[...lines, 'exit'].join('\n')}\n`;
    })
    .join('');
}

async function runningConfig(conn: RouterConnection, router: Router) {
  const r = await conn.run(vtysh(router, 'show running-config'));
  if (r.code !== 0) throw new PushError(`${router.name}: show running-config failed: ${outputOf(r) || `exit code ${r.code}`}`, outputOf(r));
  return r.stdout;
}

async function push(conn: RouterConnection, router: Router, plan: PushPlan) {
  const text = candidate(router, plan);
  const file = tempPath('.conf');
  const cc = controlCommandOf(router);
  const transcript: string[] = [];
  await conn.writeFile(file, text);
  try {
    // vtysh checks every line against its command tree without touching the daemons.
    const check = await conn.run(`${cc} --dryrun -f ${sh(file)}`);
    if (check.code !== 0) throw new PushError(`FRR refused the configuration: ${outputOf(check)}`, outputOf(check));
    // What the neighbors looked like, to put them back if bgpd refuses a line half-way (vtysh -f is not atomic).
    const before = plan.operation === 'configure' ? neighborLines(await runningConfig(conn, router), router, plan.neighbors) : '';
    const apply = await conn.run(`${cc} -f ${sh(file)}`);
    transcript.push(outputOf(apply));
    if (apply.code !== 0) {
      const message = outputOf(apply);
      if (plan.operation === 'configure') await restore(conn, router, plan.neighbors, before, file);
      throw new PushError(`FRR refused the configuration: ${message}`, message);
    }
    transcript.push(await reapplyImportPolicy(conn, router, plan, text));
    const save = await conn.run(vtysh(router, 'write memory'));
    transcript.push(outputOf(save));
    if (save.code !== 0) throw new PushError(`FRR applied the configuration but could not save it: ${outputOf(save)}`, transcript.join('\n'));
    return { output: transcript.filter(Boolean).join('\n') };
  } finally {
    await conn.run(`rm -f ${sh(file)}`).catch(() => undefined);
  }
}

/** Takes the neighbors back to what they were: new ones removed, existing ones re-applied from their old lines. */
async function restore(conn: RouterConnection, router: Router, neighbors: NeighborSpec[], before: string, file: string) {
  const undo = [routerBgp(router), ...neighbors.map((n) => ` no neighbor ${n.peerIp}`), 'exit', ''].join('\n') + before;
  await conn.writeFile(file, undo);
  await conn.run(`${controlCommandOf(router)} -f ${sh(file)}`);
}

type FrrNeighbor = {
  bgpState?: string;
  bgpTimerUpMsec?: number;
  lastResetDueTo?: string;
  lastNotificationReason?: string;
  adminShutDown?: boolean;
  remoteAs?: number;
  addressFamilyInfo?: Record<string, { acceptedPrefixCounter?: number; prefixAllowedMax?: number }>;
};
type FrrSummary = Record<string, { peers?: Record<string, { state?: string; peerUptimeMsec?: number; pfxRcd?: number }> }>;

function parseJson<T>(text: string, what: string): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new PushError(`FRR answered ${what} with something that is not JSON: ${text.trim().slice(0, 200)}`, text);
  }
}

async function states(conn: RouterConnection, router: Router, neighbors: NeighborSpec[]): Promise<NeighborState[]> {
  const vrf = router.vrf ? ` vrf ${router.vrf}` : '';
  const marker = '@@PEERDESK@@';
  // One command on the host for both answers: one round trip over SSH.
  const r = await conn.run(`${vtysh(router, `show bgp${vrf} neighbors json`)}; echo ${marker}; ${vtysh(router, `show bgp${vrf} summary json`)}`);
  const [neighborsText, summaryText = '{}'] = r.stdout.split(marker);
  if (r.code !== 0 || !neighborsText.trim()) throw new PushError(`FRR could not show its BGP neighbors: ${outputOf(r)}`, outputOf(r));
  const all = parseJson<Record<string, FrrNeighbor>>(neighborsText, 'show bgp neighbors json');
  const summary = summaryText.trim() ? parseJson<FrrSummary>(summaryText, 'show bgp summary json') : {};
  const summaryPeer = (ip: string) => {
    for (const af of Object.values(summary)) if (af?.peers?.[ip]) return af.peers[ip];
    return undefined;
  };
  const asked = new Set(neighbors.map((n) => n.peerIp.toLowerCase()));
  const unrequested = Object.entries(all)
    .filter(([ip]) => isIP(ip) && !asked.has(ip.toLowerCase()))
    .map(([ip, nb]): NeighborState => ({ peerIp: ip, state: nb.bgpState ?? 'Idle', uptimeSeconds: null, prefixesReceived: null, lastError: null, maxPrefixTeardown: false, unrequested: { peerAsn: nb.remoteAs ?? null } }));
  const requested = neighbors.map((n): NeighborState => {
    const nb = all[n.peerIp];
    if (!nb) return { peerIp: n.peerIp, state: 'Idle', uptimeSeconds: null, prefixesReceived: null, lastError: 'Not configured on the router', maxPrefixTeardown: false };
    const sum = summaryPeer(n.peerIp);
    const raw = sum?.state ?? nb.bgpState ?? 'Idle';
    const state = raw === 'Idle' && nb.adminShutDown ? 'Idle (Admin)' : raw;
    const established = /^Established/.test(state);
    const accepted = Object.values(nb.addressFamilyInfo ?? {}).reduce<number | null>(
      (total, af) => (typeof af?.acceptedPrefixCounter === 'number' ? (total ?? 0) + af.acceptedPrefixCounter : total),
      null,
    );
    const lastError = nb.lastResetDueTo && nb.lastResetDueTo !== 'No AFI/SAFI activated for peer' ? nb.lastResetDueTo : (nb.lastNotificationReason ?? nb.lastResetDueTo ?? null);
    return {
      peerIp: n.peerIp,
      state,
      uptimeSeconds: established ? Math.floor((sum?.peerUptimeMsec ?? nb.bgpTimerUpMsec ?? 0) / 1000) : null,
      prefixesReceived: established ? (accepted ?? sum?.pfxRcd ?? 0) : null,
      lastError: lastError || null,
      maxPrefixTeardown: /PfxCt/.test(state) || /prefix count|max.?prefix|maximum.prefix/i.test(nb.lastResetDueTo ?? ''),
    };
  });
  return [...requested, ...unrequested];
}

/** Change control's rollback: negates what the push added and applies again what it replaced, then saves. */
async function restoreConfig(conn: RouterConnection, router: Router, plan: PushPlan, saved: string) {
  const file = tempPath('.conf');
  await conn.writeFile(file, frrUndo(router, plan.neighbors, candidate(router, plan), saved));
  try {
    const apply = await conn.run(`${controlCommandOf(router)} -f ${sh(file)}`);
    const save = await conn.run(vtysh(router, 'write memory'));
    const output = [outputOf(apply), outputOf(save)].filter(Boolean).join('\n');
    if (apply.code !== 0) throw new PushError(`FRR refused part of the rollback: ${outputOf(apply)}`, output);
    return { output };
  } finally {
    await conn.run(`rm -f ${sh(file)}`).catch(() => undefined);
  }
}

export const frrDriver: RouterDriver = {
  platform: 'frr',
  running: async (conn, router, neighbors) => neighborLines(await runningConfig(conn, router), router, neighbors),
  candidate,
  push,
  states,
  saveConfig: (conn, router) => runningConfig(conn, router),
  restoreConfig,
};
