import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { db } from '@/db/client';
import { getPeerDetails } from '@/db/queries/peer-details';
import { BackLink, PageHeader } from '@/components/ui/notice';
import { Cell, Table } from '@/components/ui/table';
import { requirePage } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { asnFromQuery } from '@/db/queries/sessions';
import { PeerStatusBadge } from '../../ixs/[id]/peer-status-badge';
import { requestHref } from '../request-link';
import { StatusActions } from '../status-actions';
import { AddNoteForm } from './add-note-form';
import { PeerFacts, SharedExchanges } from './peer-facts';
import { PeerFilters } from './peer-filters';
import { NotesLog, PeerEmails, PeerSessions } from './peer-log';

export const metadata: Metadata = { title: 'Peer' };

const linkButton = 'rounded border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-50';

export default async function PeerPage({ params }: { params: Promise<{ asn: string }> }) {
  const actor = await requirePage('peering.read');
  const asn = asnFromQuery(decodeURIComponent((await params).asn));
  if (!asn) notFound();
  const details = await getPeerDetails(db(), asn, { withEmails: can(actor.role, 'emails.read') });
  if (!details.facts && !details.sessions.length && !details.notes.length && !details.statuses.length) notFound();
  const mayManage = can(actor.role, 'peers.manage');
  const exchanges = [...new Map(details.sharedExchanges.map((x) => [x.ixId, { id: x.ixId, name: x.name }])).values()];
  const requestable = details.statuses.filter((s) => s.status === 'new' || s.status === 'request_sent' || s.status === 'request_received');
  return (
    <>
      <PageHeader title={`AS${asn}${details.name ? ` · ${details.name}` : ''}`}>
        {mayManage && requestable.length > 0 && (
          <Link href={requestHref(asn, [...new Set(requestable.map((s) => s.ixId))])} className={linkButton}>
            {requestable.every((s) => s.status !== 'new') ? 'Resend Request' : 'Send Request'}
          </Link>
        )}
        {can(actor.role, 'sessions.configure') && exchanges.length > 0 && (
          <Link href={`/peering/peers/${asn}/configure`} className={linkButton}>
            Configure Multiple Sessions
          </Link>
        )}
        <BackLink href="/peering/peers">All peers</BackLink>
      </PageHeader>
      <PeerFacts details={details} />
      <section className="mt-6">
        <h2 className="mb-2 font-semibold">Exchanges both networks are on</h2>
        <SharedExchanges details={details} />
      </section>
      <section className="mt-6">
        <h2 className="mb-2 font-semibold">Status per exchange</h2>
        {details.statuses.length === 0 ? (
          <p className="text-sm text-slate-600">No shared exchange, so no status to keep.</p>
        ) : (
          <Table head={['Exchange', 'Our ASN', 'Status', 'Last request', mayManage ? 'Actions' : '']}>
            {details.statuses.map((s) => (
              <tr key={`${s.ixId}/${s.localAsn}`} data-testid={`status-${s.ixId}-${s.localAsn}`}>
                <Cell>{s.name}</Cell>
                <Cell className="font-mono">AS{s.localAsn}</Cell>
                <Cell>
                  <PeerStatusBadge status={s.status} />
                </Cell>
                <Cell className="tabular-nums">{s.lastRequestAt ? s.lastRequestAt.toISOString().slice(0, 10) : '—'}</Cell>
                <Cell>
                  {mayManage && <StatusActions peerAsn={asn} ixId={s.ixId} localAsn={s.localAsn} status={s.status} exchange={s.name} />}
                </Cell>
              </tr>
            ))}
          </Table>
        )}
      </section>
      <section className="mt-6">
        <h2 className="mb-2 font-semibold">Notes</h2>
        <NotesLog notes={details.notes} />
        {mayManage && <AddNoteForm peerAsn={asn} exchanges={exchanges} />}
      </section>
      <section className="mt-6">
        <h2 className="mb-2 font-semibold">Sessions</h2>
        <PeerSessions sessions={details.sessions} />
      </section>
      <section className="mt-6">
        <h2 className="mb-2 font-semibold">Filters: policies and IRR prefix lists</h2>
        <PeerFilters asn={asn} mayManage={mayManage} />
      </section>
      {details.emails && (
        <section className="mt-6">
          <h2 className="mb-2 font-semibold">Emails</h2>
          <PeerEmails emails={details.emails} />
        </section>
      )}
    </>
  );
}
