/**
 * Values an attacker would put in any text that reaches a router configuration: each tries to end
 * the string or the statement it sits in, start a new line or statement, open a block or comment,
 * or slip past a filter with a look-alike.
 */
export const hostileValues: Array<{ name: string; value: string }> = [
  { name: 'double quote', value: 'x" ; neighbor 10.9.9.9 remote-as 666' },
  { name: 'single quote', value: "x' ; rm" },
  { name: 'backslash at the end', value: 'x\\' },
  { name: 'escaped quote', value: 'x\\"; protocol bgp evil { neighbor 10.9.9.9 as 666; }' },
  { name: 'semicolon', value: 'a; delete protocols bgp' },
  { name: 'hash comment', value: '# commented out' },
  { name: 'braces', value: '} protocol bgp evil {' },
  { name: 'newline and a statement', value: 'x\n neighbor 10.9.9.9 remote-as 666' },
  { name: 'CRLF and a statement', value: 'x\r\nset protocols bgp group EVIL neighbor 10.9.9.9' },
  { name: 'line separator U+2028', value: 'x\u2028neighbor 10.9.9.9 remote-as 666' },
  { name: 'next line U+0085', value: 'x\u0085neighbor 10.9.9.9 remote-as 666' },
  { name: 'C comment', value: '/* x */ }; /*' },
  { name: 'curly quotes U+201C U+201D', value: '\u201cx\u201d' },
  { name: 'fullwidth semicolon and quote', value: 'x\uff02\uff1b neighbor 10.9.9.9 remote-as 666' },
  { name: 'NUL', value: 'x\u0000neighbor 10.9.9.9 remote-as 666' },
  { name: 'tab and escape', value: 'x\t\u001b[2Jy' },
  { name: 'bidi override', value: 'x\u202eevil' },
  { name: 'question mark (CLI help)', value: 'what?' },
  { name: 'exclamation (comment)', value: '! end' },
  { name: '4 KB', value: `${'A'.repeat(4000)}"; }\n neighbor 10.9.9.9 remote-as 666` },
];

export const BENIGN = 'BENIGN';
