import { addressFamilyOf, NeighborBook, parseAsn, unquote, type NeighborTarget, type PrefixLimits } from './neighbor-book';
import type { ImportResult, ImportWarning } from './types';
import { configLines } from './config-lines';

/** Where a `neighbor` line sits inside `router bgp`. */
type BgpScope = {
  book: NeighborBook;
  localAsn: number | null;
  /** Address family of the enclosing `address-family` block; null outside one, `skip` for non-unicast. */
  family: keyof PrefixLimits | 'skip' | null;
};

/** Applies `neighbor <id> <words...>` to `target`; `rest` is the raw text after the keyword. */
export type NeighborStatement = (scope: BgpScope, target: NeighborTarget, words: string[], rest: string, line: number) => void;

// Top-level lines that still belong to `router bgp` in configs written without indentation.
const BGP_SUBCOMMAND = /^(neighbor|no|bgp|address-family|exit-address-family|network|redistribute|timers|maximum-paths|vrf|aggregate-address|router-id|distance)\b/;
const LOOKS_LIKE_IP = /^(\d+\.\d+\.\d+\.\d+|[0-9a-f]*:[0-9a-f:.]*)$/i;

function familyOf(words: string[]): BgpScope['family'] {
  const [afi, safi = 'unicast'] = words;
  if (safi !== 'unicast') return 'skip';
  return afi === 'ipv4' ? 4 : afi === 'ipv6' ? 6 : 'skip';
}

/** Shared by FRR, IOS and EOS: walks every `router bgp` block and hands `neighbor` lines to `apply`. */
export function parseRouterBgp(text: string, apply: NeighborStatement): ImportResult {
  const warnings: ImportWarning[] = [];
  const books: NeighborBook[] = [];
  let scope: BgpScope | null = null;
  let routerBook: NeighborBook | null = null;
  let afIndent = -1;
  let vrfIndent = -1;
  const newBook = () => {
    const book = new NeighborBook(warnings);
    books.push(book);
    return book;
  };

  for (const { line, trimmed, indent, words } of configLines(text)) {

    if (words[0] === 'router' && words[1] === 'bgp') {
      routerBook = newBook();
      scope = { book: routerBook, localAsn: parseAsn(words[2]), family: null };
      vrfIndent = -1;
      continue;
    }
    if (!scope) continue;
    if (indent === 0 && !BGP_SUBCOMMAND.test(trimmed)) {
      scope = null;
      continue;
    }
    if (scope.family !== null && afIndent > 0 && indent <= afIndent) scope.family = null;
    if (vrfIndent > 0 && indent <= vrfIndent && routerBook) {
      scope.book = routerBook;
      vrfIndent = -1;
    }

    if (words[0] === 'address-family') {
      scope.family = familyOf(words.slice(1));
      afIndent = indent;
    } else if (words[0] === 'exit-address-family') {
      scope.family = null;
    } else if (words[0] === 'vrf' && words[1]) {
      // each VRF has its own neighbors and peer groups
      scope.book = newBook();
      vrfIndent = indent;
    } else if (words[0] === 'neighbor' && words[1] && words[2]) {
      applyNeighborLine(scope, words, trimmed, line, apply);
    }
  }

  return { neighbors: books.flatMap((book) => book.resolve()), warnings };
}

function applyNeighborLine(scope: BgpScope, words: string[], trimmed: string, line: number, apply: NeighborStatement): void {
  const [, id, keyword] = words;
  if (keyword === 'interface') {
    scope.book.warn(line, `unnumbered neighbor on interface ${id} has no peer IP; skipped`);
    return;
  }
  const target = LOOKS_LIKE_IP.test(id) ? scope.book.neighbor(id, line) : scope.book.group(id);
  if (!target) return;
  const rest = trimmed.replace(/^neighbor\s+\S+\s+\S+\s*/, '');
  apply(scope, target, words.slice(2), rest, line);
}

/** The statements FRR and classic IOS share (and EOS mostly). */
export const frrNeighborStatement: NeighborStatement = (scope, target, words, rest, line) => {
  const { book } = scope;
  const isNeighbor = 'peerIp' in target;
  switch (words[0]) {
    case 'remote-as':
      if (words[1] === 'internal') target.remoteAsn = scope.localAsn;
      else if (words[1] !== 'external') book.setAsn(target, words[1], line);
      break;
    case 'peer-group':
      if (isNeighbor && words[1]) target.peerGroup = words[1];
      break;
    case 'description':
      if (isNeighbor) target.description = unquote(rest) || null;
      break;
    case 'password':
      target.hasMd5 = true;
      break;
    case 'update-source':
      if (words[1] && addressFamilyOf(words[1])) target.localAddress = words[1].toLowerCase();
      break;
    case 'shutdown':
      target.shutdown = true;
      break;
    case 'maximum-prefix':
      if (scope.family !== 'skip') book.setMaxPrefixes(target, scope.family ?? 'any', words[1], line);
      break;
  }
};

export function parseFrr(text: string): ImportResult {
  return parseRouterBgp(text, frrNeighborStatement);
}
