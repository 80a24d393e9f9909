import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { db } from '@/db/client';
import { exchangeChoices } from '@/db/queries/session-choices';
import { getRouter, listPeerGroups } from '@/db/queries/routers';
import { BackLink, Badge, PageHeader } from '@/components/ui/notice';
import { requirePage } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { platformLabels } from '@/lib/routers/schemas';
import { listLocalAsns, peeringSettingsView } from '@/lib/settings/service';
import { RouterForm } from '../router-form';
import { ConnectionPanel } from './connection-panel';
import { DeleteRouterButton } from './delete-router-button';
import { PeerGroups } from './peer-groups';
import { RouterFacts } from './router-facts';

export const metadata: Metadata = { title: 'Router' };

export default async function RouterPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePage('peering.read');
  const id = Number((await params).id);
  const router = Number.isSafeInteger(id) && id > 0 ? await getRouter(db(), id) : undefined;
  if (!router) notFound();
  const mayManage = can(actor.role, 'routers.manage');
  const [localAsns, settings, groups, exchanges] = await Promise.all([
    listLocalAsns(),
    peeringSettingsView(),
    listPeerGroups(db(), router.id),
    mayManage ? exchangeChoices(db()) : [],
  ]);
  return (
    <>
      <PageHeader title={router.name}>
        <BackLink href="/peering/routers">All routers</BackLink>
      </PageHeader>
      <div className="-mt-2 mb-4 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-slate-600">
        <span>{platformLabels[router.platform]}</span>
        <span className="font-mono text-xs">{router.hostname}</span>
        <span>AS{router.localAsn}</span>
        <span>{router.transport === 'local' ? 'Local transport' : router.transport === 'none' ? 'Render only: pushes are rendered, never sent' : `SSH ${router.managementAddress ?? router.hostname}:${router.sshPort}`}</span>
        <span>
          Sessions <Badge tone={router.sessions ? 'blue' : 'grey'}>{router.sessions}</Badge>
        </span>
      </div>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <section className="rounded border border-slate-200 bg-white p-4">
          <h2 className="mb-3 font-semibold">Settings</h2>
          {mayManage ? (
            <RouterForm
              router={router}
              localAsns={localAsns}
              vrfSupport={settings.vrfSupport}
              mayTrust={can(actor.role, 'routers.trust')}
              mayApprove={can(actor.role, 'changes.approve')}
            />
          ) : (
            <RouterFacts router={router} />
          )}
        </section>
        <div className="flex flex-col gap-6">
          <ConnectionPanel
            router={{
              id: router.id,
              name: router.name,
              transport: router.transport,
              hostKey: router.hostKey,
              pendingHostKey: router.pendingHostKey,
            }}
            lastContact={{ at: router.lastContactAt, result: router.lastContactResult }}
            mayTest={mayManage}
            mayTrust={can(actor.role, 'routers.trust')}
          />
          {mayManage && <DeleteRouterButton router={{ id: router.id, name: router.name, sessions: router.sessions }} />}
        </div>
      </div>
      <PeerGroups
        routerId={router.id}
        groups={groups}
        exchanges={exchanges.map((x) => ({ id: x.id, name: x.name }))}
        mayManage={mayManage}
      />
    </>
  );
}
