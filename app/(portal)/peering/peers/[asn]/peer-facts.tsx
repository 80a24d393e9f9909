import type { PeerDetails } from '@/db/queries/peer-details';
import { ExternalLink } from '@/components/ui/external-link';
import { Badge } from '@/components/ui/notice';
import { Cell, Table } from '@/components/ui/table';

const dash = <span className="text-slate-400">—</span>;

/** PeeringDB's facts and the contacts we may see. */
export function PeerFacts({ details }: { details: PeerDetails }) {
  const f = details.facts;
  if (!f) return <p className="rounded border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">PeeringDB does not list AS{details.asn}.</p>;
  const facts: [string, React.ReactNode][] = [
    ['Name', f.name],
    ['AS-SET', f.asSet ? <span className="font-mono">{f.asSet}</span> : dash],
    ['Policy', f.policyUrl ? <ExternalLink href={f.policyUrl}>{f.policy ?? 'policy'}</ExternalLink> : (f.policy ?? dash)],
    ['Type', f.infoType ?? dash],
    ['Prefixes IPv4 / IPv6', `${f.prefixes4 ?? '—'} / ${f.prefixes6 ?? '—'}`],
    ['Website', f.website ? <ExternalLink href={f.website} /> : dash],
  ];
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <dl className="grid grid-cols-[10rem_1fr] gap-x-3 gap-y-1 rounded border border-slate-200 bg-white p-4 text-sm">
        {facts.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-500">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <div>
        <h2 className="mb-2 font-semibold">Contacts</h2>
        {details.contacts.length === 0 ? (
          <p className="text-sm text-slate-600">No contact visible. Contacts shown to PeeringDB users only need the API key in Peering Settings.</p>
        ) : (
          <Table head={['Role', 'Name', 'Email', 'Phone', 'Visible to']}>
            {details.contacts.map((c, i) => (
              <tr key={i}>
                <Cell>{c.role ?? '—'}</Cell>
                <Cell>{c.name || '—'}</Cell>
                <Cell>{c.email ? <a href={`mailto:${c.email}`} className="text-sky-700 hover:underline">{c.email}</a> : '—'}</Cell>
                <Cell>{c.phone || '—'}</Cell>
                <Cell>
                  <Badge tone={c.visible === 'Public' ? 'grey' : 'blue'}>{c.visible ?? '—'}</Badge>
                </Cell>
              </tr>
            ))}
          </Table>
        )}
      </div>
    </div>
  );
}

/** The exchanges both networks are on, both sides' addresses. */
export function SharedExchanges({ details }: { details: PeerDetails }) {
  if (!details.sharedExchanges.length) return <p className="text-sm text-slate-600">PeeringDB lists no exchange both networks are on.</p>;
  return (
    <Table head={['Exchange', 'Our ASN', 'Our IPv4', 'Our IPv6', 'Their IPv4', 'Their IPv6', 'Speed', 'Route servers']}>
      {details.sharedExchanges.map((x, i) => (
        <tr key={i} data-testid={`shared-${x.ixId}`}>
          <Cell>
            <a href={`/peering/ixs/${x.ixId}`} className="text-sky-700 hover:underline">
              {x.name}
            </a>
          </Cell>
          <Cell className="font-mono">AS{x.localAsn}</Cell>
          <Cell className="font-mono text-xs">{x.ourIp4 ?? '—'}</Cell>
          <Cell className="font-mono text-xs">{x.ourIp6 ?? '—'}</Cell>
          <Cell className="font-mono text-xs">{x.peerIp4 ?? '—'}</Cell>
          <Cell className="font-mono text-xs">{x.peerIp6 ?? '—'}</Cell>
          <Cell className="tabular-nums">{x.speed ? `${(x.speed / 1000).toLocaleString('en')}G` : '—'}</Cell>
          <Cell>{x.isRsPeer ? <Badge tone="blue">yes</Badge> : <span className="text-slate-500">no</span>}</Cell>
        </tr>
      ))}
    </Table>
  );
}
