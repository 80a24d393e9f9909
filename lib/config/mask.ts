import type { NeighborSpec } from './drivers/types';
import { MD5_KEY_CHARS } from '@/lib/templates/quoting';

export const MASK = '********';

// A key the router has that Peerdesk may not know, after these words on any platform: FRR/IOS
// `password [0|7] x`, BIRD `password "x"`, Junos/SR OS `authentication-key "x"`, `secret`. The value
// is one quoted string (escapes included) or one word: neither can reach past the end of its line,
// so masking never hides a line or the rest of one.
const KEY_AFTER = /\b(password|authentication-key|auth-key|md5-key|secret)([ \t]+(?:(?:encrypted|clear|hash2?|[07])[ \t]+)?)("(?:[^"\\\n]|\\.)*"|[^\s;"]+)/gi;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

// A known key is masked where it stands as a whole word: "PEER" as a key leaves PEER-IN alone.
function maskKey(text: string, key: string): string {
  return text.replace(new RegExp(`(?<!${MD5_KEY_CHARS})${escapeRegExp(key)}(?!${MD5_KEY_CHARS})`, 'g'), MASK);
}

/**
 * Router text as it may be stored or shown: the sessions' own MD5 keys wherever they stand as a
 * whole word (a key holds no space, quote or line break, so this is exact), then anything that
 * looks like a key after a key word. Pushes are recorded and displayed only like this.
 */
export function maskSecrets(text: string, neighbors: Pick<NeighborSpec, 'md5'>[]): string {
  let out = text;
  for (const n of neighbors) if (n.md5) out = maskKey(out, n.md5);
  return out.replace(KEY_AFTER, (_all, word: string, gap: string, value: string) => `${word}${gap}${value.startsWith('"') ? `"${MASK}"` : MASK}`);
}

/** An edit made on masked text: ******** stands for the session's own key again when pushed. */
export function unmaskSecrets(text: string, neighbor: Pick<NeighborSpec, 'md5'>): string {
  return neighbor.md5 ? text.split(MASK).join(neighbor.md5) : text;
}

/**
 * The Config Manager's edit as it may be stored: keys as ********. A key is set on the session (its
 * MD5 field), never typed into an edit, so the edit cannot carry a secret into the job, the change
 * or the push history. Null when it is fine; else why it is refused.
 */
export function editProblem(edited: string, neighbor: Pick<NeighborSpec, 'md5'>): string | null {
  const masked = maskSecrets(edited, [neighbor]);
  if (masked.includes(MASK) && !neighbor.md5) return 'This session has no MD5 key: set one on the session, then leave ******** where it goes';
  if (unmaskSecrets(masked, neighbor) !== unmaskSecrets(edited, neighbor)) {
    return 'Keys are set on the session (its MD5 field), not typed here: leave ******** where the key goes';
  }
  return null;
}
