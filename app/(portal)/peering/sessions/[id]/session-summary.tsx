import Link from 'next/link';
import type { ReactNode } from 'react';
import type { SessionView } from '@/db/queries/sessions';
import { BgpStateBadge, ConfigStatusBadge, PrefixUsage } from '@/components/sessions/session-badges';
import { sessionTypeLabels } from '@/lib/sessions/schemas';

function uptime(seconds: number) {
  const d = Math.floor(seconds / 86_400);
  const h = Math.floor((seconds % 86_400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return d ? `${d}d ${h}h` : h ? `${h}h ${m}m` : `${m}m`;
}

const when = (at: Date | null) => (at ? at.toISOString().replace('T', ' ').slice(0, 16) + ' UTC' : '—');

function Facts({ title, rows }: { title: string; rows: [string, ReactNode][] }) {
  return (
    <section className="rounded border border-slate-200 bg-white p-4">
      <h2 className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-500">{title}</h2>
      <dl className="grid grid-cols-[9rem_1fr] gap-x-3 gap-y-2 text-sm">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-500">{label}</dt>
            <dd className="break-words" data-testid={`fact-${label.toLowerCase().replace(/\W+/g, '-')}`}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** The session as recorded, and what the router last said about it. */
export function SessionSummary({ session: s }: { session: SessionView }) {
  const polled = s.lastPolledAt !== null;
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Facts
        title="Session"
        rows={[
          ['Source', <span key="s" className="font-mono">AS{s.localAsn}</span>],
          ['Router', <Link key="r" href={`/peering/routers/${s.routerId}`} className="text-sky-700 hover:underline">{s.routerName}</Link>],
          ['Peer', <span key="p"><span className="font-mono">AS{s.peerAsn}</span> {s.peerName}</span>],
          ['Destination', <span key="d" className="font-mono">{s.peerIp}</span>],
          ['Local IP', <span key="l" className="font-mono">{s.localIp ?? '—'}</span>],
          ['Exchange', s.ixId === null ? 'No Exchange (private)' : <Link key="x" href={`/peering/ixs/${s.ixId}?tab=sessions`} className="text-sky-700 hover:underline">{s.exchangeName ?? `#${s.ixId}`}</Link>],
          ['Peer group', s.peerGroupName ?? '—'],
          ['Type', sessionTypeLabels[s.type]],
          ['MD5 password', s.hasMd5 ? 'set' : 'none'],
          ['Max prefixes', s.maxPrefixes ?? '—'],
          ['Description', s.description ?? '—'],
        ]}
      />
      <div className="flex flex-col gap-4">
        <Facts
          title="Status"
          rows={[
            ['Config status', <ConfigStatusBadge key="c" status={s.configStatus} error={s.configError} />],
            ['BGP state', <BgpStateBadge key="b" state={s.bgpState} lastError={s.bgpLastError} adminDown={s.adminDown} />],
            ['State since', when(s.bgpStateChangedAt)],
            ['Admin state', s.adminDown ? 'down (shutdown)' : 'up'],
            ['Uptime', s.uptimeSeconds !== null ? uptime(s.uptimeSeconds) : '—'],
            ['Prefixes', <PrefixUsage key="p" received={s.prefixesReceived} max={s.maxPrefixes} />],
            ['Last polled', polled ? when(s.lastPolledAt) : 'not polled yet'],
            ['Added', when(s.createdAt)],
          ]}
        />
        <section className="rounded border border-slate-200 bg-white p-4">
          <h2 className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-500">Notes</h2>
          {s.notes ? <p className="whitespace-pre-wrap text-sm" data-testid="session-notes">{s.notes}</p> : <p className="text-sm text-slate-500">No notes.</p>}
        </section>
      </div>
    </div>
  );
}
