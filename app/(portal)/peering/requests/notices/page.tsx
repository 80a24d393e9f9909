import type { Metadata } from 'next';
import { asc } from 'drizzle-orm';
import { db } from '@/db/client';
import { listExchanges } from '@/db/queries/exchanges';
import { routers } from '@/db/schema';
import { BackLink, PageHeader } from '@/components/ui/notice';
import { requirePage } from '@/lib/auth/guard';
import { NoticeForm } from './notice-form';

export const metadata: Metadata = { title: 'Bulk notice' };

export default async function NoticePage() {
  await requirePage('peers.manage');
  const routerList = await db().select({ id: routers.id, name: routers.name }).from(routers).orderBy(asc(routers.name));
  const exchanges = await listExchanges(db(), { limit: 500, offset: 0 });
  return (
    <>
      <PageHeader title="Bulk notice">
        <BackLink href="/peering/requests">Requests</BackLink>
      </PageHeader>
      <p className="mb-3 max-w-3xl text-sm text-slate-600">
        One message, rendered for each peer with its own sessions,
        to its NOC and Technical contacts (else Policy). Each is filed in Sent and in the peer&apos;s notes.
      </p>
      <NoticeForm routers={routerList} exchanges={exchanges.map((x) => ({ id: x.id, name: x.name }))} />
    </>
  );
}
