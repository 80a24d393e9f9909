import { addressFamilyOf, NeighborBook, unquote, type NeighborTarget } from './neighbor-book';
import type { ImportResult, ImportWarning } from './types';
import { configLines } from './config-lines';

// IOS-XR nests by indentation: router bgp > neighbor / neighbor-group > address-family.
type Frame =
  | { kind: 'bgp'; indent: number; book: NeighborBook }
  | { kind: 'session'; indent: number; book: NeighborBook; target: NeighborTarget | null }
  | { kind: 'family'; indent: number; book: NeighborBook; target: NeighborTarget | null; family: 4 | 6 | null }
  | { kind: 'other'; indent: number };

function familyOf(words: string[]): 4 | 6 | null {
  if (words[2] !== 'unicast') return null;
  return words[1] === 'ipv4' ? 4 : words[1] === 'ipv6' ? 6 : null;
}

function applySessionLine(book: NeighborBook, target: NeighborTarget, words: string[], trimmed: string, line: number): void {
  switch (words[0]) {
    case 'remote-as':
      book.setAsn(target, words[1], line);
      break;
    case 'use':
      if (words[1] === 'neighbor-group' && words[2] && 'peerIp' in target) target.peerGroup = words[2];
      break;
    case 'description':
      if ('peerIp' in target) target.description = unquote(trimmed.slice('description'.length)) || null;
      break;
    case 'password':
      // `password inheritance-disable` turns an inherited password off
      if (words[1] !== 'inheritance-disable') target.hasMd5 = true;
      break;
    case 'update-source':
      // usually an interface, whose address the configuration does not tell
      if (words[1] && addressFamilyOf(words[1])) target.localAddress = words[1].toLowerCase();
      break;
    case 'shutdown':
      target.shutdown = true;
      break;
  }
}

export function parseIosXr(text: string): ImportResult {
  const warnings: ImportWarning[] = [];
  const books: NeighborBook[] = [];
  const stack: Frame[] = [];
  const newBook = () => {
    const book = new NeighborBook(warnings);
    books.push(book);
    return book;
  };

  for (const { line, trimmed, indent, words } of configLines(text)) {
    while (stack.length && stack[stack.length - 1].indent >= indent) stack.pop();
    const parent = stack.at(-1);

    if (words[0] === 'router' && words[1] === 'bgp') {
      stack.length = 0;
      stack.push({ kind: 'bgp', indent, book: newBook() });
      continue;
    }
    if (!parent) continue;
    // every line opens a frame, so the children of statements we ignore are ignored too
    let frame: Frame = { kind: 'other', indent };
    if (parent.kind === 'bgp' && (words[0] === 'neighbor' || words[0] === 'neighbor-group') && words[1]) {
      const { book } = parent;
      const target = words[0] === 'neighbor' ? book.neighbor(words[1], line) : book.group(words[1]);
      frame = { kind: 'session', indent, book, target };
    } else if (parent.kind === 'bgp' && words[0] === 'vrf') {
      // a VRF holds its own neighbors, which may reuse the default table's addresses
      frame = { kind: 'bgp', indent, book: newBook() };
    } else if (parent.kind === 'session' && words[0] === 'address-family') {
      frame = { kind: 'family', indent, book: parent.book, target: parent.target, family: familyOf(words) };
    } else if (parent.kind === 'session' && parent.target) {
      applySessionLine(parent.book, parent.target, words, trimmed, line);
    } else if (parent.kind === 'family' && parent.target && parent.family && words[0] === 'maximum-prefix') {
      parent.book.setMaxPrefixes(parent.target, parent.family, words[1], line);
    }
    stack.push(frame);
  }

  return { neighbors: books.flatMap((book) => book.resolve()), warnings };
}
