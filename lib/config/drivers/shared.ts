import { randomBytes } from 'node:crypto';
import type { Router } from '@/db/schema';
import type { RouterConnection } from '@/lib/config/transport';
import { PushError } from './types';

export { sh } from '@/lib/config/transport/shell-command';

export const tempPath = (suffix: string) => `/tmp/peerdesk-${randomBytes(6).toString('hex')}${suffix}`;

export const ensureNewline = (text: string) => (text === '' || text.endsWith('\n') ? text : `${text}\n`);

/** The output worth showing a user: stdout and stderr, trimmed, blank lines dropped. */
export const outputOf = (r: { stdout: string; stderr: string }) =>
  [r.stdout, r.stderr]
    .join('\n')
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== '')
    .join('\n');

export function requireShell(conn: RouterConnection, router: Router) {
  if (!conn.shell) throw new PushError(`${router.name} is reached over its ${router.transport} transport, which has no interactive CLI: use SSH for this platform.`, '');
  return conn.shell.bind(conn);
}

/** Is `ip` a whole word in this config line (not a prefix of a longer address)? */
export function mentions(line: string, ip: string): boolean {
  const esc = ip.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[\\s"'])${esc}($|[\\s"'/])`).test(line.toLowerCase());
}
