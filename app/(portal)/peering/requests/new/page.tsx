import type { Metadata } from 'next';
import { db } from '@/db/client';
import { BackLink, EmptyState, PageHeader } from '@/components/ui/notice';
import { requirePage } from '@/lib/auth/guard';
import { requestDraft } from '@/lib/peering/requests';
import { BulkSend } from './bulk-send';
import { ComposeForm } from './compose-form';

export const metadata: Metadata = { title: 'Peering request' };

const numbers = (v?: string) => (v ?? '').split(',').map((s) => Number(s.trim().replace(/^AS/i, ''))).filter((n) => Number.isSafeInteger(n) && n > 0);

export default async function NewRequestPage({ searchParams }: { searchParams: Promise<{ asn?: string; asns?: string; ixIds?: string }> }) {
  await requirePage('peers.manage');
  const search = await searchParams;
  const ixIds = numbers(search.ixIds);
  const asns = search.asn ? numbers(search.asn) : numbers(search.asns);
  if (!asns.length) return <EmptyState title="No peer chosen">Open a peer, or select networks on an exchange, and choose Send Request.</EmptyState>;
  const drafts = await Promise.all(asns.slice(0, 200).map((peerAsn) => requestDraft(db(), { peerAsn, ixIds })));
  const single = asns.length === 1;
  return (
    <>
      <PageHeader title={single ? `Peering request to AS${asns[0]}${drafts[0].peer.name ? ` ${drafts[0].peer.name}` : ''}` : `Peering requests to ${asns.length} networks`}>
        <BackLink href={single ? `/peering/peers/${asns[0]}` : `/peering/ixs/${ixIds[0] ?? ''}`}>{single ? 'Peer' : 'Exchange'}</BackLink>
      </PageHeader>
      {!drafts[0].mailReady && (
        <p className="mb-3 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          No SMTP account or sender address is set yet: a Global Admin sets them under Emails › Mail settings.
        </p>
      )}
      {single ? (
        <ComposeForm draft={drafts[0]} />
      ) : (
        <BulkSend
          ixIds={ixIds}
          peers={drafts.map((d) => ({
            asn: d.peer.asn,
            name: d.peer.name,
            to: d.to?.email ?? null,
            note: d.contactNote,
            exchanges: d.exchanges.filter((x) => x.selected).map((x) => x.name),
            doNotAskUntil: d.doNotAskUntil?.toISOString().slice(0, 10) ?? null,
          }))}
        />
      )}
    </>
  );
}
