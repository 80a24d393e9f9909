// Why a session is down, read from the router's own words (FRR's lastResetDueTo / notification,
// BIRD's "Last error") and its state. A leaf: the findings SQL and the unit tests read the same table.

export type DownReason = 'max_prefix' | 'authentication' | 'hold_timer' | 'admin_down' | 'peer_not_configured' | 'unknown';

/** In order: the first pattern that matches the router's last error wins. Case-insensitive, valid in JS and PostgreSQL. */
export const downReasonPatterns: { reason: Exclude<DownReason, 'unknown'>; pattern: string }[] = [
  { reason: 'max_prefix', pattern: 'max-prefix teardown|prefix count|max.?prefix|maximum.prefix|limit exceeded|route limit' },
  { reason: 'authentication', pattern: 'md5|authenticat|password|tcp-ao' },
  { reason: 'hold_timer', pattern: 'hold ?time' },
  { reason: 'peer_not_configured', pattern: 'unconfigured|connection refused|bad peer as|unknown peer|open message error|no route to host' },
  { reason: 'admin_down', pattern: 'admin|shutdown' },
];

export const downReasonLabels: Record<DownReason, string> = {
  max_prefix: 'Max-prefix teardown',
  authentication: 'Authentication (MD5)',
  hold_timer: 'Hold timer expired',
  peer_not_configured: 'Peer not configured (no answer)',
  admin_down: 'Administratively down',
  unknown: 'Unknown',
};

/**
 * The state speaks when the error does not: `Idle (Admin)` is a shutdown; a session that keeps
 * trying (Active, Connect) without ever getting an error back has nobody answering on the other side.
 */
export function classifyDown(state: string | null, lastError: string | null): DownReason {
  const error = lastError ?? '';
  for (const { reason, pattern } of downReasonPatterns) if (new RegExp(pattern, 'i').test(error)) return reason;
  if (/admin/i.test(state ?? '')) return 'admin_down';
  if (/^(active|connect)/i.test(state ?? '')) return 'peer_not_configured';
  return 'unknown';
}
