import type { Platform } from '@/db/schema';
import { parseNeighbors, type ImportedNeighbor, type ImportWarning, type RouterPlatform } from './parse';
import { isBirdProtocolsOutput, parseBirdProtocols } from './bird-protocols';
import { fieldError } from '@/lib/errors';
import { platformNames } from '@/lib/routers/schemas';

/** A neighbor read from a router; `localAsn` when the source says which AS we speak as (BIRD's protocol list). */
export type FoundNeighbor = ImportedNeighbor & { localAsn?: number | null };

export type FoundNeighbors = { neighbors: FoundNeighbor[]; warnings: ImportWarning[] };

const readable = new Set<Platform>(['iosxr', 'junos', 'eos', 'frr', 'ios', 'bird']);

/** The neighbors in a router's configuration text, read the way its platform writes them. */
export function readNeighbors(platform: Platform, text: string): FoundNeighbors {
  if (!readable.has(platform)) {
    throw fieldError('config', `Peerdesk cannot read ${platformNames[platform]} configurations yet`);
  }
  if (platform === 'bird' && isBirdProtocolsOutput(text)) return parseBirdProtocols(text);
  return parseNeighbors(platform as RouterPlatform, text);
}
