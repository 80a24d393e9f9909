import type { ReceivedRoute } from '@/db/schema';

export type Roa = { prefix: string; maxLength: number; asn: number };

/** A prefix as (family, length, the address as a bigint), or null when it is not one. */
function parsePrefix(text: string): { family: 4 | 6; length: number; bits: bigint } | null {
  const [addr, len] = text.split('/');
  const length = Number(len);
  if (!addr || !Number.isInteger(length)) return null;
  if (addr.includes(':')) {
    const halves = addr.split('::');
    if (halves.length > 2) return null;
    const head = halves[0] ? halves[0].split(':') : [];
    const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
    const groups = [...head, ...Array(8 - head.length - tail.length).fill('0'), ...tail];
    if (groups.length !== 8 || length > 128 || !groups.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return null;
    return { family: 6, length, bits: groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n) };
  }
  const octets = addr.split('.').map(Number);
  if (octets.length !== 4 || length > 32 || !octets.every((o) => Number.isInteger(o) && o >= 0 && o <= 255)) return null;
  return { family: 4, length, bits: octets.reduce((acc, o) => (acc << 8n) | BigInt(o), 0n) };
}

/** Whether `outer` covers `inner` (equal or less specific, same leading bits). */
function covers(outer: ReturnType<typeof parsePrefix>, inner: ReturnType<typeof parsePrefix>): boolean {
  if (!outer || !inner || outer.family !== inner.family || outer.length > inner.length) return false;
  const width = outer.family === 4 ? 32n : 128n;
  const shift = width - BigInt(outer.length);
  return outer.bits >> shift === inner.bits >> shift;
}

/** RFC 6811 origin validation: not found without a covering ROA; valid when one matches origin and length; else invalid. */
export function originValidation(prefix: string, origin: number | null, roas: Roa[]): ReceivedRoute['rpki'] {
  const route = parsePrefix(prefix);
  let covered = false;
  for (const roa of roas) {
    if (!covers(parsePrefix(roa.prefix), route)) continue;
    covered = true;
    if (origin !== null && roa.asn === origin && route!.length <= roa.maxLength) return 'valid';
  }
  return covered ? 'invalid' : 'notfound';
}

/** The origin AS of an AS path as FRR prints it ("65002 65010"); null for an empty path or one ending in an AS_SET. */
export function originOf(asPath: string): number | null {
  const last = asPath.trim().split(/\s+/).at(-1) ?? '';
  return /^\d+$/.test(last) ? Number(last) : null;
}
