import type { NeighborSpec } from './drivers/types';

export const MASK = '********';

// A key after these words, on any platform: FRR/IOS `password`, BIRD `password "…"`, Junos `authentication-key`.
const KEY_AFTER = /\b(password|authentication-key|auth-key|md5-key)(\s+(?:encrypted\s+|[07]\s+)?)("[^"\n]*"|[^\s;]+)/gi;

/**
 * Router text as it may be stored or shown: the sessions' MD5 keys, and anything that looks like a
 * key on the router's side, become ********. Pushes are recorded and displayed only like this.
 */
export function maskSecrets(text: string, neighbors: Pick<NeighborSpec, 'md5'>[]): string {
  let out = text;
  for (const n of neighbors) if (n.md5) out = out.split(n.md5).join(MASK);
  return out.replace(KEY_AFTER, (_all, word: string, gap: string, value: string) => `${word}${gap}${value.startsWith('"') ? `"${MASK}"` : MASK}`);
}

/** An edit made on masked text: ******** stands for the session's own key again when pushed. */
export function unmaskSecrets(text: string, neighbor: Pick<NeighborSpec, 'md5'>): string {
  return neighbor.md5 ? text.split(MASK).join(neighbor.md5) : text;
}
