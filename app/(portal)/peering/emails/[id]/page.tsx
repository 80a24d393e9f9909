import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { db } from '@/db/client';
import { getEmail, threadOf } from '@/db/queries/emails';
import { sharedExchanges } from '@/db/queries/peer-details';
import { BackLink, PageHeader } from '@/components/ui/notice';
import { requirePage } from '@/lib/auth/guard';
import { markEmailSeen } from '@/lib/mail/service';
import { AssociationBadge } from '../association-badge';
import { EmailControls } from './email-controls';
import { HtmlFrame } from './html-frame';

export const metadata: Metadata = { title: 'Message' };

export default async function EmailPage({ params, searchParams }: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ images?: string }>;
}) {
  const actor = await requirePage('emails.read');
  const { id } = await params;
  const email = /^\d+$/.test(id) ? await getEmail(db(), Number(id)) : undefined;
  if (!email) notFound();
  if (!email.seen) await markEmailSeen(actor, { id: email.id });
  const showImages = (await searchParams).images === '1';
  const [thread, shared] = await Promise.all([
    threadOf(db(), email.threadId, email.id),
    email.peerAsn ? sharedExchanges(db(), email.peerAsn) : Promise.resolve([]),
  ]);
  const exchanges = [...new Map(shared.map((s) => [s.ixId, { ixId: s.ixId, name: s.name }])).values()];
  return (
    <>
      <PageHeader title={email.subject || '(no subject)'}>
        <BackLink href="/peering/emails">Mailbox</BackLink>
      </PageHeader>
      <dl className="mb-4 grid grid-cols-[6rem_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-slate-500">From</dt>
        <dd>{email.fromName ? `${email.fromName} <${email.fromAddress}>` : email.fromAddress}</dd>
        <dt className="text-slate-500">To</dt>
        <dd>{email.toAddresses.join(', ')}</dd>
        {email.ccAddresses.length > 0 && (
          <>
            <dt className="text-slate-500">Cc</dt>
            <dd>{email.ccAddresses.join(', ')}</dd>
          </>
        )}
        <dt className="text-slate-500">Date</dt>
        <dd>{email.date?.toISOString().replace('T', ' ').slice(0, 19) ?? '—'} UTC</dd>
        <dt className="text-slate-500">Folder</dt>
        <dd>{email.mailbox === 'sent' ? 'Sent' : 'Inbox'}</dd>
        <dt className="text-slate-500">Peer</dt>
        <dd className="flex items-center gap-2" data-testid="email-peer">
          {email.peerAsn ? (
            <Link href={`/peering/peers/${email.peerAsn}`} className="text-sky-700 hover:underline">
              AS{email.peerAsn} {email.peerName}
            </Link>
          ) : (
            'not tied to a peer'
          )}
          <AssociationBadge association={email.association} />
        </dd>
      </dl>
      <EmailControls id={email.id} peerAsn={email.peerAsn} exchanges={exchanges} />
      {email.htmlSanitized ? (
        <section className="mb-4">
          {email.hasRemoteImages && !showImages && (
            <p className="mb-2 text-sm text-slate-600">
              Remote images are blocked.{' '}
              <Link href={`/peering/emails/${email.id}?images=1`} className="text-sky-700 hover:underline">
                Show remote images
              </Link>
            </p>
          )}
          <HtmlFrame html={email.htmlSanitized} remoteImages={showImages} />
        </section>
      ) : (
        <pre className="mb-4 whitespace-pre-wrap rounded border border-slate-200 bg-white p-3 text-sm">{email.textBody}</pre>
      )}
      {email.attachments.length > 0 && (
        <section className="mb-4">
          <h2 className="mb-1 font-semibold">Attachments</h2>
          <ul className="text-sm" data-testid="attachments">
            {email.attachments.map((a, i) => (
              <li key={i}>
                {a.filename ?? '(unnamed)'} — {a.contentType}, {(a.size / 1024).toFixed(0)} KB
              </li>
            ))}
          </ul>
        </section>
      )}
      {thread.length > 0 && (
        <section>
          <h2 className="mb-1 font-semibold">In this thread</h2>
          <ul className="text-sm">
            {thread.map((t) => (
              <li key={t.id}>
                <Link href={`/peering/emails/${t.id}`} className="text-sky-700 hover:underline">
                  {t.date?.toISOString().slice(0, 16).replace('T', ' ')} — {t.mailbox === 'sent' ? 'sent' : t.fromAddress}: {t.subject}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
