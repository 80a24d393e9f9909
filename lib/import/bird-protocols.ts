import { addressFamilyOf, parseAsn, parseCount } from './neighbor-book';
import type { AddressFamily, ImportedNeighbor, ImportWarning } from './types';

/** A BGP protocol as a running BIRD reports it: a neighbor, plus the local AS it speaks as. */
export type BirdProtocolNeighbor = ImportedNeighbor & { protocol: string; localAsn: number | null };

export type BirdProtocolsResult = { neighbors: BirdProtocolNeighbor[]; warnings: ImportWarning[] };

type Draft = {
  protocol: string;
  line: number;
  down: boolean;
  peerIp: string | null;
  range: string | null;
  remoteAsn: number | null;
  localAsn: number | null;
  description: string | null;
  sourceAddress: string | null;
  limits: Partial<Record<AddressFamily, number>>;
};

// The value is trimmed in code and nothing follows `(.*)`: `(.*?)\s*$` rescanned a long run of spaces once per character.
const DETAIL = /^\s+(Description|Neighbor address|Neighbor range|Neighbor AS|Local AS|Source address|Import limit|Receive limit):\s+(.*)/;
const CHANNEL = /^\s+Channel (ipv4|ipv6)\b/;

/** Whether the text is `birdc show protocols all` output rather than a bird.conf. */
export function isBirdProtocolsOutput(text: string): boolean {
  // [ \t] rather than \s: with \s, a run of blank lines would be rescanned from every line start.
  return /^Name[ \t]+Proto[ \t]+Table[ \t]+State\b/m.test(text) || /^[ \t]+Neighbor (address|range):/m.test(text);
}

/**
 * Reads `birdc show protocols all`: one neighbor per BGP protocol, from its header line (name and
 * state) and the indented details below it. A protocol in state `down` is disabled on the router.
 */
export function parseBirdProtocols(text: string): BirdProtocolsResult {
  const drafts: Draft[] = [];
  let current: Draft | null = null;
  let channel: AddressFamily | null = null;

  for (const [index, raw] of text.split('\n').entries()) {
    const content = raw.replace(/\r$/, '');
    if (/^\S/.test(content)) {
      const words = content.trim().split(/\s+/);
      current = words[1] === 'BGP' && words.length >= 4 ? newDraft(words, index + 1) : null;
      if (current) drafts.push(current);
      channel = null;
      continue;
    }
    if (!current) continue;
    const channelMatch = CHANNEL.exec(content);
    if (channelMatch) {
      channel = channelMatch[1] === 'ipv4' ? 4 : 6;
      continue;
    }
    const detail = DETAIL.exec(content);
    if (detail) readDetail(current, detail[1], detail[2].trim(), channel);
  }

  const warnings: ImportWarning[] = [];
  const neighbors = drafts.flatMap((draft) => {
    if (draft.range) {
      warnings.push({ line: draft.line, message: `protocol ${draft.protocol} accepts any neighbor in ${draft.range}; dynamic sessions are not imported` });
      return [];
    }
    if (!draft.peerIp) {
      warnings.push({ line: draft.line, message: `protocol ${draft.protocol} has no neighbor address; skipped` });
      return [];
    }
    if (draft.remoteAsn === null) warnings.push({ line: draft.line, message: `neighbor ${draft.peerIp} has no remote AS` });
    return [toNeighbor(draft, draft.peerIp)];
  });
  if (drafts.length === 0) warnings.push({ line: 1, message: 'no BGP protocols found in this BIRD output' });
  return { neighbors, warnings };
}

function newDraft(words: string[], line: number): Draft {
  return {
    protocol: words[0],
    line,
    down: words[3] === 'down',
    peerIp: null,
    range: null,
    remoteAsn: null,
    localAsn: null,
    description: null,
    sourceAddress: null,
    limits: {},
  };
}

function readDetail(draft: Draft, key: string, value: string, channel: AddressFamily | null): void {
  switch (key) {
    case 'Description':
      draft.description = value || null;
      break;
    case 'Neighbor address':
      draft.peerIp = value.toLowerCase();
      break;
    case 'Neighbor range':
      draft.range = value;
      break;
    case 'Neighbor AS':
      draft.remoteAsn = parseAsn(value);
      break;
    case 'Local AS':
      draft.localAsn = parseAsn(value);
      break;
    case 'Source address':
      draft.sourceAddress = addressFamilyOf(value) ? value.toLowerCase() : null;
      break;
    default: {
      // Import and Receive limits both cap what the peer may send; the first one listed wins.
      const count = parseCount(value);
      if (channel !== null && count !== null) draft.limits[channel] ??= count;
    }
  }
}

function toNeighbor(draft: Draft, peerIp: string): BirdProtocolNeighbor {
  // A scoped link-local address (fe80::1%eth0) is kept as BIRD shows it: the import says why it cannot take it.
  const family: AddressFamily = addressFamilyOf(peerIp) ?? (peerIp.includes(':') ? 6 : 4);
  return {
    protocol: draft.protocol,
    localAsn: draft.localAsn,
    peerIp,
    remoteAsn: draft.remoteAsn,
    description: draft.description,
    peerGroup: null,
    localAddress: draft.sourceAddress,
    hasMd5: false,
    maxPrefixes: draft.limits[family] ?? null,
    addressFamily: family,
    shutdown: draft.down,
    line: draft.line,
  };
}
