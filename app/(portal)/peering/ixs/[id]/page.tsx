import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { db } from '@/db/client';
import { getExchange } from '@/db/queries/exchanges';
import { BackLink, Badge, PageHeader } from '@/components/ui/notice';
import { requirePage } from '@/lib/auth/guard';
import { listLocalAsns } from '@/lib/settings/service';
import { CommunicationsTab } from './communications-tab';
import { ConnectionsTab } from './connections-tab';
import { ExchangeTabs, readTab } from './exchange-tabs';
import { SessionsTab } from './sessions-tab';
import { OpportunityList } from '../../opportunities/opportunity-list';

export const metadata: Metadata = { title: 'Exchange' };

type Search = { tab?: string; q?: string; status?: string; policy?: string; minScore?: string; offset?: string };

export default async function ExchangePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Search> }) {
  const actor = await requirePage('peering.read');
  const id = Number((await params).id);
  const exchange = Number.isSafeInteger(id) && id > 0 ? await getExchange(db(), id) : undefined;
  if (!exchange) notFound();
  const search = await searchParams;
  const tab = readTab(search.tab);
  return (
    <>
      <PageHeader title={exchange.name}>
        <BackLink href="/peering/ixs">All exchanges</BackLink>
      </PageHeader>
      <div className="-mt-2 mb-4 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-slate-600">
        <span>{[exchange.city, exchange.country].filter(Boolean).join(', ')}</span>
        <span>
          Current peers <Badge tone={exchange.currentPeers ? 'green' : 'grey'}>{exchange.currentPeers}</Badge>
        </span>
        <span>
          Unapproved peers <Badge tone={exchange.unapprovedPeers ? 'amber' : 'grey'}>{exchange.unapprovedPeers}</Badge>
        </span>
        {exchange.pdbStatus !== 'ok' && <Badge tone="red">{exchange.pdbStatus} in PeeringDB</Badge>}
      </div>
      <ExchangeTabs ixId={exchange.id} current={tab} counts={{ sessions: exchange.sessions }} />
      {tab === 'details' && <ConnectionsTab exchange={exchange} />}
      {tab === 'sessions' && <SessionsTab ixId={exchange.id} search={search} />}
      {tab === 'opportunities' && <OpportunityList actor={actor} search={search} ixId={exchange.id} basePath={`/peering/ixs/${exchange.id}`} extraParams={{ tab: 'opportunities' }} />}
      {tab === 'communications' && <CommunicationsTab ixId={exchange.id} search={search} multipleLocalAsns={(await listLocalAsns()).length > 1} />}
    </>
  );
}
