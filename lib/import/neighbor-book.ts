import type { AddressFamily, ImportedNeighbor, ImportWarning } from './types';

/** Prefix limits by address family; `any` when the statement is not tied to one. */
export type PrefixLimits = { 4?: number; 6?: number; any?: number };

/** Settings a neighbor can take from its peer group, neighbor-group or template. */
export type SessionSettings = {
  remoteAsn: number | null;
  hasMd5: boolean;
  localAddress: string | null;
  shutdown: boolean;
  maxPrefixes: PrefixLimits;
};

export type NeighborDraft = SessionSettings & {
  peerIp: string;
  description: string | null;
  peerGroup: string | null;
  line: number;
};

export type GroupDraft = SessionSettings & { name: string; parent: string | null };

/** What a statement configures: one neighbor, or a group its members inherit from. */
export type NeighborTarget = NeighborDraft | GroupDraft;

const emptySettings = (): SessionSettings => ({
  remoteAsn: null,
  hasMd5: false,
  localAddress: null,
  shutdown: false,
  maxPrefixes: {},
});

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const HEXTET = /^[0-9a-f]{1,4}$/i;

export function addressFamilyOf(text: string): AddressFamily | null {
  if (IPV4.test(text)) return 4;
  if (!text.includes(':')) return null;
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groups = halves.flatMap((half) => (half ? half.split(':') : []));
  const last = groups.at(-1) ?? '';
  const embeddedV4 = IPV4.test(last);
  const hextets = embeddedV4 ? groups.slice(0, -1) : groups;
  const width = hextets.length + (embeddedV4 ? 2 : 0);
  if (!hextets.every((group) => HEXTET.test(group))) return null;
  return (halves.length === 2 ? width < 8 : width === 8) ? 6 : null;
}

/** Plain (`65001`) or asdot (`1.10`) notation; null when it is not a valid 32-bit ASN. */
export function parseAsn(text: string | undefined): number | null {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text ?? '');
  if (!match) return null;
  const asn = match[2] === undefined ? Number(match[1]) : Number(match[1]) * 65536 + Number(match[2]);
  const asdotValid = match[2] === undefined || (Number(match[1]) <= 65535 && Number(match[2]) <= 65535);
  return asdotValid && asn >= 1 && asn <= 4294967295 ? asn : null;
}

export const unquote = (text: string): string => text.trim().replace(/^"(.*)"$/, '$1');

export function parseCount(text: string | undefined): number | null {
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : null;
}

/** Collects neighbors and groups of one BGP instance, then resolves inheritance. */
export class NeighborBook {
  private readonly drafts = new Map<string, NeighborDraft>();
  private readonly groups = new Map<string, GroupDraft>();

  constructor(readonly warnings: ImportWarning[]) {}

  warn(line: number, message: string): void {
    this.warnings.push({ line, message });
  }

  /** The draft for `peerIp`, created on first mention; null (with a warning) if not an IP. */
  neighbor(peerIp: string, line: number): NeighborDraft | null {
    const key = peerIp.toLowerCase();
    const existing = this.drafts.get(key);
    if (existing) return existing;
    if (!addressFamilyOf(key)) {
      this.warn(line, `"${peerIp}" is not an IP address; neighbor skipped`);
      return null;
    }
    const draft: NeighborDraft = { ...emptySettings(), peerIp: key, description: null, peerGroup: null, line };
    this.drafts.set(key, draft);
    return draft;
  }

  group(name: string): GroupDraft {
    let group = this.groups.get(name);
    if (!group) {
      group = { ...emptySettings(), name, parent: null };
      this.groups.set(name, group);
    }
    return group;
  }

  hasGroup(name: string): boolean {
    return this.groups.has(name);
  }

  setAsn(target: SessionSettings, text: string | undefined, line: number): void {
    const asn = parseAsn(text);
    if (asn === null) this.warn(line, `invalid AS number "${text ?? ''}"`);
    else target.remoteAsn = asn;
  }

  setMaxPrefixes(target: SessionSettings, family: keyof PrefixLimits, text: string | undefined, line: number): void {
    const count = parseCount(text);
    if (count === null) this.warn(line, `invalid prefix limit "${text ?? ''}"`);
    else target.maxPrefixes[family] = count;
  }

  resolve(): ImportedNeighbor[] {
    return [...this.drafts.values()].map((draft) => {
      const family = addressFamilyOf(draft.peerIp) as AddressFamily;
      const chain = [draft, ...this.ancestors(draft.peerGroup, draft.line)];
      const first = <T>(pick: (settings: SessionSettings) => T | null | undefined): T | null =>
        chain.map(pick).find((value) => value !== null && value !== undefined) ?? null;
      const other = family === 4 ? 6 : 4;
      const neighbor: ImportedNeighbor = {
        peerIp: draft.peerIp,
        remoteAsn: first((s) => s.remoteAsn),
        description: draft.description,
        peerGroup: draft.peerGroup,
        localAddress: first((s) => s.localAddress),
        hasMd5: chain.some((s) => s.hasMd5),
        maxPrefixes: first((s) => s.maxPrefixes[family] ?? s.maxPrefixes.any ?? s.maxPrefixes[other]),
        addressFamily: family,
        shutdown: chain.some((s) => s.shutdown),
        line: draft.line,
      };
      if (neighbor.remoteAsn === null) this.warn(draft.line, `neighbor ${draft.peerIp} has no remote AS`);
      return neighbor;
    });
  }

  private ancestors(groupName: string | null, line: number): GroupDraft[] {
    const chain: GroupDraft[] = [];
    for (let name = groupName; name !== null; ) {
      const group = this.groups.get(name);
      if (!group) {
        this.warn(line, `peer group "${name}" is not defined`);
        break;
      }
      if (chain.includes(group)) break; // templates that inherit from each other
      chain.push(group);
      name = group.parent;
    }
    return chain;
  }
}
