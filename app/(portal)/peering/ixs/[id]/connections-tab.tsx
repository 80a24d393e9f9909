import type { ReactNode } from 'react';
import { ExternalLink } from '@/components/ui/external-link';
import { Badge, EmptyState } from '@/components/ui/notice';
import { Cell, Table } from '@/components/ui/table';
import type { ExchangeDetails } from '@/db/queries/exchanges';

/** PeeringDB speeds are in Mbit/s. */
function speed(mbps: number | null) {
  if (!mbps) return '—';
  return mbps >= 1000 ? `${mbps / 1000}G` : `${mbps}M`;
}

/** The Details tab: the exchange as PeeringDB describes it, and where our networks connect to it. */
export function ConnectionsTab({ exchange }: { exchange: ExchangeDetails }) {
  const facts: [string, ReactNode][] = [
    ['Full name', exchange.nameLong ?? exchange.name],
    ['Location', [exchange.city, exchange.country, exchange.regionContinent].filter(Boolean).join(', ') || '—'],
    ['Peering LAN', [...exchange.prefixes4, ...exchange.prefixes6].join('  ') || '—'],
    ['Website', exchange.website ? <ExternalLink href={exchange.website} /> : '—'],
    ['PeeringDB id', exchange.id],
  ];
  return (
    <div className="grid gap-6 lg:grid-cols-[20rem_1fr]">
      <dl className="grid grid-cols-[7rem_1fr] gap-x-3 gap-y-2 rounded border border-slate-200 bg-white p-4 text-sm">
        {facts.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-500">{label}</dt>
            <dd className="break-words">{value}</dd>
          </div>
        ))}
      </dl>
      <section>
        <h2 className="mb-2 font-semibold">Our connections</h2>
        {exchange.connections.length === 0 ? (
          <EmptyState title="None of your ASNs is connected here">PeeringDB lists no connection of your local ASNs at this exchange.</EmptyState>
        ) : (
          <Table head={['Local ASN', 'IPv4', 'IPv6', 'Speed', 'Route servers']}>
            {exchange.connections.map((c, i) => (
              <tr key={i}>
                <Cell className="font-mono">AS{c.localAsn}</Cell>
                <Cell className="font-mono">{c.ipaddr4 ?? '—'}</Cell>
                <Cell className="font-mono">{c.ipaddr6 ?? '—'}</Cell>
                <Cell>{speed(c.speed)}</Cell>
                <Cell>{c.isRsPeer ? <Badge tone="blue">peers with route servers</Badge> : <span className="text-slate-500">no</span>}</Cell>
              </tr>
            ))}
          </Table>
        )}
      </section>
    </div>
  );
}
