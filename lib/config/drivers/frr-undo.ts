import type { Router } from '@/db/schema';
import type { NeighborSpec } from './types';

type Entry = { context: string[]; line: string };

/**
 * The configuration lines with the blocks they sit in (`router bgp 65001`, then ` address-family ipv4 unicast`):
 * a column-0 line followed by indented ones opens a block; `exit`, `!` and `exit-address-family` close them.
 */
function linesInContext(text: string): Entry[] {
  const lines = text.split('\n').map((l) => l.replace(/\s+$/, ''));
  const out: Entry[] = [];
  let top: string | null = null;
  let sub: string | null = null;
  lines.forEach((line, i) => {
    const word = line.trim();
    if (!word || word === '!' || word === 'end') {
      if (/^!/.test(line)) sub = null;
      return;
    }
    if (/^\S/.test(line)) {
      sub = null;
      if (word === 'exit') return void (top = null);
      if (/^\s/.test(lines[i + 1] ?? '')) return void (top = line);
      top = null;
      out.push({ context: [], line: word });
      return;
    }
    if (word === 'exit-address-family' || word === 'exit') return void (sub = null);
    if (/^address-family /.test(word)) return void (sub = word);
    out.push({ context: [top, sub].filter((c): c is string => c !== null), line: word });
  });
  return out;
}

const keyOf = (e: Entry) => [...e.context, e.line].join('\u0000');
const neighborOf = (line: string) => /^neighbor (\S+)/.exec(line)?.[1]?.toLowerCase() ?? null;
const setting = (line: string) => line.split(/\s+/).slice(0, 3).join(' ');

function wrap(context: string[], lines: string[]) {
  const [top, sub] = context;
  if (!top) return lines;
  return [top, ...(sub ? [` ${sub}`, ...lines.map((l) => `  ${l}`), ' exit-address-family'] : lines.map((l) => ` ${l}`)), 'exit'];
}

/**
 * What takes FRR back from `applied` to `saved` (the full running configuration before the push):
 * every line the push added is negated, newest first; a neighbor the push created is removed whole;
 * the settings it replaced (same block, same first three words) are applied again as they were.
 */
export function frrUndo(router: Router, neighbors: NeighborSpec[], applied: string, saved: string): string {
  const before = linesInContext(saved);
  const had = new Set(before.map(keyOf));
  const knownBefore = new Set(before.map((e) => neighborOf(e.line)).filter((ip): ip is string => ip !== null));
  const created = neighbors.map((n) => n.peerIp.toLowerCase()).filter((ip) => !knownBefore.has(ip));
  const out: string[] = [];
  for (const entry of linesInContext(applied).reverse()) {
    if (had.has(keyOf(entry))) continue;
    const ip = neighborOf(entry.line);
    if (ip && created.includes(ip)) continue;
    out.push(...wrap(entry.context, [entry.line.startsWith('no ') ? entry.line.slice(3) : `no ${entry.line}`]));
    const replaced = before.filter((b) => b.context.join() === entry.context.join() && setting(b.line) === setting(entry.line));
    for (const b of replaced) out.push(...wrap(b.context, [b.line]));
  }
  const bgp = `router bgp ${router.localAsn}${router.vrf ? ` vrf ${router.vrf}` : ''}`;
  if (created.length) out.push(...wrap([bgp], created.map((ip) => `no neighbor ${ip}`)));
  return `${out.join('\n')}\n`;
}
