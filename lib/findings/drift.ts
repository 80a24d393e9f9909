import type { Router } from '@/db/schema';
import { diffConfig } from '@/lib/config/diff';
import { neighborLines } from '@/lib/config/drivers/frr';
import type { NeighborSpec } from '@/lib/config/drivers/types';
import { MASK, maskSecrets } from '@/lib/config/mask';

/** The platforms whose running configuration the drift check reads: the ones Peerdesk polls. */
export const DRIFT_PLATFORMS = ['frr', 'bird'] as const;

/** One line of configuration where it stands: the blocks around it (outermost first) and its own words. */
type Item = { path: string[]; line: string };

/** Words as the router reads them: runs of spaces and tabs are one space, outside and inside quotes alike. */
const words = (line: string) => line.trim().replace(/\s+/g, ' ');

/** A BIRD line without its `#` comment; a # inside "…" (a description) is text, not a comment. */
function withoutBirdComment(line: string) {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"') quoted = !quoted;
    else if (line[i] === '#' && !quoted) return line.slice(0, i);
  }
  return line;
}

/** BIRD: `… {` opens a block, `}` or `};` closes it; every other statement is a line of the block it is in. */
function birdItems(text: string): Item[] {
  const items: Item[] = [];
  const path: string[] = [];
  for (const raw of text.split('\n')) {
    const line = words(withoutBirdComment(raw));
    if (line === '') continue;
    if (/^\}\s*;?$/.test(line)) path.pop();
    else if (line.endsWith('{')) path.push(line);
    else items.push({ path: [...path], line });
  }
  return items;
}

/**
 * FRR: the neighbor's lines as the driver cuts them out of `show running-config` (its `router bgp`
 * and address families), whatever else the text holds. An `activate` in IPv4 unicast is left out on
 * both sides: with FRR's default `bgp default ipv4-unicast` the router never shows it.
 */
function frrItems(text: string, router: Router, neighbor: NeighborSpec): Item[] {
  const items: Item[] = [];
  const path: string[] = [];
  for (const raw of neighborLines(text, router, [neighbor]).split('\n')) {
    const line = words(raw);
    if (line === '') continue;
    if (/^(router bgp|address-family) /.test(line)) path.push(line);
    else if (line === 'exit' || line === 'exit-address-family') path.pop();
    else if (!(line === `neighbor ${neighbor.peerIp} activate` && path.at(-1) === 'address-family ipv4 unicast')) items.push({ path: [...path], line });
  }
  return items;
}

/**
 * FRR's whole running configuration cut into each neighbor's lines, by peer address, in one pass
 * (cutting it again for every session would make a large router's check quadratic).
 */
export function frrLinesByPeer(runningConfig: string, router: Router, neighbors: NeighborSpec[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const block of neighborLines(runningConfig, router, neighbors).split(/^(?=router bgp )/m)) {
    const ip = /^\s*neighbor (\S+)/m.exec(block)?.[1];
    if (ip) out.set(ip.toLowerCase(), block);
  }
  return out;
}

/**
 * The items as one text in a stable shape: each block once, in order of first appearance, its lines
 * sorted. Two configurations that differ only in order, indentation or comments give the same text.
 */
function canonical(items: Item[]): string {
  const blocks = new Map<string, { path: string[]; lines: string[] }>();
  for (const { path, line } of items) {
    const key = path.join('\n');
    const block = blocks.get(key) ?? { path, lines: [] };
    block.lines.push(line);
    blocks.set(key, block);
  }
  const out: string[] = [];
  for (const { path, lines } of blocks.values()) {
    const indent = ' '.repeat(path.length);
    if (path.length) out.push(`${' '.repeat(path.length - 1)}${path.at(-1)}`);
    out.push(...lines.sort().map((l) => `${indent}${l}`));
  }
  return out.length ? `${out.join('\n')}\n` : '';
}

export type DriftDetails = {
  router: string;
  peerIp: string;
  /** Lines the template renders that the router does not have (keys masked). */
  missing: string[];
  /** Lines the router has that the template does not render (keys masked). */
  unexpected: string[];
  /** Only the MD5 key differs or also differs: said as such, never shown. */
  keyDiffers: boolean;
  /** The router's lines against the rendering, in the canonical shape above (keys masked). */
  diff: string;
};

// FRR `neighbor X password …`, BIRD `password "…";`: the statement itself, not a description that says "password".
const isKeyLine = (item: string) => /^(neighbor \S+ )?password\b/.test(item.split(' » ').at(-1) ?? '');

/** Lines of `a` that `b` does not have, as many times as `a` has them more often. */
function without(a: string[], b: string[]) {
  const left = [...b];
  return a.filter((line) => {
    const at = left.indexOf(line);
    if (at < 0) return true;
    left.splice(at, 1);
    return false;
  });
}

/**
 * The router's lines for one session (`running`, as the driver reads them) against the template's
 * rendering (`rendered`, the text a push would send): null when they say the same, else what differs.
 * Everything returned is masked: the session's key and anything after a key word on the router.
 * Null too when the router has no lines for the session at all: that is missing_on_router, not drift.
 */
export function compareSession(router: Router, neighbor: NeighborSpec, running: string, rendered: string): DriftDetails | null {
  const items = (text: string) => (router.platform === 'bird' ? birdItems(text) : frrItems(text, router, neighbor));
  const have = items(running);
  if (have.length === 0) return null;
  const want = items(rendered);
  const flat = (list: Item[]) => list.map((i) => [...i.path, i.line].join(' » '));
  const missing = without(flat(want), flat(have));
  const unexpected = without(flat(have), flat(want));
  if (missing.length === 0 && unexpected.length === 0) return null;
  // Masked as every router text is; then the key wherever it still stands, even inside a word: never shown.
  const mask = (text: string) => (neighbor.md5 ? maskSecrets(text, [neighbor]).split(neighbor.md5).join(MASK) : maskSecrets(text, []));
  const masked = (lines: string[]) => lines.map(mask);
  return {
    router: router.name,
    peerIp: neighbor.peerIp,
    missing: masked(missing),
    unexpected: masked(unexpected),
    keyDiffers: [...missing, ...unexpected].some(isKeyLine),
    diff: mask(diffConfig(canonical(have), canonical(want), `${router.name} ${neighbor.peerIp}`)),
  };
}
