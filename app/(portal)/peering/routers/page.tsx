import type { Metadata } from 'next';
import Link from 'next/link';
import { db } from '@/db/client';
import { listRouters } from '@/db/queries/routers';
import { FilterBox } from '@/components/ui/filter-box';
import { Badge, EmptyState, PageHeader } from '@/components/ui/notice';
import { Pager, readPage } from '@/components/ui/pager';
import { Cell, Table } from '@/components/ui/table';
import { requirePage } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { platformLabels } from '@/lib/routers/schemas';
import { ContactBadge } from './contact-badge';

export const metadata: Metadata = { title: 'Routers' };

export default async function RoutersPage({ searchParams }: { searchParams: Promise<{ q?: string; offset?: string }> }) {
  const actor = await requirePage('peering.read');
  const page = readPage(await searchParams);
  const rows = await listRouters(db(), { ...page, limit: page.limit + 1 });
  const mayManage = can(actor.role, 'routers.manage');
  return (
    <>
      <PageHeader title="Routers">
        <FilterBox q={page.q} placeholder="Name, hostname, address or platform" />
        {mayManage && (
          <Link href="/peering/routers/new" className="rounded bg-sky-700 px-3 py-1.5 text-sm font-medium text-white shadow-sm hover:bg-sky-800">
            Add router
          </Link>
        )}
      </PageHeader>
      {rows.length === 0 ? (
        page.q ? (
          <EmptyState title={`No router matches “${page.q}”`}>Filter by name, hostname, management address or platform.</EmptyState>
        ) : (
          <EmptyState title="No routers yet">
            Add the routers that face your exchanges: Peerdesk reaches them over SSH (or runs the daemon&apos;s CLI locally), tests the
            connection, and keeps their peer groups and sessions.{!mayManage && ' Ask an Operator or Admin to add one.'}
          </EmptyState>
        )
      ) : (
        <>
          <Table head={['Router', 'Hostname', 'Platform', 'Management address', 'Local ASN', 'Sessions', 'Last contact']}>
            {rows.slice(0, page.limit).map((r) => (
              <tr key={r.id} data-testid={`router-${r.name}`}>
                <Cell>
                  <Link href={`/peering/routers/${r.id}`} className="font-medium text-sky-800 hover:underline">
                    {r.name}
                  </Link>
                  {r.pendingHostKey && (
                    <div>
                      <Badge tone="amber">host key changed</Badge>
                    </div>
                  )}
                </Cell>
                <Cell className="font-mono text-xs">{r.hostname}</Cell>
                <Cell className="whitespace-nowrap">
                  {platformLabels[r.platform]}
                  {r.transport === 'local' && <span className="ml-1 text-xs text-slate-500">(local)</span>}
                  {r.transport === 'none' && (
                    <span className="ml-1">
                      <Badge tone="amber">render only</Badge>
                    </span>
                  )}
                </Cell>
                <Cell className="font-mono text-xs">{r.managementAddress ?? <span className="text-slate-400">—</span>}</Cell>
                <Cell className="whitespace-nowrap">AS{r.localAsn}</Cell>
                <Cell>
                  <Badge tone={r.sessions ? 'blue' : 'grey'}>{r.sessions}</Badge>
                </Cell>
                <Cell>
                  <ContactBadge router={r} />
                </Cell>
              </tr>
            ))}
          </Table>
          <Pager basePath="/peering/routers" params={{ q: page.q }} offset={page.offset} limit={page.limit} hasMore={rows.length > page.limit} />
        </>
      )}
    </>
  );
}
