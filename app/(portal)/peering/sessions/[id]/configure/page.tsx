import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { db } from '@/db/client';
import { getSession } from '@/db/queries/sessions';
import { BackLink, PageHeader } from '@/components/ui/notice';
import { requirePage } from '@/lib/auth/guard';
import { renderedForSession } from '@/lib/config/preview';
import { ConfigManager } from './config-manager';

export const metadata: Metadata = { title: 'Config Manager' };

/** The rendered config of one session, editable for one push; the router is contacted only on request. */
export default async function ConfigManagerPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePage('sessions.configure');
  const id = Number((await params).id);
  const session = Number.isSafeInteger(id) && id > 0 ? await getSession(db(), id) : undefined;
  if (!session) notFound();
  const label = `AS${session.peerAsn} ${session.peerIp}`;
  const header = (
    <PageHeader title={`Config Manager · ${label}`}>
      <BackLink href={`/peering/sessions/${session.id}`}>Session</BackLink>
    </PageHeader>
  );
  if (session.removedAt || ['scheduled', 'configuring'].includes(session.configStatus)) {
    return (
      <>
        {header}
        <p role="status" className="rounded border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {session.removedAt ? 'This session was removed from the router.' : 'A configuration job holds this session: see the Scheduler, or wait for it to finish.'}
        </p>
      </>
    );
  }
  const rendered = await renderedForSession(session.id);
  return (
    <>
      {header}
      <ConfigManager
        sessionId={session.id}
        routerName={rendered.router}
        renderOnly={rendered.renderOnly}
        template={rendered.template}
        rendered={rendered.text}
        templateError={rendered.error}
      />
    </>
  );
}
