import type { ConfigStatus, SessionType } from '@/db/schema';
import { Badge } from '@/components/ui/notice';
import { Cell } from '@/components/ui/table';
import { configStatusLabels, sessionTypeLabels } from '@/lib/sessions/schemas';

const configTones = {
  not_configured: 'grey',
  scheduled: 'blue',
  configuring: 'amber',
  configured: 'green',
  error: 'red',
  removed: 'grey',
} as const satisfies Record<ConfigStatus, string>;

export function ConfigStatusBadge({ status, error }: { status: ConfigStatus; error?: string | null }) {
  return (
    <>
      <Badge tone={configTones[status]}>{configStatusLabels[status]}</Badge>
      {error && <div className="mt-1 text-xs text-rose-700">{error}</div>}
    </>
  );
}

const MAX_PREFIX = /^Max-prefix teardown/;

/** The polled state; a max-prefix teardown and an admin shutdown are named as such, with the router's last error. */
export function BgpStateBadge({ state, lastError, adminDown }: { state: string | null; lastError?: string | null; adminDown?: boolean }) {
  if (!state) return <span className="text-xs text-slate-500">not polled yet</span>;
  const up = /^established$/i.test(state);
  const label = !up && lastError && MAX_PREFIX.test(lastError) ? 'Max-prefix teardown' : !up && adminDown ? 'Admin down' : state;
  const tone = up ? 'green' : label !== state ? 'red' : /^(idle|active|connect)/i.test(state) ? 'red' : 'amber';
  return (
    <>
      <Badge tone={tone}>{label}</Badge>
      {!up && lastError && <div className="mt-1 max-w-56 text-xs text-rose-700">{lastError}</div>}
    </>
  );
}

function formatUptime(seconds: number) {
  const d = Math.floor(seconds / 86_400);
  const h = Math.floor((seconds % 86_400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return d ? `${d}d ${h}h` : h ? `${h}h ${m}m` : m ? `${m}m` : `${seconds}s`;
}

/** Uptime under the state badge, and how old the answer is. */
export function BgpFacts({ uptimeSeconds, lastPolledAt }: { uptimeSeconds: number | null; lastPolledAt: Date | null }) {
  if (!lastPolledAt) return null;
  return (
    <div className="mt-1 whitespace-nowrap text-xs text-slate-500" title={`Polled ${lastPolledAt.toISOString().replace('T', ' ').slice(0, 19)} UTC`}>
      {uptimeSeconds !== null ? `up ${formatUptime(uptimeSeconds)}` : 'down'}
    </div>
  );
}

/** "received / max", with a bar once the peer sends 80% or more of its limit: the session drops at 100%. */
export function PrefixUsage({ received, max }: { received: number | null; max: number | null }) {
  const share = received !== null && max ? received / max : null;
  return (
    <div className="whitespace-nowrap tabular-nums">
      {received ?? '—'} / {max ?? '—'}
      {share !== null && share >= 0.8 && (
        <div className="mt-1 h-1.5 w-20 rounded bg-slate-200" title={`${Math.round(share * 100)}% of the maximum`} data-testid="prefix-bar">
          <div className={`h-1.5 rounded ${share >= 0.95 ? 'bg-rose-600' : 'bg-amber-500'}`} style={{ width: `${Math.min(100, share * 100)}%` }} />
        </div>
      )}
    </div>
  );
}

/** A session's type, configuration and BGP state as three table cells (the exchange's and the peer's session lists). */
type SessionState = { type: SessionType; configStatus: ConfigStatus; configError: string | null; bgpState: string | null };

export function SessionStateCells({ session: s }: { session: SessionState }) {
  return (
    <>
      <Cell>{sessionTypeLabels[s.type]}</Cell>
      <Cell>
        <ConfigStatusBadge status={s.configStatus} error={s.configError} />
      </Cell>
      <Cell>
        <BgpStateBadge state={s.bgpState} />
      </Cell>
    </>
  );
}
