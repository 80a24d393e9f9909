export type ConfigLine = { line: number; trimmed: string; indent: number; words: string[] };

/** The meaningful lines of an indented CLI config (IOS-style): no blanks, no `!` or `#` comments. */
export function* configLines(text: string): Generator<ConfigLine> {
  for (const [index, raw] of text.split('\n').entries()) {
    const content = raw.replace(/\r$/, '');
    const trimmed = content.trim();
    if (!trimmed || trimmed.startsWith('!') || trimmed.startsWith('#')) continue;
    yield { line: index + 1, trimmed, indent: content.length - content.trimStart().length, words: trimmed.split(/\s+/) };
  }
}
