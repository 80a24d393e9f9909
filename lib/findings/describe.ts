// What the Findings page and the dashboard call each kind, and one line saying what was seen. A leaf.
import type { FindingKind } from '@/db/schema';
import { downReasonLabels, type DownReason } from './down-reasons';

export const findingKindLabels: Record<FindingKind, string> = {
  peer_left_ix: 'Peer left the exchange',
  peer_ip_changed: 'Peer renumbered',
  max_prefix_drift: 'Max-prefix below PeeringDB',
  max_prefix_near: 'Max-prefix nearly reached',
  on_router_only: 'On the router only',
  missing_on_router: 'Missing on the router',
  config_drift: 'Configuration drift',
  session_down: 'Session down',
};

const n = (v: unknown) => (typeof v === 'number' ? v.toLocaleString('en') : '—');

function duration(since: unknown, now: number) {
  if (typeof since !== 'string') return null;
  const s = Math.max(0, Math.floor((now - new Date(since).getTime()) / 1000));
  if (s < 3600) return `${Math.floor(s / 60)} min`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h`;
  return `${Math.floor(s / 86_400)} d`;
}

/** One line, in a coordinator's words, of what made this finding. */
export function describeFinding(kind: FindingKind, d: Record<string, unknown>, now = Date.now()): string {
  switch (kind) {
    case 'peer_left_ix':
      return `PeeringDB no longer lists the peer at ${d.exchange}; our session to ${d.peerIp} stays configured.`;
    case 'peer_ip_changed':
      return `PeeringDB lists ${d.newIp} at ${d.exchange}; our session still points at ${d.peerIp}.`;
    case 'max_prefix_drift':
    case 'max_prefix_near':
      return `PeeringDB ${n(d.peeringDb)} · configured max ${n(d.configured)} · received ${n(d.received)}${d.percent !== undefined ? ` (${d.percent} %)` : ''} · suggested ${n(d.suggested)}`;
    case 'on_router_only':
      return `${d.router} has a neighbor ${d.peerIp}${d.peerAsn ? ` (AS${d.peerAsn})` : ''} that Peerdesk does not know (${d.source === 'poll' ? 'seen live' : 'from the last import'}).`;
    case 'missing_on_router':
      return `Peerdesk has ${d.peerIp} as configured, but ${d.router} does not list it (${d.source === 'poll' ? 'seen live' : 'from the last import'}).`;
    case 'config_drift': {
      const lines = (v: unknown) => (Array.isArray(v) ? (v as string[]) : []);
      const [extra, lacking] = [lines(d.unexpected), lines(d.missing)];
      // The line itself, without the blocks it stands in ("router bgp 65001 » …").
      const example = [...extra, ...lacking][0]?.split(' » ').at(-1);
      const counts = `${extra.length} line${extra.length === 1 ? '' : 's'} only on ${d.router ?? 'the router'}, ${lacking.length} from the template missing`;
      return `${counts}${example ? `, e.g. "${example}"` : ''}${d.keyDiffers ? ' · the MD5 key differs' : ''}.`;
    }
    case 'session_down': {
      const time = duration(d.stateSince, now);
      return `${downReasonLabels[(d.reason as DownReason) ?? 'unknown']} · ${d.state ?? 'down'}${time ? ` for ${time}` : ''} · ${n(d.flaps24h)} flaps in 24 h${d.lastError ? ` · router: "${d.lastError}"` : ''}`;
    }
  }
}
