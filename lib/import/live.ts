import type { Router } from '@/db/schema';
import type { ImportWarning } from './types';
import { addressFamilyOf } from './neighbor-book';
import { connectRouter, controlCommandOf, RouterConnectionError, type RouterConnection } from '@/lib/config/transport';
import { ServiceError } from '@/lib/errors';
import { readNeighbors, type FoundNeighbor, type FoundNeighbors } from './neighbors';
import { platformNames } from '@/lib/routers/schemas';
import { livePlatforms } from './schemas';

/** What was read from the router: the text an import works from, and its neighbors. */
export type LiveRead = { text: string; found: FoundNeighbors };

/**
 * Reads the router over its transport, in one connection: FRR's running configuration (checked
 * against the BGP state FRR reports), or BIRD's `show protocols all`.
 */
export async function readLive(router: Router): Promise<LiveRead> {
  if (!livePlatforms.includes(router.platform)) {
    throw new ServiceError(
      'validation',
      `Live import works for FRR and BIRD routers; paste the configuration for ${platformNames[router.platform]}`,
      { config: `Paste the configuration of ${router.name}` },
    );
  }
  let connection: RouterConnection | undefined;
  try {
    connection = await connectRouter(router);
    const control = controlCommandOf(router);
    if (router.platform === 'bird') {
      const text = await output(connection, router, `${control} show protocols all`);
      return { text, found: readNeighbors('bird', text) };
    }
    const text = await output(connection, router, `${control} -c 'show running-config'`);
    const state = await connection.run(`${control} -c 'show bgp vrf all neighbors json'`);
    const found = readNeighbors('frr', text);
    found.warnings.push(...crossCheck(found.neighbors, state.code === 0 ? state.stdout : null));
    return { text, found };
  } catch (error) {
    if (error instanceof RouterConnectionError) throw new ServiceError('unavailable', `Could not read ${router.name}: ${error.message}`);
    throw error;
  } finally {
    await connection?.close();
  }
}

async function output(connection: RouterConnection, router: Router, command: string) {
  const result = await connection.run(command);
  if (result.code !== 0) {
    const said = (result.stderr || result.stdout).trim().split('\n').slice(-3).join(' ');
    throw new ServiceError('unavailable', `"${command}" failed on ${router.name} (exit ${result.code})${said ? `: ${said}` : ''}`);
  }
  return result.stdout;
}

type FrrNeighborState = { remoteAs?: number };

/**
 * Where the running configuration and FRR's own view of its neighbors (`show bgp vrf all neighbors
 * json`; null when that failed) disagree: worth a look before importing.
 */
export function crossCheck(neighbors: FoundNeighbor[], json: string | null): ImportWarning[] {
  if (json === null) return [{ line: 0, message: "could not check against FRR's BGP state: the command failed" }];
  let live: Map<string, FrrNeighborState>;
  try {
    live = new Map(
      Object.values(JSON.parse(json) as Record<string, Record<string, unknown>>).flatMap((vrf) =>
        Object.entries(vrf)
          // unnumbered neighbors are keyed by interface; the parser already warned about those
          .filter(([key, value]) => addressFamilyOf(key) !== null && typeof value === 'object')
          .map(([ip, value]): [string, FrrNeighborState] => [ip.toLowerCase(), value as FrrNeighborState]),
      ),
    );
  } catch (error) {
    return [{ line: 0, message: `could not check against FRR's BGP state: ${error instanceof Error ? error.message : error}` }];
  }
  const warnings: ImportWarning[] = [];
  for (const neighbor of neighbors) {
    const remoteAs = live.get(neighbor.peerIp)?.remoteAs;
    live.delete(neighbor.peerIp);
    if (!remoteAs) continue;
    if (neighbor.remoteAsn === null) {
      warnings.push({ line: neighbor.line, message: `neighbor ${neighbor.peerIp} has no AS number in the configuration; FRR sees AS${remoteAs}` });
    } else if (neighbor.remoteAsn !== remoteAs) {
      warnings.push({ line: neighbor.line, message: `neighbor ${neighbor.peerIp} is AS${neighbor.remoteAsn} in the configuration, but FRR reports AS${remoteAs}` });
    }
  }
  for (const ip of live.keys()) {
    warnings.push({ line: 0, message: `FRR reports neighbor ${ip}, which the running configuration does not list` });
  }
  return warnings;
}
