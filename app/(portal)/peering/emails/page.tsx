import type { Metadata } from 'next';
import Link from 'next/link';
import { db } from '@/db/client';
import { listEmails } from '@/db/queries/emails';
import { FilterBox } from '@/components/ui/filter-box';
import { EmptyState, PageHeader } from '@/components/ui/notice';
import { Pager, readPage } from '@/components/ui/pager';
import { Cell, Table } from '@/components/ui/table';
import { requirePage } from '@/lib/auth/guard';
import { mailSyncStates } from '@/lib/mail/job';
import { mailConfig } from '@/lib/mail/settings';
import { AssociationBadge } from './association-badge';
import { SyncNowButton } from './sync-now-button';

export const metadata: Metadata = { title: 'Emails' };

type Search = { q?: string; offset?: string; view?: string };

export default async function EmailsPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requirePage('emails.read');
  const search = await searchParams;
  const page = readPage(search);
  const threads = search.view !== 'flat';
  const [rows, states, config] = await Promise.all([listEmails(db(), { ...page, threads }), mailSyncStates(), mailConfig()]);
  const hasMore = rows.length > page.limit;
  return (
    <>
      <PageHeader title="Peering mailbox">
        <SyncNowButton />
        <Link href="/peering/emails/settings" className="text-sm text-sky-700 hover:underline">
          Mail settings
        </Link>
      </PageHeader>
      <div className="mb-3 flex flex-wrap items-center gap-4 text-sm text-slate-600" data-testid="sync-state">
        {!config.imap && <span className="text-amber-800">No IMAP account is set: open Mail settings.</span>}
        {states.map((s) => (
          <span key={s.mailbox}>
            {s.mailbox === 'inbox' ? 'Inbox' : 'Sent'}: {s.lastRunAt ? `synced ${s.lastRunAt.toISOString().slice(0, 16).replace('T', ' ')} UTC` : 'never synced'}
            {s.lastError && <span className="text-rose-700"> — failed: {s.lastError}</span>}
          </span>
        ))}
      </div>
      <div className="mb-3 flex flex-wrap items-center gap-4">
        <FilterBox q={page.q} placeholder="From, subject or peer" />
        <nav className="flex gap-3 text-sm">
          <Link href={`/peering/emails?${new URLSearchParams({ ...(page.q && { q: page.q }) })}`} className={threads ? 'font-semibold' : 'text-sky-700'}>
            Threads
          </Link>
          <Link href={`/peering/emails?${new URLSearchParams({ ...(page.q && { q: page.q }), view: 'flat' })}`} className={threads ? 'text-sky-700' : 'font-semibold'}>
            All messages
          </Link>
        </nav>
      </div>
      {rows.length === 0 && !page.offset ? (
        <EmptyState title={page.q ? 'Nothing matches' : 'No messages yet'}>{page.q ? 'Try another sender, subject or peer.' : 'Messages appear here after a sync.'}</EmptyState>
      ) : (
        <Table head={['Date', 'From / To', 'Subject', 'Peer', '']}>
          {rows.slice(0, page.limit).map((r) => (
            <tr key={r.id} className={r.threadUnread ? 'font-semibold' : ''} data-testid={`email-${r.id}`}>
              <Cell className="whitespace-nowrap">{r.date ? r.date.toISOString().slice(0, 16).replace('T', ' ') : '—'}</Cell>
              <Cell>{r.mailbox === 'sent' ? `To ${r.toAddresses.join(', ')}` : r.fromName ? `${r.fromName} <${r.fromAddress}>` : r.fromAddress}</Cell>
              <Cell>
                <Link href={`/peering/emails/${r.id}`} className="text-sky-700 hover:underline">
                  {r.subject || '(no subject)'}
                </Link>
                {threads && r.threadCount > 1 && <span className="ml-2 text-xs text-slate-500">{r.threadCount} messages</span>}
                {r.hasAttachments && <span className="ml-2 text-xs text-slate-500">📎</span>}
              </Cell>
              <Cell>
                {r.peerAsn ? (
                  <Link href={`/peering/peers/${r.peerAsn}`} className="hover:underline">
                    AS{r.peerAsn} {r.peerName}
                  </Link>
                ) : (
                  '—'
                )}
              </Cell>
              <Cell>
                <AssociationBadge association={r.association} />
              </Cell>
            </tr>
          ))}
        </Table>
      )}
      <Pager basePath="/peering/emails" params={{ q: page.q, view: threads ? undefined : 'flat' }} offset={page.offset} limit={page.limit} hasMore={hasMore} />
    </>
  );
}
