import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { Sparkline } from '@/components/charts/sparkline';
import { StackedBars } from '@/components/charts/stacked-bars';
import { Badge, PageHeader } from '@/components/ui/notice';
import { requirePage } from '@/lib/auth/guard';
import { describeFinding, findingKindLabels } from '@/lib/findings/describe';
import { loadDashboard } from '@/lib/dashboard/reads';
import { jobKindLabel } from '@/lib/jobs/labels';
import { requestStageLabels } from '@/lib/peering/pipeline';
import { relative } from '@/app/(portal)/scheduler/job-display';

export const metadata: Metadata = { title: 'Home' };

function Panel({ title, href, count, tone = 'grey', children }: { title: string; href: string; count?: number; tone?: 'red' | 'amber' | 'green' | 'grey' | 'blue'; children: ReactNode }) {
  return (
    <section className="rounded border border-slate-200 bg-white p-3 shadow-sm" aria-label={title}>
      <h2 className="mb-2 flex items-center gap-2 text-sm font-semibold text-slate-800">
        <Link href={href} className="hover:underline">
          {title}
        </Link>
        {count !== undefined && <Badge tone={count ? tone : 'grey'}>{count.toLocaleString('en')}</Badge>}
      </h2>
      <div className="text-sm">{children}</div>
    </section>
  );
}

const None = ({ children }: { children: ReactNode }) => <p className="text-slate-500">{children}</p>;

/** The first page after sign-in: what is wrong, what waits for someone, and who to peer with next. */
export default async function DashboardPage({ searchParams }: { searchParams: Promise<{ session?: string }> }) {
  const actor = await requirePage('peering.read');
  const sessionId = Number((await searchParams).session) || undefined;
  const now = Date.now();
  const { counts, findings: top, requests, opportunities, awaiting, failing, sync, bars, barsAsOf, series } =
    await loadDashboard(actor, sessionId);
  const bySeverity = { critical: 0, warning: 0, info: 0 };
  for (const c of counts) bySeverity[c.severity] += c.n;
  const syncFailed = sync.failedTypes;
  return (
    <>
      <PageHeader title="Home" />
      <div className="grid gap-4 md:grid-cols-2">
        <Panel title="Findings" href="/peering/findings" count={bySeverity.critical + bySeverity.warning + bySeverity.info} tone={bySeverity.critical ? 'red' : 'amber'}>
          <p className="mb-2 flex gap-2 text-xs">
            <Link href="/peering/findings?severity=critical">
              <Badge tone={bySeverity.critical ? 'red' : 'grey'}>{bySeverity.critical} critical</Badge>
            </Link>
            <Link href="/peering/findings?severity=warning">
              <Badge tone={bySeverity.warning ? 'amber' : 'grey'}>{bySeverity.warning} warning</Badge>
            </Link>
            <Badge>{bySeverity.info} info</Badge>
          </p>
          {top.length ? (
            <ul className="space-y-1">
              {top.map((f) => (
                <li key={f.id} data-testid={`dashboard-finding-${f.id}`}>
                  <Link href={`/peering/findings?kind=${f.kind}`} className="font-medium text-sky-800 hover:underline">
                    {findingKindLabels[f.kind]}
                  </Link>{' '}
                  {f.peerAsn ? `AS${f.peerAsn}` : ''} {f.router ? `on ${f.router}` : ''}
                  <div className="text-xs text-slate-600">{describeFinding(f.kind, f.details, now)}</div>
                </li>
              ))}
            </ul>
          ) : (
            <None>Nothing wrong was found after the last sync and poll.</None>
          )}
        </Panel>
        <Panel title="Requests needing attention" href="/peering/requests" count={requests.total} tone="amber">
          {requests.rows.length ? (
            <ul className="space-y-1">
              {requests.rows.map((r) => (
                <li key={`${r.peerAsn}-${r.ixId}-${r.localAsn}`}>
                  <Link href={`/peering/peers/${r.peerAsn}`} className="text-sky-800 hover:underline">
                    AS{r.peerAsn}
                  </Link>{' '}
                  {r.peerName} at {r.exchange}: <Badge tone={r.stage === 'stalled' ? 'red' : 'blue'}>{requestStageLabels[r.stage]}</Badge>{' '}
                  <span className="text-xs text-slate-500">sent {relative(r.sentAt, now)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <None>No reply waits for a decision and no request is overdue.</None>
          )}
        </Panel>
        <Panel title="Opportunities" href="/peering/opportunities" count={opportunities.total} tone="blue">
          {opportunities.rows.length ? (
            <ul className="space-y-1">
              {opportunities.rows.map((o) => (
                <li key={o.peerAsn}>
                  <span className="mr-1 inline-block w-8 text-right font-semibold tabular-nums">{o.score}</span>
                  <Link href={`/peering/peers/${o.peerAsn}`} className="text-sky-800 hover:underline">
                    AS{o.peerAsn}
                  </Link>{' '}
                  {o.name} <span className="text-xs text-slate-500">{o.reasons[0]}</span>
                </li>
              ))}
            </ul>
          ) : (
            <None>Every network at our exchanges is a peer, asked or declined.</None>
          )}
        </Panel>
        <Panel title="Jobs and PeeringDB" href="/scheduler" count={failing.total} tone="red">
          <p className="mb-2">
            PeeringDB:{' '}
            {sync.running ? (
              <Badge tone="blue">syncing now</Badge>
            ) : sync.last ? (
              <>
                <Badge tone={sync.last.status === 'succeeded' && !syncFailed.length ? 'green' : 'red'}>{sync.last.status}</Badge>{' '}
                <span className="text-xs text-slate-500">{sync.last.finishedAt ? relative(sync.last.finishedAt, now) : ''}</span>
              </>
            ) : (
              <Badge tone="amber">never synced</Badge>
            )}
            {syncFailed.length > 0 && <span className="ml-1 text-xs text-rose-700">{syncFailed.map((t) => `${t.tag}: ${t.lastError}`).join('; ')}</span>}
          </p>
          {awaiting !== null && (
            <p className="mb-2">
              <Link href="/peering/changes?status=pending_approval" className="text-sky-800 hover:underline">
                Changes awaiting your approval
              </Link>{' '}
              <Badge tone={awaiting ? 'amber' : 'grey'}>{awaiting}</Badge>
            </p>
          )}
          {failing.rows.length ? (
            <ul className="space-y-1">
              {failing.rows.map((j) => (
                <li key={j.id}>
                  <Link href={`/scheduler/${j.id}`} className="text-sky-800 hover:underline">
                    #{j.id} {j.summary ?? jobKindLabel(j.kind)}
                  </Link>
                  <div className="truncate text-xs text-rose-700">{j.error}</div>
                </li>
              ))}
            </ul>
          ) : (
            <None>No job failed in the last 24 hours.</None>
          )}
        </Panel>
        <Panel title="Sessions by state per exchange" href="/peering/sessions">
          {bars.length ? (
            <>
              <StackedBars
                bars={bars.map((b) => ({
                  label: b.exchange,
                  parts: [
                    { name: 'established', value: b.up, color: '#059669' },
                    { name: 'down', value: b.down, color: '#e11d48' },
                    { name: 'not polled', value: b.unknown, color: '#cbd5e1' },
                  ],
                }))}
              />
              <p className="mt-1 flex gap-3 text-xs text-slate-600">
                <span className="text-emerald-700">■ established</span>
                <span className="text-rose-600">■ down</span>
                <span className="text-slate-400">■ not polled</span>
                <span className="ml-auto text-slate-500" title="Counted after each BGP poll, and at most a minute apart otherwise">
                  {relative(barsAsOf, now) === 'now' ? 'counted just now' : `counted ${relative(barsAsOf, now)}`}
                </span>
              </p>
            </>
          ) : (
            <None>No configured sessions yet.</None>
          )}
        </Panel>
        <Panel title="Prefixes received, last 7 days" href="/peering/sessions">
          {series.length ? (
            <ul className="space-y-2">
              {series.map((s) => (
                <li key={s.sessionId} className="flex items-center gap-3">
                  <Link href={`/peering/sessions/${s.sessionId}`} className="w-48 truncate text-sky-800 hover:underline">
                    {s.label}
                  </Link>
                  <Sparkline points={s.points} label={s.label} />
                </li>
              ))}
            </ul>
          ) : (
            <None>No session has reported prefixes yet.</None>
          )}
        </Panel>
      </div>
    </>
  );
}
