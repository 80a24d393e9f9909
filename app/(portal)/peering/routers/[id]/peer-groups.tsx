import Link from 'next/link';
import { Badge } from '@/components/ui/notice';
import { Cell, Table } from '@/components/ui/table';
import { DeletePeerGroupButton } from './delete-peer-group-button';
import { PeerGroupForm } from './peer-group-form';

type Group = { id: number; ixId: number | null; exchangeName: string | null; name: string; family: number; sessions: number };

export function PeerGroups({ routerId, groups, exchanges, mayManage }: {
  routerId: number;
  groups: Group[];
  exchanges: { id: number; name: string }[];
  mayManage: boolean;
}) {
  return (
    <section className="mt-6">
      <h2 className="mb-1 font-semibold">Peer Groups</h2>
      <p className="mb-3 text-sm text-slate-600">Peer groups here mirror the router: adding or deleting them here does not change the router.</p>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <Table
          head={['Exchange', 'Name', 'Family', 'Sessions', ...(mayManage ? [''] : [])]}
          empty={groups.length === 0 && <p className="px-3 py-6 text-center text-sm text-slate-500">No peer groups recorded for this router yet.</p>}
        >
          {groups.map((g) => (
            <tr key={g.id} data-testid={`peer-group-${g.name}-${g.family}`}>
              <Cell>
                {g.ixId ? (
                  <Link href={`/peering/ixs/${g.ixId}`} className="text-sky-800 hover:underline">
                    {g.exchangeName ?? `IX ${g.ixId}`}
                  </Link>
                ) : (
                  <span className="text-slate-400">—</span>
                )}
              </Cell>
              <Cell className="font-mono text-xs">{g.name}</Cell>
              <Cell>IPv{g.family}</Cell>
              <Cell>
                <Badge tone={g.sessions ? 'blue' : 'grey'}>{g.sessions}</Badge>
              </Cell>
              {mayManage && (
                <Cell className="text-right">
                  <DeletePeerGroupButton group={{ id: g.id, name: g.name, family: g.family }} />
                </Cell>
              )}
            </tr>
          ))}
        </Table>
        {mayManage && (
          <section className="rounded border border-slate-200 bg-white p-4">
            <h3 className="mb-3 font-semibold">Add group</h3>
            {exchanges.length ? (
              <PeerGroupForm routerId={routerId} exchanges={exchanges} />
            ) : (
              <p className="text-sm text-slate-600">
                No exchange where your ASNs are present yet: see{' '}
                <Link href="/peering/ixs" className="text-sky-700 underline">
                  IXs
                </Link>
                .
              </p>
            )}
          </section>
        )}
      </div>
    </section>
  );
}
