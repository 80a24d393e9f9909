import { parseBird } from './bird';
import { parseEos } from './eos';
import { parseFrr } from './frr';
import { parseIosXr } from './iosxr';
import { parseJunos } from './junos';
import type { ConfigImporter, ImportResult, RouterPlatform } from './types';

export type { ImportedNeighbor, ImportResult, ImportWarning, RouterPlatform } from './types';

const IMPORTERS: Record<RouterPlatform, ConfigImporter> = {
  iosxr: parseIosXr,
  junos: parseJunos,
  eos: parseEos,
  frr: parseFrr,
  // classic IOS/IOS-XE `router bgp` reads like FRR's
  ios: parseFrr,
  bird: parseBird,
};

const PLATFORM_NAMES: Record<RouterPlatform, string> = {
  iosxr: 'IOS-XR',
  junos: 'Junos',
  eos: 'EOS',
  frr: 'FRR',
  ios: 'IOS',
  bird: 'BIRD',
};

/**
 * Reads the BGP neighbors out of a router's configuration text. Never throws: text it cannot
 * make sense of gives no neighbors and a warning saying so.
 */
export function parseNeighbors(platform: RouterPlatform, text: string): ImportResult {
  let result: ImportResult;
  try {
    result = IMPORTERS[platform](text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { neighbors: [], warnings: [{ line: 1, message: `could not read the configuration: ${reason}` }] };
  }
  const neighbors = result.neighbors.sort((a, b) => a.line - b.line);
  const warnings = result.warnings.sort((a, b) => a.line - b.line);
  if (neighbors.length === 0) {
    warnings.push({ line: 1, message: `no BGP neighbors found in this ${PLATFORM_NAMES[platform]} configuration` });
  }
  return { neighbors, warnings };
}
