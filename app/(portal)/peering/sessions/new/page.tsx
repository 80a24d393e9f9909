import type { Metadata } from 'next';
import { db } from '@/db/client';
import { exchangeChoices, peerGroupChoices, routerChoices } from '@/db/queries/session-choices';
import { BackLink, PageHeader } from '@/components/ui/notice';
import { requirePage } from '@/lib/auth/guard';
import { SessionWizard } from './session-wizard';

export const metadata: Metadata = { title: 'Add Session' };

/** ?ixId= preselects the exchange, for links from an exchange's page. */
export default async function NewSessionPage({ searchParams }: { searchParams: Promise<{ ixId?: string }> }) {
  await requirePage('sessions.manage');
  const [exchanges, routers, peerGroups] = await Promise.all([exchangeChoices(db()), routerChoices(db()), peerGroupChoices(db())]);
  const wanted = Number((await searchParams).ixId);
  return (
    <>
      <PageHeader title="Add Session">
        <BackLink href="/peering/sessions">All sessions</BackLink>
      </PageHeader>
      <p className="-mt-2 mb-4 max-w-3xl text-sm text-slate-600">
        The session is recorded as Not Configured; configuring it on the router is a separate step.
      </p>
      <SessionWizard
        exchanges={exchanges}
        routers={routers}
        peerGroups={peerGroups}
        initialIxId={exchanges.find((x) => x.id === wanted)?.id}
      />
    </>
  );
}
