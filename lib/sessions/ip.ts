// Shared by the browser form and the server, so it cannot lean on node:net.

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const HEXTET = /^[0-9a-f]{1,4}$/i;

function isIpv6(text: string): boolean {
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groups = (half: string) => (half === '' ? [] : half.split(':'));
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  const all = [...head, ...tail];
  const last = all.at(-1);
  // An IPv4 tail (::ffff:192.0.2.1) takes the room of two groups.
  const embedded = last !== undefined && IPV4.test(last);
  const hextets = embedded ? all.slice(0, -1) : all;
  if (!hextets.every((g) => HEXTET.test(g))) return false;
  const size = hextets.length + (embedded ? 2 : 0);
  return halves.length === 2 ? size <= 7 : size === 8;
}

/** 4 or 6 for a plain host address ("10.0.12.2", "2001:db8::2"); null for anything else, prefixes included. */
export function ipFamily(text: string): 4 | 6 | null {
  if (IPV4.test(text)) return 4;
  return text.includes(':') && isIpv6(text) ? 6 : null;
}
