/**
 * What may go to bgpq4 as an AS-SET: an ASN or an AS-SET name (hierarchical names too), with an
 * optional IRR source prefix (RIPE::AS-FOO). Nothing else reaches its argument list: no leading
 * dash (an option), no spaces, nothing a shell or the IRR protocol would read as syntax.
 */
const AS_SET_SHAPE = /^(?:[A-Z][A-Z0-9-]{0,31}::)?(?:AS\d{1,10}|(?:AS\d{1,10}:)?AS-[A-Z0-9_-]{1,64}(?::AS-[A-Z0-9_-]{1,64})*)$/;

/** Upper-cased, or null when it does not have the shape of an AS-SET. */
export function safeAsSet(text: string): string | null {
  const upper = text.trim().toUpperCase();
  return AS_SET_SHAPE.test(upper) ? upper : null;
}

/**
 * PeeringDB's irr_as_set is free text: "AS-FOO", "RIPE::AS-FOO", "AS-FOO AS-BAR", "ARIN::AS-X, RIPE::AS-Y".
 * The first entry of a safe shape, or null.
 */
export function asSetFromPeeringDb(irrAsSet: string | null): string | null {
  if (!irrAsSet) return null;
  for (const part of irrAsSet.split(/[\s,;]+/)) {
    const safe = part ? safeAsSet(part) : null;
    if (safe) return safe;
  }
  return null;
}

export const AS_SET_RULE = 'An ASN (AS65002) or AS-SET (AS-FOO, AS65002:AS-FOO), optionally with its IRR source (RIPE::AS-FOO)';

/** The name of a peer's list on the router: PD-AS65002-V4 (BIRD: PD_AS65002_V4). */
export const prefixListName = (peerAsn: number, family: 4 | 6) => `PD-AS${peerAsn}-V${family}`;
export const birdPrefixListName = (peerAsn: number, family: 4 | 6) => `PD_AS${peerAsn}_V${family}`;
