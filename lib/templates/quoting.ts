import type { Platform } from '@/db/schema';

/**
 * Router configuration is line-based: one line of printable text is all a value may be. NFKC first,
 * so a fullwidth ； or ＂ becomes the ; or " the platform rules below then deal with; controls,
 * format characters (bidi overrides, zero-width) and line or paragraph separators become spaces.
 */
export function printableLine(text: string): string {
  return text.normalize('NFKC').replace(/[\p{C}\p{Zl}\p{Zp}]+/gu, ' ').replace(/\s+/g, ' ').trim();
}

/** What a form accepts where the text goes to a router: nothing printableLine would have to change but spaces. */
export const isPrintableLine = (text: string) => !/[\p{C}\p{Zl}\p{Zp}]/u.test(text);

/** A name on the router (peer group, policy, VRF): what every platform takes as one bare word. */
export const NAME_SHAPE = /^[A-Za-z0-9_.:-]{1,64}$/;

/**
 * MD5 keys: printable ASCII that every platform takes inside its quoting or as one bare word. Left
 * out: space, quotes and backslash (string delimiters and escapes), ; # ! { } (statement separators
 * and comments in Junos, SR OS, BIRD and the IOS family), ? (context help in every interactive CLI),
 * $ (Junos reads "$9$…" as an already encrypted key), | and ` (pipes and shell-like expansion).
 */
export const MD5_KEY_CHARS = String.raw`[A-Za-z0-9\-_.,:+=/@%^&*()[\]<>~]`;
export const MD5_KEY_SHAPE = new RegExp(`^${MD5_KEY_CHARS}{1,80}$`);
export const MD5_KEY_RULE = 'Up to 80 letters, digits and - _ . , : + = / @ % ^ & * ( ) [ ] < > ~ (the characters every router platform accepts in a key)';

type Rule = { max: number; text: (line: string) => string; name: (name: string) => string };

// IOS, IOS-XR, EOS, Junos and SR OS are typed into an interactive CLI, which answers ? with help.
const noHelp = (s: string) => s.replace(/\?/g, '.');
// Junos, SR OS and BIRD take text in "…": BIRD has no escapes at all, so none is relied on anywhere.
const doubleQuoted = (s: string) => `"${s.replace(/"/g, "'").replace(/\\/g, '/')}"`;
const bare = (name: string) => name;

const rules: Record<Platform, Rule> = {
  iosxr: { max: 240, text: noHelp, name: bare },
  ios: { max: 80, text: noHelp, name: bare },
  eos: { max: 80, text: noHelp, name: bare },
  frr: { max: 240, text: (s) => s, name: bare },
  junos: { max: 240, text: (s) => doubleQuoted(noHelp(s)), name: bare },
  sros: { max: 80, text: (s) => doubleQuoted(noHelp(s)), name: (n) => `"${n}"` },
  // BIRD symbols with - . : or a leading digit must be in apostrophes; plain ones stay bare (importers read them).
  bird: { max: 240, text: doubleQuoted, name: (n) => (/^[A-Za-z_]\w*$/.test(n) ? n : `'${n}'`) },
};

const asText = (value: unknown) => (value === null || value === undefined ? '' : String(value));

/**
 * `quote_<platform>`: any text as one inert argument running to the end of its line (a description,
 * a key): one printable line, at most the platform's length, quoted where the platform quotes.
 */
export function quoteFor(platform: Platform, value: unknown): string {
  // Cut by code points, so no character is split in half.
  const line = Array.from(printableLine(asText(value))).slice(0, rules[platform].max).join('').trim();
  return rules[platform].text(line);
}

/** `name_<platform>`: a name as one word, or a render error: a name is never rewritten into another one. */
function nameFor(platform: Platform, value: unknown): string {
  const name = asText(value);
  if (!NAME_SHAPE.test(name)) {
    throw new Error(`"${printableLine(name).slice(0, 40)}" is not a name the router takes: 1-64 letters, digits and . _ : - only`);
  }
  return rules[platform].name(name);
}

/** quote_iosxr … quote_bird and name_iosxr … name_bird, as the template engine registers them. */
export const configFilters: Record<string, (value: unknown) => string> = Object.fromEntries(
  (Object.keys(rules) as Platform[]).flatMap((platform) => [
    [`quote_${platform}`, (value: unknown) => quoteFor(platform, value)],
    [`name_${platform}`, (value: unknown) => nameFor(platform, value)],
  ]),
);
