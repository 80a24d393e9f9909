import Link from 'next/link';
import { Badge } from '@/components/ui/notice';
import { Cell, Table } from '@/components/ui/table';

type SourceNetwork = { asn: number; name: string | null; exchanges: { id: number; name: string }[] };

/** Each local ASN as PeeringDB sees it: a quick check that the ASNs and the last sync are right. */
export function SourceNetworks({ networks }: { networks: SourceNetwork[] }) {
  return (
    <Table
      head={['ASN', 'PeeringDB network', 'Exchanges']}
      empty={networks.length === 0 && <p className="px-3 py-6 text-center text-sm text-slate-500">No local ASNs yet: enter them in the form.</p>}
    >
      {networks.map((n) => (
        <tr key={n.asn} data-testid={`source-network-${n.asn}`}>
          <Cell className="whitespace-nowrap font-mono">AS{n.asn}</Cell>
          <Cell>{n.name ?? <span className="text-slate-500">not found in PeeringDB data yet</span>}</Cell>
          <Cell>
            {n.exchanges.length ? (
              <div className="flex flex-wrap gap-1">
                {n.exchanges.map((x) => (
                  <Link key={x.id} href={`/peering/ixs/${x.id}`} className="hover:underline">
                    <Badge tone="blue">{x.name}</Badge>
                  </Link>
                ))}
              </div>
            ) : (
              <span className="text-slate-500">{n.name ? 'none in PeeringDB' : '—'}</span>
            )}
          </Cell>
        </tr>
      ))}
    </Table>
  );
}
