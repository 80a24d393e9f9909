import type { Metadata } from 'next';
import { db } from '@/db/client';
import { listAudit } from '@/db/queries/audit';
import { FilterBox } from '@/components/ui/filter-box';
import { Badge, PageHeader } from '@/components/ui/notice';
import { Pager, readPage } from '@/components/ui/pager';
import { Cell, Table } from '@/components/ui/table';
import { requirePage } from '@/lib/auth/guard';

export const metadata: Metadata = { title: 'Audit log' };

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ q?: string; offset?: string }> }) {
  await requirePage('audit.read');
  const page = readPage(await searchParams);
  const rows = await listAudit(db(), { ...page, limit: page.limit + 1 });
  return (
    <>
      <PageHeader title="Audit log">
        <FilterBox q={page.q} placeholder="Action, user or target" />
      </PageHeader>
      <Table head={['When (UTC)', 'Who', 'Via', 'Action', 'Target', 'Details']}>
        {rows.slice(0, page.limit).map((e) => (
          <tr key={e.id}>
            <Cell className="whitespace-nowrap">{e.at.toISOString().replace('T', ' ').slice(0, 19)}</Cell>
            <Cell>{e.actorLabel}</Cell>
            <Cell>{e.via}</Cell>
            <Cell>
              {e.action} {!e.succeeded && <Badge tone="red">refused</Badge>}
            </Cell>
            <Cell>{e.target}</Cell>
            <Cell className="max-w-md break-all font-mono text-xs text-slate-600">{e.details ? JSON.stringify(e.details) : ''}</Cell>
          </tr>
        ))}
      </Table>
      <Pager basePath="/admin/audit" params={{ q: page.q }} offset={page.offset} limit={page.limit} hasMore={rows.length > page.limit} />
    </>
  );
}
