import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { db } from '@/db/client';
import { peerGroupChoices } from '@/db/queries/session-choices';
import { getSession, listSessionPushes } from '@/db/queries/sessions';
import { BackLink, PageHeader } from '@/components/ui/notice';
import { requirePage } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { ConfigHistory } from './config-history';
import { DeleteSessionButton } from './delete-session-button';
import { EditSessionForm } from './edit-session-form';
import { LiveStatus } from './live-status';
import { SessionConfigButtons } from './session-config-buttons';
import { SessionSummary } from './session-summary';

export const metadata: Metadata = { title: 'Session' };

export default async function SessionPage({ params, searchParams }: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ added?: string }>;
}) {
  const actor = await requirePage('peering.read');
  const id = Number((await params).id);
  const session = Number.isSafeInteger(id) && id > 0 ? await getSession(db(), id) : undefined;
  if (!session) notFound();
  const [pushes, groups, { added }] = await Promise.all([
    listSessionPushes(db(), session.id),
    peerGroupChoices(db(), session.routerId),
    searchParams,
  ]);
  const mayManage = can(actor.role, 'sessions.manage');
  const label = `AS${session.peerAsn} ${session.peerIp}`;
  return (
    <>
      <PageHeader title={`${label}${session.peerName ? ` · ${session.peerName}` : ''}`}>
        {can(actor.role, 'sessions.configure') && <SessionConfigButtons id={session.id} label={label} status={session.configStatus} adminDown={session.adminDown} />}
        {mayManage && !['scheduled', 'configuring', 'removed'].includes(session.configStatus) && <DeleteSessionButton id={session.id} label={label} status={session.configStatus} />}
        <BackLink href="/peering/sessions">All sessions</BackLink>
      </PageHeader>
      {added && (
        <p role="status" className="mb-4 rounded border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          Session added on {session.routerName}. It is Not Configured until it is pushed to the router.
        </p>
      )}
      <nav className="mb-3 flex gap-3 text-sm" aria-label="Session">
        <span className="font-medium text-slate-900">Overview</span>
        <Link href={`/peering/sessions/${session.id}/routes`} className="font-medium text-sky-800 hover:underline">
          Routes
        </Link>
      </nav>
      <LiveStatus status={session.configStatus} />
      <SessionSummary session={session} />
      {mayManage && (
        <section id="edit" className="mt-6 scroll-mt-4 rounded border border-slate-200 bg-white p-4">
          <h2 className="mb-3 font-semibold">Edit</h2>
          <EditSessionForm session={session} peerGroups={groups.filter((g) => session.ixId === null || g.ixId === session.ixId)} />
        </section>
      )}
      <section className="mt-6">
        <h2 className="mb-2 font-semibold">Config history</h2>
        <ConfigHistory pushes={pushes} />
      </section>
    </>
  );
}
