import type { Metadata } from 'next';
import Link from 'next/link';
import { db } from '@/db/client';
import { newPeerMessages } from '@/db/queries/requests';
import { Badge, EmptyState, PageHeader } from '@/components/ui/notice';
import { Pager, readPage } from '@/components/ui/pager';
import { Cell, Table } from '@/components/ui/table';
import { requirePage } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { listPipeline, requestStageLabels, requestStages, type RequestStage } from '@/lib/peering/pipeline';
import { requestListFilters } from '@/lib/peering/request-schemas';
import { When } from '@/app/(portal)/scheduler/job-display';
import { MarkIncoming, RequestActions, RunFollowUps } from './request-actions';

export const metadata: Metadata = { title: 'Requests' };

type Search = { stage?: string; ixId?: string; peerAsn?: string; localAsn?: string; offset?: string };

const tones: Record<RequestStage, 'green' | 'amber' | 'red' | 'blue' | 'grey'> = {
  sent: 'grey',
  replied: 'blue',
  approved: 'green',
  configured: 'green',
  established: 'green',
  stalled: 'red',
};

const day = (d: Date) => d.toISOString().slice(0, 10);

export default async function RequestsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePage('peering.read');
  const search = await searchParams;
  const page = readPage(search);
  const parsed = requestListFilters.safeParse({
    stage: search.stage || undefined,
    ixId: search.ixId || undefined,
    peerAsn: search.peerAsn?.replace(/^AS/i, '') || undefined,
    localAsn: search.localAsn || undefined,
    limit: page.limit,
    offset: page.offset,
  });
  const filters = parsed.success ? parsed.data : requestListFilters.parse({ limit: page.limit, offset: page.offset });
  const pipeline = await listPipeline(db(), filters);
  const mayManage = can(actor.role, 'peers.manage');
  const mayReadEmails = can(actor.role, 'emails.read');
  const incoming = can(actor.role, 'emails.manage') ? await newPeerMessages(db()) : [];
  const suggest = pipeline.followUp.mode === 'suggest';
  const now = Date.now();
  return (
    <>
      <PageHeader title="Requests">
        <Link href="/peering/requests/notices" className="text-sm text-sky-700 hover:underline">
          Bulk notice
        </Link>
        {mayManage && <RunFollowUps />}
      </PageHeader>
      <p className="mb-3 text-sm text-slate-600">
        Every peering request we sent, replies first, then stalled ones. Follow-ups: after {pipeline.followUp.afterHours} hours without an answer, at most {pipeline.followUp.max},{' '}
        {suggest ? 'suggested here (one click sends)' : 'sent by Peerdesk'}; a Global Admin changes this under Emails › Settings.
      </p>
      {!parsed.success && <p className="mb-2 text-sm text-rose-700">Some filters were not understood and are ignored.</p>}
      <form method="get" className="mb-3 flex flex-wrap items-end gap-2 text-sm" role="search">
        <label className="flex flex-col">
          <span className="text-xs text-slate-500">Stage</span>
          <select name="stage" defaultValue={filters.stage ?? ''} className="rounded border border-slate-300 px-2 py-1.5">
            <option value="">Any</option>
            {requestStages.map((s) => (
              <option key={s} value={s}>
                {requestStageLabels[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col">
          <span className="text-xs text-slate-500">Peer ASN</span>
          <input name="peerAsn" defaultValue={filters.peerAsn ?? ''} className="w-28 rounded border border-slate-300 px-2 py-1.5" />
        </label>
        <label className="flex flex-col">
          <span className="text-xs text-slate-500">Exchange id</span>
          <input name="ixId" defaultValue={filters.ixId ?? ''} className="w-24 rounded border border-slate-300 px-2 py-1.5" />
        </label>
        <label className="flex flex-col">
          <span className="text-xs text-slate-500">Our ASN</span>
          <input name="localAsn" defaultValue={filters.localAsn ?? ''} className="w-28 rounded border border-slate-300 px-2 py-1.5" />
        </label>
        <button type="submit" className="rounded border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50">
          Filter
        </button>
      </form>
      {pipeline.rows.length === 0 && !page.offset ? (
        <EmptyState title="No requests">Requests sent from a peer&apos;s page or an exchange show up here, with their replies and follow-ups.</EmptyState>
      ) : (
        <Table head={['Peer', 'Exchange', 'Our ASN', 'Stage', 'Sent', 'Last activity', 'Follow-ups', 'Next follow-up', '']}>
          {pipeline.rows.map((r) => {
            const due = !!r.nextFollowUpAt && r.nextFollowUpAt.getTime() <= now;
            return (
              <tr key={`${r.peerAsn}-${r.ixId}-${r.localAsn}`} data-testid={`request-${r.peerAsn}-${r.ixId}`} className="hover:bg-slate-50">
                <Cell>
                  <Link href={`/peering/peers/${r.peerAsn}`} className="text-sky-800 hover:underline">
                    AS{r.peerAsn}
                  </Link>{' '}
                  {r.peerName}
                  {r.doNotAskUntil && <div className="text-xs text-amber-800">Declined: do not ask until {day(r.doNotAskUntil)}</div>}
                </Cell>
                <Cell>{r.exchange}</Cell>
                <Cell>AS{r.localAsn}</Cell>
                <Cell>
                  <Badge tone={tones[r.stage]}>{requestStageLabels[r.stage]}</Badge>
                </Cell>
                <Cell>
                  <When at={r.sentAt} />
                </Cell>
                <Cell>
                  <When at={r.lastActivityAt} />
                </Cell>
                <Cell>
                  {r.followUps} / {pipeline.followUp.max}
                </Cell>
                <Cell>{r.nextFollowUpAt ? due ? <Badge tone="amber">Due</Badge> : <When at={r.nextFollowUpAt} /> : <span className="text-slate-500">—</span>}</Cell>
                <Cell>
                  <RequestActions row={{ ...r, due }} mayManage={mayManage} mayReadEmails={mayReadEmails} suggest={suggest} />
                </Cell>
              </tr>
            );
          })}
        </Table>
      )}
      <Pager
        basePath="/peering/requests"
        params={{
          stage: filters.stage,
          peerAsn: filters.peerAsn?.toString(),
          ixId: filters.ixId?.toString(),
          localAsn: filters.localAsn?.toString(),
        }}
        offset={page.offset}
        limit={page.limit}
        hasMore={page.offset + pipeline.rows.length < pipeline.total}
      />
      {incoming.length > 0 && (
        <section className="mt-6">
          <h2 className="mb-2 text-sm font-semibold text-slate-800">New messages from peers</h2>
          <p className="mb-2 text-sm text-slate-600">From a peer&apos;s contact, answering nothing we sent: most likely they ask to peer.</p>
          <Table head={['Peer', 'From', 'Subject', 'Received', '']}>
            {incoming.map((m) => (
              <tr key={m.id} data-testid={`incoming-${m.id}`}>
                <Cell>
                  <Link href={`/peering/peers/${m.peerAsn}`} className="text-sky-800 hover:underline">
                    AS{m.peerAsn}
                  </Link>{' '}
                  {m.peerName}
                </Cell>
                <Cell>{m.fromAddress}</Cell>
                <Cell>
                  <Link href={`/peering/emails/${m.id}`} className="text-sky-800 hover:underline">
                    {m.subject || '(no subject)'}
                  </Link>
                </Cell>
                <Cell>
                  <When at={m.at} />
                </Cell>
                <Cell>
                  <MarkIncoming emailId={m.id} exchanges={m.exchanges} />
                </Cell>
              </tr>
            ))}
          </Table>
        </section>
      )}
    </>
  );
}
