import type { ConfigStatus } from '@/db/schema';
import { Badge } from '@/components/ui/notice';
import { configStatusLabels } from '@/lib/sessions/schemas';

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

export function BgpStateBadge({ state }: { state: string | null }) {
  if (!state) return <span className="text-xs text-slate-500">not polled yet</span>;
  const tone = /^established$/i.test(state) ? 'green' : /^(idle|active|connect)/i.test(state) ? 'red' : 'amber';
  return <Badge tone={tone}>{state}</Badge>;
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
