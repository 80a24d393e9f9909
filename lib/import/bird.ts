import { parseBraceConfig, type BraceStatement } from './brace-config';
import { addressFamilyOf, NeighborBook, parseAsn, type SessionSettings } from './neighbor-book';
import type { ImportResult, ImportWarning } from './types';

/** What one `protocol bgp` or `template bgp` block says about its session. */
type BirdSession = SessionSettings & {
  peerIp: string | null;
  description: string | null;
  localAsn: number | null;
  internal: boolean;
};

const OFF = new Set(['no', 'off', 'false']);

const settingsOf = ({ remoteAsn, hasMd5, localAddress, shutdown, maxPrefixes }: BirdSession): SessionSettings => ({
  remoteAsn, hasMd5, localAddress, shutdown, maxPrefixes,
});

/** Shared by the blocks of one file: where warnings go and the `define NAME = value;` constants. */
type BirdContext = { book: NeighborBook; constants: Map<string, string> };

const constant = (context: BirdContext, word: string | undefined) => (word && context.constants.get(word)) ?? word;

function readNeighbor(session: BirdSession, words: string[], context: BirdContext, line: number): void {
  for (let i = 0; i < words.length; i++) {
    if (addressFamilyOf(words[i])) session.peerIp = words[i];
    else if (words[i] === 'as') context.book.setAsn(session, constant(context, words[++i]), line);
    else if (words[i] === 'internal') session.internal = true;
    else if (words[i] === 'port') i++;
  }
}

function readLocal(session: BirdSession, words: string[], context: BirdContext): void {
  for (let i = 0; i < words.length; i++) {
    if (addressFamilyOf(words[i])) session.localAddress = words[i].toLowerCase();
    else if (words[i] === 'as') session.localAsn = parseAsn(constant(context, words[++i]));
    else if (words[i] === 'port') i++;
  }
}

function readChannel(session: BirdSession, family: 4 | 6, statements: BraceStatement[], context: BirdContext): void {
  for (const { words, line } of statements) {
    if (words[0] === 'import' && words[1] === 'limit' && words[2] !== 'off') {
      context.book.setMaxPrefixes(session, family, constant(context, words[2]), line);
    }
  }
}

function readSession(statements: BraceStatement[], context: BirdContext): BirdSession {
  const session: BirdSession = {
    remoteAsn: null, hasMd5: false, localAddress: null, shutdown: false, maxPrefixes: {},
    peerIp: null, description: null, localAsn: null, internal: false,
  };
  for (const { words, line, children } of statements) {
    const [keyword, ...rest] = words;
    if (keyword === 'neighbor') readNeighbor(session, rest, context, line);
    else if (keyword === 'local') readLocal(session, rest, context);
    else if (keyword === 'source' && rest[0] === 'address' && rest[1]) session.localAddress = rest[1].toLowerCase();
    else if (keyword === 'password') session.hasMd5 = true;
    else if (keyword === 'description') session.description = rest[0] ?? null;
    else if (keyword === 'disabled') session.shutdown = !OFF.has(rest[0]);
    else if ((keyword === 'ipv4' || keyword === 'ipv6') && rest.length === 0 && children) {
      readChannel(session, keyword === 'ipv4' ? 4 : 6, children, context);
    }
  }
  return session;
}

type Declaration = { name: string | null; template: string | null };

// `protocol bgp [name] [from template] {` and `template bgp name [from template] {`
function readDeclaration(words: string[]): Declaration {
  const from = words.indexOf('from');
  const name = words[2] !== undefined && words[2] !== 'from' ? words[2] : null;
  return { name, template: from === -1 ? null : (words[from + 1] ?? null) };
}

export function parseBird(text: string): ImportResult {
  const warnings: ImportWarning[] = [];
  const book = new NeighborBook(warnings);
  const context: BirdContext = { book, constants: new Map() };
  const templates = new Map<string, BirdSession & Declaration>();
  const protocols: { session: BirdSession; declaration: Declaration; line: number }[] = [];

  for (const { words, line, children } of parseBraceConfig(text, warnings)) {
    if (words[0] === 'define' && words[2] === '=' && words[3] !== undefined) {
      context.constants.set(words[1], words[3]);
    } else if (words[0] === 'include') {
      warnings.push({ line, message: `include "${words[1] ?? ''}" is not followed; import that file separately` });
    } else if (words[1] !== 'bgp' || !children) {
      continue;
    } else if (words[0] === 'template') {
      const declaration = readDeclaration(words);
      if (!declaration.name) continue;
      const session = readSession(children, context);
      templates.set(declaration.name, { ...session, ...declaration });
      Object.assign(book.group(declaration.name), settingsOf(session), { parent: declaration.template });
    } else if (words[0] === 'protocol') {
      protocols.push({ session: readSession(children, context), declaration: readDeclaration(words), line });
    }
  }

  const templateChain = (start: string | null) => {
    const chain: BirdSession[] = [];
    for (let template = start ? templates.get(start) : undefined; template && !chain.includes(template); ) {
      chain.push(template);
      template = template.template ? templates.get(template.template) : undefined;
    }
    return chain;
  };

  for (const { session, declaration, line } of protocols) {
    if (!session.peerIp) {
      warnings.push({ line, message: `protocol ${declaration.name ?? 'bgp'} has no neighbor address; skipped` });
      continue;
    }
    const draft = book.neighbor(session.peerIp, line);
    if (!draft) continue;
    const chain = [session, ...templateChain(declaration.template)];
    // iBGP (`neighbor ... internal`) peers are in our own AS, which `local as` names
    const internal = chain.some((s) => s.internal);
    const localAsn = chain.find((s) => s.localAsn !== null)?.localAsn ?? null;
    Object.assign(draft, settingsOf(session), {
      remoteAsn: session.remoteAsn ?? (internal ? localAsn : null),
      description: session.description,
      peerGroup: declaration.template,
    });
  }
  return { neighbors: book.resolve(), warnings };
}
