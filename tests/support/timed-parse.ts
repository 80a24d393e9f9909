// Run as its own process by tests/unit/importers-linear.test.ts: builds one adversarial input, parses
// it once and prints how long the parse took. A separate process, because a regular expression that
// backtracks cannot be interrupted: the test kills this process instead of hanging.
import { parseEmail } from '@/lib/mail/parse';
import { readNeighbors } from '@/lib/import/neighbors';
import { MAX_CONFIG_CHARS } from '@/lib/import/schemas';
import type { Platform } from '@/db/schema';

/**
 * Runs of exactly what the importers' patterns used to backtrack on: whitespace across lines
 * (`^\s*` with the m flag), a space run before a non-space at the end of a detail line (`(.*?)\s*$`),
 * a 3 MB word of digits, unclosed braces, quotes and comments. 20 MB in all.
 */
function adversarialConfig(birdProtocolsHeader: boolean) {
  const mb = 1_000_000;
  const parts = [
    birdProtocolsHeader ? 'Name       Proto      Table      State  Since         Info\nbgp1       BGP        ---        up     2024-01-01    Established\n' : '',
    `  Description: a${' '.repeat(4 * mb)}b\n`,
    ' \t\n'.repeat(2 * mb),
    `neighbor ${'1'.repeat(3 * mb)}x remote-as 65001\n`,
    '{'.repeat(mb),
    `"${'\\"'.repeat(mb)}\n`,
    ' \n'.repeat(mb),
  ];
  const text = parts.join('');
  return `${text}${' '.repeat(MAX_CONFIG_CHARS - text.length - 2)}/*`;
}

/** A From header of 1 MB with a Latin-1 byte (so the raw header is re-read) and runs of `<` and spaces. */
function adversarialMail() {
  const half = 500_000;
  return Buffer.concat([
    Buffer.from('From: '),
    Buffer.from([0xe9]),
    Buffer.from(` ${'<'.repeat(half)}${' '.repeat(half)}x\r\nSubject: hello\r\n\r\nbody\r\n`, 'latin1'),
  ]);
}

const [kind, platform] = process.argv.slice(2);
let elapsed: number;
if (kind === 'mail') {
  const source = adversarialMail();
  const start = performance.now();
  await parseEmail(source);
  elapsed = performance.now() - start;
} else {
  const text = adversarialConfig(kind === 'bird-protocols');
  const start = performance.now();
  readNeighbors(platform as Platform, text);
  elapsed = performance.now() - start;
}
console.log(JSON.stringify({ elapsed }));
