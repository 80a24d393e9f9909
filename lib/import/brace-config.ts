import type { ImportWarning } from './types';

/**
 * One statement of a brace-structured configuration (Junos, BIRD): `words;` or
 * `words { children }`. Quotes are removed from quoted words.
 */
export type BraceStatement = {
  words: string[];
  line: number;
  /** Junos `inactive:` — the statement is in the configuration but not applied. */
  inactive: boolean;
  children: BraceStatement[] | null;
};

type Token = { text: string; line: number; quoted: boolean };

const PUNCTUATION = new Set(['{', '}', ';', '[', ']']);
// Sticky: each matches a whole run at one position, far faster on megabytes than a test per character.
const SPACE = /\s+/y;
const WORD = /[^\s{};[\]"'#]+/y;
const NEWLINE = 10;
const BACKSLASH = 92;
// Real configurations nest a dozen levels. Deeper text is skipped with a warning, so the readers that
// walk the statements recursively (prefix paths, templates) stay shallow and fast on hostile input.
const MAX_DEPTH = 64;

/** Splits text into words, quoted strings and `{ } ; [ ]`, dropping `#` and C-style comments. */
export function tokenize(text: string, firstLine = 1): Token[] {
  const tokens: Token[] = [];
  let line = firstLine;
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (/\s/.test(char)) {
      SPACE.lastIndex = i;
      SPACE.exec(text);
      for (; i < SPACE.lastIndex; i++) if (text.charCodeAt(i) === NEWLINE) line++;
    } else if (char === '#') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (char === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end === -1 ? text.length : end + 2;
      for (let j = i; j < stop; j++) if (text[j] === '\n') line++;
      i = stop;
    } else if (char === '"' || char === "'") {
      // Copied in slices between backslashes: a character at a time is slow on megabytes.
      const quote = text.charCodeAt(i);
      const startLine = line;
      const slices: string[] = [];
      let from = ++i;
      for (; i < text.length && text.charCodeAt(i) !== quote; i++) {
        if (text.charCodeAt(i) === BACKSLASH && i + 1 < text.length) {
          slices.push(text.slice(from, i));
          from = ++i;
        }
        if (text.charCodeAt(i) === NEWLINE) line++;
      }
      slices.push(text.slice(from, i));
      i++;
      tokens.push({ text: slices.join(''), line: startLine, quoted: true });
    } else if (PUNCTUATION.has(char)) {
      tokens.push({ text: char, line, quoted: false });
      i++;
    } else {
      WORD.lastIndex = i;
      const end = WORD.exec(text) ? WORD.lastIndex : i + 1;
      tokens.push({ text: text.slice(i, end), line, quoted: false });
      i = end;
    }
  }
  return tokens;
}

// Junos marks statements with these; only `inactive:` changes their meaning.
const MARKERS = new Set(['inactive:', 'protect:', 'replace:']);

export function parseBraceConfig(text: string, warnings: ImportWarning[]): BraceStatement[] {
  const root: BraceStatement[] = [];
  const open: BraceStatement[][] = [root];
  let words: Token[] = [];
  let lastLine = 1;

  const finish = (children: BraceStatement[] | null) => {
    let marks = 0;
    while (marks < words.length && !words[marks].quoted && MARKERS.has(words[marks].text)) marks++;
    open[open.length - 1].push({
      words: words.slice(marks).map((word) => word.text),
      line: words[0].line,
      inactive: words.slice(0, marks).some((mark) => mark.text === 'inactive:'),
      children,
    });
    words = [];
  };

  let skipped = 0;
  for (const token of tokenize(text)) {
    lastLine = token.line;
    if (skipped > 0) {
      if (!token.quoted && token.text === '{') skipped++;
      else if (!token.quoted && token.text === '}') skipped--;
      continue;
    }
    if (token.quoted || !PUNCTUATION.has(token.text)) {
      words.push(token);
    } else if (token.text === ';') {
      if (words.length) finish(null);
    } else if (token.text === '{' && open.length > MAX_DEPTH) {
      warnings.push({ line: token.line, message: `nested deeper than ${MAX_DEPTH} levels: this block is not read` });
      words = [];
      skipped = 1;
    } else if (token.text === '{') {
      if (!words.length) words.push({ text: '', line: token.line, quoted: false });
      const children: BraceStatement[] = [];
      finish(children);
      open.push(children);
    } else if (token.text === '}') {
      if (words.length) finish(null);
      if (open.length === 1) warnings.push({ line: token.line, message: 'unbalanced "}"' });
      else open.pop();
    }
  }
  if (words.length) finish(null);
  if (open.length > 1) warnings.push({ line: lastLine, message: `${open.length - 1} unclosed "{" at end of configuration` });
  return root;
}
