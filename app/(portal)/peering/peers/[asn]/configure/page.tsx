import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { db } from '@/db/client';
import { configureRows } from '@/db/queries/peer-configure';
import { asnFromQuery } from '@/db/queries/sessions';
import { BackLink, EmptyState, PageHeader } from '@/components/ui/notice';
import { requirePage } from '@/lib/auth/guard';
import { ConfigureForm } from './configure-form';

export const metadata: Metadata = { title: 'Configure Multiple Sessions' };

/** Every exchange both networks share, one row per peer address family, defaulted from PeeringDB and our peer groups. */
export default async function ConfigureMultiplePage({ params }: { params: Promise<{ asn: string }> }) {
  await requirePage('sessions.configure');
  const asn = asnFromQuery(decodeURIComponent((await params).asn));
  if (!asn) notFound();
  const header = (
    <PageHeader title={`Configure Multiple Sessions · AS${asn}`}>
      <BackLink href={`/peering/peers/${asn}`}>Peer details</BackLink>
    </PageHeader>
  );
  const choices = await configureRows(db(), asn);
  return (
    <>
      {header}
      {choices.name && <p className="-mt-2 mb-4 text-sm text-slate-600">{choices.name}</p>}
      {choices.rows.length === 0 ? (
        <EmptyState title="No exchange in common">PeeringDB lists no exchange where both networks have an address.</EmptyState>
      ) : choices.routers.length === 0 ? (
        <EmptyState title="No router yet">Add a router (and its peer groups) before configuring sessions.</EmptyState>
      ) : (
        <ConfigureForm asn={asn} choices={choices} />
      )}
    </>
  );
}
