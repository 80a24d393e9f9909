import type { Metadata } from 'next';
import { db } from '@/db/client';
import { listSourceNetworks } from '@/db/queries/exchanges';
import { BackLink, PageHeader } from '@/components/ui/notice';
import { requirePage } from '@/lib/auth/guard';
import { peeringSettingsView } from '@/lib/settings/service';
import { PeeringSettingsForm } from './peering-settings-form';
import { SourceNetworks } from './source-networks';

export const metadata: Metadata = { title: 'Peering settings' };

export default async function PeeringSettingsPage() {
  await requirePage('settings.manage');
  const [view, sources] = await Promise.all([peeringSettingsView(), listSourceNetworks(db())]);
  return (
    <>
      <PageHeader title="Peering settings">
        <BackLink href="/peering/ixs">Exchanges</BackLink>
      </PageHeader>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,34rem)_1fr]">
        <section className="rounded border border-slate-200 bg-white p-4">
          <PeeringSettingsForm view={view} />
        </section>
        <section>
          <h2 className="mb-1 font-semibold">Source networks</h2>
          <p className="mb-3 text-sm text-slate-600">Your ASNs as found in the PeeringDB data, and the exchanges where each is present.</p>
          <SourceNetworks networks={sources} />
        </section>
      </div>
    </>
  );
}
