import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { db } from '@/db/client';
import { getSession } from '@/db/queries/sessions';
import { BackLink, Badge, EmptyState, PageHeader } from '@/components/ui/notice';
import { Cell, Table } from '@/components/ui/table';
import { requirePage } from '@/lib/auth/guard';
import { ServiceError } from '@/lib/errors';
import { readSessionRoutes, rejectionReason, storedRoutes } from '@/lib/filters/routes';

export const metadata: Metadata = { title: 'Received routes' };

const rpkiTone = { valid: 'green', invalid: 'red', notfound: 'grey' } as const;

/** The session's Routes tab: what the peer sends, read from the router now, with RPKI and IRR state and why a route was refused. */
export default async function SessionRoutesPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePage('peering.read');
  const id = Number((await params).id);
  const session = Number.isSafeInteger(id) && id > 0 ? await getSession(db(), id) : undefined;
  if (!session) notFound();
  let problem: string | null = null;
  let read = null;
  try {
    read = await readSessionRoutes(session.id);
  } catch (err) {
    if (!(err instanceof ServiceError)) throw err;
    problem = err.message;
    read = await storedRoutes(session.id);
  }
  return (
    <>
      <PageHeader title={`Routes from AS${session.peerAsn} ${session.peerIp}`}>
        <BackLink href={`/peering/sessions/${session.id}`}>The session</BackLink>
      </PageHeader>
      {problem && (
        <p role="alert" className="mb-3 rounded border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Could not read the routes now: {problem}
          {read && ` Showing those read ${read.readAt.toISOString().slice(0, 16).replace('T', ' ')}.`}
        </p>
      )}
      {!read || read.routes.length === 0 ? (
        <EmptyState title="No routes received">The peer sends nothing, or the session is not up.</EmptyState>
      ) : (
        <>
          <p className="mb-2 text-sm" data-testid="route-counts">
            {read.counts.received} received, {read.counts.accepted} accepted, {read.counts.invalid} RPKI invalid,{' '}
            {read.counts.unlisted} not in the IRR list.
          </p>
          <Table head={['Prefix', 'AS path', 'RPKI', 'IRR', 'Accepted', 'Why not']}>
            {read.routes.map((r) => (
              <tr key={r.prefix} data-testid={`route-${r.prefix}`}>
                <Cell className="font-mono">{r.prefix}</Cell>
                <Cell className="font-mono">{r.asPath || '—'}</Cell>
                <Cell>
                  <Badge tone={rpkiTone[r.rpki]}>{r.rpki === 'notfound' ? 'not found' : r.rpki}</Badge>
                </Cell>
                <Cell>{r.irr === 'listed' ? <Badge tone="green">listed</Badge> : <Badge tone="amber">not listed</Badge>}</Cell>
                <Cell>{r.accepted ? 'yes' : 'no'}</Cell>
                <Cell>{rejectionReason(r) ?? ''}</Cell>
              </tr>
            ))}
          </Table>
        </>
      )}
    </>
  );
}
