import Link from 'next/link';
import { db } from '@/db/client';
import { listExchangeSessions } from '@/db/queries/exchanges';
import { EmptyState } from '@/components/ui/notice';
import { Pager, readPage } from '@/components/ui/pager';
import { ExchangeSessionTable } from './exchange-session-table';

/** Our BGP sessions facing this exchange; each opens its Session Details. */
export async function SessionsTab({ ixId, search }: { ixId: number; search: { offset?: string } }) {
  const page = readPage(search);
  const rows = await listExchangeSessions(db(), ixId, { ...page, limit: page.limit + 1 });
  if (rows.length === 0 && !page.offset) {
    return (
      <EmptyState title="No sessions at this exchange yet">
        BGP sessions on your routers that face this exchange are listed here.{' '}
        <Link href={`/peering/sessions/new?ixId=${ixId}`} className="text-sky-700 underline">
          Add a session
        </Link>
      </EmptyState>
    );
  }
  return (
    <>
      <ExchangeSessionTable rows={rows.slice(0, page.limit)} />
      <Pager basePath={`/peering/ixs/${ixId}`} params={{ tab: 'sessions' }} offset={page.offset} limit={page.limit} hasMore={rows.length > page.limit} />
    </>
  );
}
