'use client';

import { useEffect, useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { Badge } from '@/components/ui/notice';

type TypeState = {
  tag: string;
  lastStatus: string | null;
  lastError: string | null;
  rowsUpserted: number;
  rowsDeleted: number;
  danglingRefs: number;
  durationMs: number | null;
  lastRunAt: string | null;
};
type JobView = {
  id: number;
  status: string;
  runAt: string;
  progress: { tag?: string; label?: string; phase?: string; rows?: number; done?: string[] } | null;
  error: string | null;
  finishedAt: string | null;
};
export type SyncPanelProps = {
  active: JobView | null;
  last: JobView | null;
  types: TypeState[];
  order: { tag: string; label: string }[];
  canSync: boolean;
  syncNow: () => Promise<{ ok: true } | { ok: false; error: { message: string } }>;
};

const when = (iso: string | null) => (iso ? new Date(iso).toISOString().replace('T', ' ').slice(0, 16) + ' UTC' : 'never');

/** PeeringDB data freshness at a glance, live progress while a sync runs, and "Sync now". */
export function SyncPanel({ active, last, types, order, canSync, syncNow }: SyncPanelProps) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  // A queued job that is due counts as running; the clock is read again on every refresh below.
  // eslint-disable-next-line react-hooks/purity -- a render one refresh stale only polls once more or once less
  const running = active?.status === 'running' || (active && new Date(active.runAt).getTime() <= Date.now());

  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => router.refresh(), 1500);
    return () => clearInterval(timer);
  }, [running, router]);

  const done = new Set(active?.progress?.done ?? []);
  const current = active?.progress?.tag;
  return (
    <section aria-label="PeeringDB data" className="mb-4 rounded border border-slate-200 bg-white p-3">
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <span className="font-semibold">PeeringDB data</span>
        {running ? (
          <Badge tone="amber">syncing…</Badge>
        ) : last ? (
          <Badge tone={last.status === 'succeeded' ? 'green' : 'red'}>{last.status === 'succeeded' ? 'up to date' : 'last sync failed'}</Badge>
        ) : (
          <Badge>never synced</Badge>
        )}
        <span className="text-slate-600">Last sync finished: {when(last?.finishedAt ?? null)}</span>
        {active && !running && <span className="text-slate-600">Next refresh: {when(active.runAt)}</span>}
        {canSync && (
          <Button
            variant="secondary"
            className="ml-auto"
            disabled={pending || !!running}
            onClick={() =>
              start(async () => {
                const result = await syncNow();
                setMessage(result.ok ? null : result.error.message);
                router.refresh();
              })
            }
          >
            Sync now
          </Button>
        )}
      </div>
      {last?.status === 'failed' && !running && (
        <p role="alert" className="mt-2 text-sm text-rose-800">
          {last.error}
        </p>
      )}
      {message && <p role="alert" className="mt-2 text-sm text-rose-800">{message}</p>}
      {running && (
        <div className="mt-3" data-testid="sync-progress">
          <div className="flex gap-1" aria-hidden>
            {order.map((t) => (
              <div key={t.tag} title={t.label} className={`h-2 flex-1 rounded ${done.has(t.tag) ? 'bg-emerald-500' : t.tag === current ? 'animate-pulse bg-amber-400' : 'bg-slate-200'}`} />
            ))}
          </div>
          <p className="mt-1 text-xs text-slate-600" role="status">
            {active?.progress?.label ? `${active.progress.label}: ${active.progress.phase} ${active.progress.rows?.toLocaleString('en')} rows (${done.size} of ${order.length} types done)` : 'Starting…'}
          </p>
        </div>
      )}
      {types.length > 0 && (
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer text-slate-600">Last result per object type</summary>
          <table className="mt-2 text-xs">
            <thead>
              <tr className="text-left text-slate-500">
                {['Type', 'Status', 'Upserted', 'Deleted', 'Dangling refs', 'Time', 'When'].map((h) => (
                  <th key={h} className="pr-4 font-medium">{h}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {order.map(({ tag, label }) => {
                const t = types.find((s) => s.tag === tag);
                return (
                  <tr key={tag}>
                    <td className="pr-4">{label}</td>
                    <td className="pr-4">{t?.lastStatus === 'failed' ? <span title={t.lastError ?? ''} className="text-rose-700">failed</span> : (t?.lastStatus ?? '—')}</td>
                    <td className="pr-4 tabular-nums">{t?.rowsUpserted.toLocaleString('en') ?? '—'}</td>
                    <td className="pr-4 tabular-nums">{t?.rowsDeleted.toLocaleString('en') ?? '—'}</td>
                    <td className="pr-4 tabular-nums">{t?.danglingRefs ?? '—'}</td>
                    <td className="pr-4 tabular-nums">{t?.durationMs != null ? `${(t.durationMs / 1000).toFixed(1)} s` : '—'}</td>
                    <td>{when(t?.lastRunAt ?? null)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </details>
      )}
    </section>
  );
}
