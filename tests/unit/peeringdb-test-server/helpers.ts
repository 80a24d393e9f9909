import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

/** Real PeeringDB samples live beside the repo (never in it): `../shared/data/peeringdb`. */
export const SAMPLES_DIR = path.resolve(repoRoot, '../shared/data/peeringdb');
export const samplePagesPresent = existsSync(path.join(SAMPLES_DIR, 'api-pages/beta/anon'));

export interface Envelope<T = Record<string, unknown>> {
  data: T[];
  meta: { error?: string };
}

export async function getJson<T = Record<string, unknown>>(url: string, apiKey?: string): Promise<{
  status: number;
  body: Envelope<T>;
  headers: Headers;
}> {
  const response = await fetch(url, { headers: apiKey ? { Authorization: `Api-Key ${apiKey}` } : {} });
  return { status: response.status, body: (await response.json()) as Envelope<T>, headers: response.headers };
}

/** Every row of a list, paged the way a sync client must: on until an empty page, never stopping on a short one. */
export async function pageThrough<T extends { id: number }>(
  listUrl: string,
  limit: number,
  apiKey?: string,
): Promise<{ rows: T[]; requests: number }> {
  const rows: T[] = [];
  for (let skip = 0, requests = 1; ; skip += limit, requests++) {
    const separator = listUrl.includes('?') ? '&' : '?';
    const { status, body } = await getJson<T>(`${listUrl}${separator}limit=${limit}&skip=${skip}`, apiKey);
    if (status !== 200) throw new Error(`HTTP ${status} at skip=${skip}`);
    if (body.data.length === 0) return { rows, requests };
    rows.push(...body.data);
  }
}

function ipv4ToNumber(address: string): number {
  return address.split('.').reduce((value, octet) => value * 256 + Number(octet), 0);
}

export function inIpv4Prefix(address: string, prefix: string): boolean {
  const [network, length] = prefix.split('/');
  const size = 2 ** (32 - Number(length));
  const base = ipv4ToNumber(network);
  const value = ipv4ToNumber(address);
  return value >= base && value < base + size;
}

/** Full 8-group expansion, so that prefix membership is a string comparison of the first groups. */
function expandIpv6(address: string): string[] {
  const [head, tail] = address.includes('::') ? address.split('::') : [address, ''];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return groups.map((group) => group.padStart(4, '0').toLowerCase());
}

export function inIpv6Prefix64(address: string, prefix: string): boolean {
  return expandIpv6(address).slice(0, 4).join(':') === expandIpv6(prefix.split('/')[0]).slice(0, 4).join(':');
}
