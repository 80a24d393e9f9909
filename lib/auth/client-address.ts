import { isIP } from 'node:net';

/** One entry of TRUSTED_PROXIES: an address or a CIDR block, as a bit string prefix. */
type Block = { family: 4 | 6; bits: string };

/** `TRUSTED_PROXIES`: addresses and CIDRs, comma-separated. A malformed entry is an error at start, not a silent hole. */
export function parseTrustedProxies(text: string | undefined): Block[] {
  return (text ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const [address, length, extra] = entry.split('/');
      const bits = addressBits(address);
      const prefix = length === undefined ? bits?.length : Number(length);
      if (!bits || extra !== undefined || !Number.isInteger(prefix) || prefix! < 0 || prefix! > bits.length || (length !== undefined && !/^\d+$/.test(length))) {
        throw new Error(`TRUSTED_PROXIES: "${entry}" is not an address or CIDR (e.g. 10.0.0.0/8, ::1)`);
      }
      return { family: bits.length === 32 ? 4 : 6, bits: bits.slice(0, prefix) };
    });
}

export function isTrusted(address: string, proxies: Block[]) {
  const bits = addressBits(address);
  return !!bits && proxies.some((p) => p.family === (bits.length === 32 ? 4 : 6) && bits.startsWith(p.bits));
}

/**
 * The address a sign-in is counted against. The right-most X-Forwarded-For entry is the direct
 * peer (the server appends it: scripts/serve.mjs); each trusted proxy vouches for the entry to its
 * left. The answer is the right-most address no trusted proxy added; with no TRUSTED_PROXIES it is
 * the direct peer, whatever the client wrote.
 */
export function clientAddress(forwardedFor: string | null, proxies: Block[]): string {
  const chain = (forwardedFor ?? '').split(',').map(normalize).filter(Boolean);
  for (let i = chain.length - 1; i >= 0; i--) {
    if (i === 0 || !isTrusted(chain[i], proxies)) return chain[i];
  }
  return 'unknown';
}

/** `::ffff:192.0.2.1` (IPv4 on a dual-stack socket) counts as 192.0.2.1; `[::1]:443` and zone ids are trimmed. */
function normalize(entry: string) {
  const address = entry.trim().replace(/^\[([^\]]*)\](?::\d+)?$/, '$1').replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return (mapped ? mapped[1] : address).toLowerCase();
}

function addressBits(raw: string): string | undefined {
  const address = normalize(raw);
  const family = isIP(address);
  if (family === 4) return address.split('.').map((octet) => Number(octet).toString(2).padStart(8, '0')).join('');
  if (family !== 6) return undefined;
  let text = address;
  const v4Tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4Tail) {
    const [a, b, c, d] = v4Tail[1].split('.').map(Number);
    text = text.slice(0, -v4Tail[1].length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return groups.map((g) => parseInt(g, 16).toString(2).padStart(16, '0')).join('');
}
