import type { Metadata } from 'next';
import { BackLink, Forbidden, PageHeader } from '@/components/ui/notice';
import { pageAccess } from '@/lib/auth/guard';
import { listLocalAsns, peeringSettingsView } from '@/lib/settings/service';
import { RouterForm } from '../router-form';

export const metadata: Metadata = { title: 'Add router' };

export default async function NewRouterPage() {
  const { allowed } = await pageAccess('routers.manage');
  if (!allowed) return <Forbidden what="adding routers" />;
  const [localAsns, settings] = await Promise.all([listLocalAsns(), peeringSettingsView()]);
  return (
    <>
      <PageHeader title="Add router">
        <BackLink href="/peering/routers">All routers</BackLink>
      </PageHeader>
      <section className="max-w-3xl rounded border border-slate-200 bg-white p-4">
        <RouterForm localAsns={localAsns} vrfSupport={settings.vrfSupport} />
      </section>
    </>
  );
}
