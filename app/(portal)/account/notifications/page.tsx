import type { Metadata } from 'next';
import { db } from '@/db/client';
import { BackLink, Badge, PageHeader } from '@/components/ui/notice';
import { Cell, Table } from '@/components/ui/table';
import { requirePage } from '@/lib/auth/guard';
import { listDeliveries, listWebhooks, notificationPreferencesOf } from '@/lib/notifications/webhooks';
import { When } from '@/app/(portal)/scheduler/job-display';
import { CreateWebhookForm, DeleteWebhookButton, EmailPreferencesForm } from './notification-forms';

export const metadata: Metadata = { title: 'Notifications' };

const tone = { delivered: 'green', pending: 'amber', failed: 'red' } as const;

export default async function NotificationsPage() {
  const actor = await requirePage('account.own');
  const hooks = await listWebhooks(db(), actor);
  const logs = await Promise.all(hooks.map((h) => listDeliveries(db(), actor, h.id, 20)));
  return (
    <>
      <PageHeader title="Notifications">
        <BackLink href="/account">Account</BackLink>
      </PageHeader>
      <div className="grid gap-6 lg:grid-cols-2">
        <section className="rounded border border-slate-200 bg-white p-4">
          <h2 className="mb-1 font-semibold">By e-mail</h2>
          <p className="mb-3 text-sm text-slate-600">To {actor.email}, through the peering mailbox&apos;s SMTP account.</p>
          <EmailPreferencesForm emailEvents={await notificationPreferencesOf(db(), actor)} />
        </section>
        <section className="rounded border border-slate-200 bg-white p-4">
          <h2 className="mb-1 font-semibold">Add a webhook</h2>
          <p className="mb-3 text-sm text-slate-600">
            Events are POSTed as JSON <code>{'{id, event, at, text, data}'}</code>, retried with back-off (5 attempts).
          </p>
          <CreateWebhookForm />
        </section>
      </div>
      {hooks.map((h, i) => (
        <section key={h.id} className="mt-6" data-testid={`webhook-${h.id}`}>
          <div className="mb-2 flex items-center gap-3">
            <h2 className="font-semibold">{h.url}</h2>
            <span className="text-sm text-slate-600">{h.events.join(', ')}</span>
            <DeleteWebhookButton id={h.id} />
          </div>
          <Table head={['Event', 'Status', 'Attempts', 'Answer', 'Created', 'Next attempt']} empty={logs[i].length ? undefined : <p className="px-3 py-2 text-sm text-slate-500">Nothing delivered yet</p>}>
            {logs[i].map((d) => (
              <tr key={d.id}>
                <Cell>{d.event}</Cell>
                <Cell>
                  <Badge tone={tone[d.status as keyof typeof tone] ?? 'grey'}>{d.status}</Badge>
                </Cell>
                <Cell>{d.attempts}</Cell>
                <Cell>{d.error ?? (d.responseStatus ? `HTTP ${d.responseStatus}` : '—')}</Cell>
                <Cell>
                  <When at={d.createdAt} />
                </Cell>
                <Cell>{d.nextAttemptAt ? <When at={d.nextAttemptAt} /> : '—'}</Cell>
              </tr>
            ))}
          </Table>
        </section>
      ))}
    </>
  );
}
