import type { Metadata } from 'next';
import { BackLink, PageHeader } from '@/components/ui/notice';
import { requirePage } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { listLocalAsns, peeringSettingsView } from '@/lib/settings/service';
import { RouterForm } from '../router-form';

export const metadata: Metadata = { title: 'Add router' };

export default async function NewRouterPage() {
  const actor = await requirePage('routers.manage');
  const [localAsns, settings] = await Promise.all([listLocalAsns(), peeringSettingsView()]);
  return (
    <>
      <PageHeader title="Add router">
        <BackLink href="/peering/routers">All routers</BackLink>
      </PageHeader>
      <section className="max-w-3xl rounded border border-slate-200 bg-white p-4">
        <RouterForm localAsns={localAsns} vrfSupport={settings.vrfSupport} mayApprove={can(actor.role, 'changes.approve')} />
      </section>
    </>
  );
}
