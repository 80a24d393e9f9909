import { parseBraceConfig, tokenize, type BraceStatement } from './brace-config';
import { addressFamilyOf, NeighborBook, parseAsn, type GroupDraft, type NeighborTarget } from './neighbor-book';
import type { ImportResult, ImportWarning } from './types';

// Both Junos notations are read as paths of words, e.g.
//   set protocols bgp group IXP neighbor 192.0.2.1 peer-as 65001
//   protocols { bgp { group IXP { neighbor 192.0.2.1 { peer-as 65001; } } } }
// both give [protocols bgp group IXP neighbor 192.0.2.1 peer-as 65001].

const FAMILIES: Record<string, 4 | 6> = { inet: 4, inet6: 6 };

class JunosReader {
  readonly warnings: ImportWarning[] = [];
  /** One book per routing instance / logical system, keyed by the path before `protocols`. */
  private readonly books = new Map<string, NeighborBook>();
  private readonly localAsns = new Map<string, number>();
  private readonly internalGroups: { instance: string; group: GroupDraft }[] = [];

  /**
   * Applies one path. An inactive group or neighbor is imported as shut down; any other
   * inactive statement is ignored. Returns whether the statement's children still apply.
   */
  apply(path: string[], line: number, inactive: boolean): boolean {
    const at = path.findIndex((word, index) => word === 'protocols' && path[index + 1] === 'bgp');
    if (at === -1) {
      if (!inactive) this.readLocalAsn(path);
      return !inactive;
    }
    const instance = path.slice(0, at).join(' ');
    const [groupKeyword, groupName, ...rest] = path.slice(at + 2);
    if (groupKeyword !== 'group' || !groupName) return !inactive;

    const book = this.book(instance);
    const group = book.group(groupName);
    let target: NeighborTarget | null = group;
    let attributes = rest;
    if (rest[0] === 'neighbor' && rest[1]) {
      target = book.neighbor(rest[1], line);
      if (target) target.peerGroup = groupName;
      attributes = rest.slice(2);
    }
    if (!target) return false;
    if (attributes.length === 0) {
      if (inactive) target.shutdown = true;
      return true;
    }
    if (!inactive) this.applyAttribute(book, target, attributes, line, instance);
    return !inactive;
  }

  private applyAttribute(book: NeighborBook, target: NeighborTarget, words: string[], line: number, instance: string) {
    const [keyword, value] = words;
    if (keyword === 'peer-as') book.setAsn(target, value, line);
    else if (keyword === 'authentication-key' || keyword === 'authentication-key-chain') target.hasMd5 = value !== undefined;
    else if (keyword === 'local-address' && value && addressFamilyOf(value)) target.localAddress = value.toLowerCase();
    else if (keyword === 'description' && 'peerIp' in target) target.description = value ?? null;
    else if (keyword === 'type' && value === 'internal' && !('peerIp' in target)) this.internalGroups.push({ instance, group: target });
    else if (keyword === 'family' && FAMILIES[value] && words[2] === 'unicast') {
      const limit = words.slice(3);
      if ((limit[0] === 'prefix-limit' || limit[0] === 'accepted-prefix-limit') && limit[1] === 'maximum') {
        book.setMaxPrefixes(target, FAMILIES[value], limit[2], line);
      }
    }
  }

  private readLocalAsn(path: string[]): void {
    const at = path.indexOf('routing-options');
    if (at === -1 || path[at + 1] !== 'autonomous-system') return;
    const asn = parseAsn(path[at + 2]);
    if (asn !== null) this.localAsns.set(path.slice(0, at).join(' '), asn);
  }

  private book(instance: string): NeighborBook {
    let book = this.books.get(instance);
    if (!book) {
      book = new NeighborBook(this.warnings);
      this.books.set(instance, book);
    }
    return book;
  }

  result(): ImportResult {
    // an internal group's peers are in our own AS, which routing-options names
    for (const { instance, group } of this.internalGroups) {
      group.remoteAsn ??= this.localAsns.get(instance) ?? this.localAsns.get('') ?? null;
    }
    const neighbors = [...this.books.values()].flatMap((book) => book.resolve());
    return { neighbors, warnings: this.warnings };
  }
}

function readSetCommands(reader: JunosReader, text: string): void {
  for (const [index, raw] of text.split('\n').entries()) {
    const words = tokenize(raw, index + 1).filter((token) => token.quoted || (token.text !== '[' && token.text !== ']'));
    const verb = words[0]?.text;
    if (verb === 'set' || verb === 'deactivate') {
      reader.apply(words.slice(1).map((word) => word.text), index + 1, verb === 'deactivate');
    }
  }
}

function walk(reader: JunosReader, statements: BraceStatement[], prefix: string[]): void {
  for (const statement of statements) {
    const path = [...prefix, ...statement.words];
    const childrenApply = reader.apply(path, statement.line, statement.inactive);
    if (statement.children && childrenApply) walk(reader, statement.children, path);
  }
}

export function parseJunos(text: string): ImportResult {
  const reader = new JunosReader();
  // [ \t] rather than \s: with \s, a run of blank lines would be rescanned from every line start.
  if (/^[ \t]*(set|deactivate)\s/m.test(text)) readSetCommands(reader, text);
  else walk(reader, parseBraceConfig(text, reader.warnings), []);
  return reader.result();
}
