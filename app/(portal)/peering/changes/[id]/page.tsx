import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { db } from '@/db/client';
import { getChange } from '@/db/queries/changes';
import { BackLink, PageHeader } from '@/components/ui/notice';
import { Cell, Table } from '@/components/ui/table';
import { requirePage } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { AutoRefresh } from '@/app/(portal)/scheduler/auto-refresh';
import { When } from '@/app/(portal)/scheduler/job-display';
import { ChangeStatusBadge, DiffView, changeKindLabels } from '../change-display';
import { DecisionForm } from './decision-form';

export const metadata: Metadata = { title: 'Change' };

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className="text-sm text-slate-900">{children}</dd>
    </div>
  );
}

function Block({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="mt-4 rounded border border-slate-200 bg-white p-4">
      <h2 className="mb-2 text-sm font-semibold text-slate-700">{title}</h2>
      {children}
    </section>
  );
}

/** A configuration as a diff from nothing, so it reads like the others. */
const asAdded = (text: string) => text.replace(/\n$/, '').split('\n').map((line) => `+${line}`).join('\n');

const pre = 'max-h-80 overflow-auto rounded bg-slate-900 p-2 text-xs text-slate-100';

export default async function ChangePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePage('peering.read');
  const id = Number((await params).id);
  const change = Number.isSafeInteger(id) && id > 0 ? await getChange(db(), id) : undefined;
  if (!change) notFound();
  const pending = change.status === 'pending_approval';
  const mayDecide = pending && can(actor.role, 'changes.approve') && change.authorId !== actor.id;
  const unread = change.diff === null && !!change.candidate;
  return (
    <>
      <PageHeader title={`Change #${change.id} · ${changeKindLabels[change.kind] ?? change.kind} on ${change.routerName}`}>
        <BackLink href="/peering/changes">All changes</BackLink>
      </PageHeader>
      <AutoRefresh active={['scheduled', 'approved', 'running'].includes(change.status)} />
      <section className="rounded border border-slate-200 bg-white p-4">
        <dl className="grid gap-3 sm:grid-cols-3">
          <Fact label="Status">
            <ChangeStatusBadge status={change.status} />
          </Fact>
          <Fact label="Router">
            <Link href={`/peering/routers/${change.routerId}`} className="text-sky-800 hover:underline">
              {change.routerName}
            </Link>
            {change.production && <span className="ml-1 text-xs text-amber-700">(production: always needs approval)</span>}
          </Fact>
          <Fact label="Asked by">
            {change.author ?? '—'}, <When at={change.createdAt} />
          </Fact>
          <Fact label="Wanted">{change.requestedAt ? <When at={change.requestedAt} /> : 'now'}</Fact>
          <Fact label="Approved by">{change.approver ?? '—'}</Fact>
          <Fact label="Scheduler job">
            {change.jobId ? (
              <Link href={`/scheduler/${change.jobId}`} className="text-sky-800 hover:underline">
                job #{change.jobId}
              </Link>
            ) : (
              '—'
            )}
          </Fact>
        </dl>
        {change.emergencyReason && <p className="mt-3 text-sm text-amber-800">Emergency push outside the maintenance window: {change.emergencyReason}</p>}
        {change.error && (
          <p role="alert" className="mt-3 whitespace-pre-wrap rounded border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-800">
            {change.error}
          </p>
        )}
        {pending && !mayDecide && (
          <p className="mt-3 text-sm text-slate-600">
            {change.authorId === actor.id ? 'You asked for this change: another approver must approve it.' : 'Waiting for an approver (Admin).'}
          </p>
        )}
      </section>
      {mayDecide && <DecisionForm id={change.id} />}

      <Block title="Sessions">
        <Table head={['Peer', 'Address', 'Configuration', 'BGP state']}>
          {change.sessions.map((s) => (
            <tr key={s.id}>
              <Cell>
                <Link href={`/peering/sessions/${s.id}`} className="text-sky-800 hover:underline">
                  AS{s.peerAsn} {s.peerName ?? ''}
                </Link>
              </Cell>
              <Cell>{s.peerIp}</Cell>
              <Cell>{s.configStatus.replace('_', ' ')}</Cell>
              <Cell>{s.bgpState ?? '—'}</Cell>
            </tr>
          ))}
        </Table>
      </Block>

      <Block title={unread ? 'What it would push (nothing to compare with: every line shown as added)' : `Diff against the running configuration${change.diffAt ? ` (read ${change.diffAt.toISOString().replace('T', ' ').slice(0, 16)} UTC)` : ''}`}>
        {change.diffNote && <p className="mb-2 text-sm text-amber-800">{change.diffNote}</p>}
        {change.diff ? (
          <DiffView diff={change.diff} />
        ) : change.diff === '' ? (
          <p className="text-sm text-slate-600">No difference: the router already runs this.</p>
        ) : unread ? (
          // Nothing to compare with (render-only, or the router did not answer): the reviewer still reads every line it would push.
          <DiffView diff={asAdded(change.candidate ?? '')} />
        ) : (
          !change.diffNote && <p className="text-sm text-slate-600">Taken when the push runs.</p>
        )}
        {change.candidate && !unread && (
          <details className="mt-2 text-sm">
            <summary className="cursor-pointer text-slate-600">Candidate configuration (as it would be pushed; keys as ********)</summary>
            <pre className={pre}>{change.candidate}</pre>
          </details>
        )}
      </Block>

      {change.decisions.length > 0 && (
        <Block title="Approvals">
          <ul className="space-y-1 text-sm">
            {change.decisions.map((d, i) => (
              <li key={i}>
                <strong>{d.decision}</strong> by {d.actor ?? '—'}, <When at={d.createdAt} />
                {d.comment && <span className="text-slate-700">: {d.comment}</span>}
              </li>
            ))}
          </ul>
        </Block>
      )}

      {change.output && (
        <Block title="Router output">
          <pre className={pre}>{change.output}</pre>
        </Block>
      )}

      {change.verification && (
        <Block title={`Verification (${change.verification.seconds} s): ${change.verification.ok ? 'passed' : 'failed'}`}>
          {change.verification.note && <p className="mb-2 text-sm text-slate-600">{change.verification.note}</p>}
          {change.verification.failures.length > 0 && (
            <ul className="mb-2 list-disc pl-5 text-sm text-rose-800">
              {change.verification.failures.map((f) => (
                <li key={f}>{f}</li>
              ))}
            </ul>
          )}
          <Table head={['Neighbor', 'This change', 'Before', 'After']}>
            {change.verification.sessions.map((s) => (
              <tr key={s.peerIp}>
                <Cell>{s.peerIp}</Cell>
                <Cell>{s.own ? 'yes' : 'no'}</Cell>
                <Cell>{s.before ?? '—'}</Cell>
                <Cell>{s.after ?? '—'}</Cell>
              </tr>
            ))}
          </Table>
        </Block>
      )}

      {change.rollback && (
        <Block title={`Rollback: ${change.rollback.restored ? 'previous configuration restored' : 'could not restore'}`}>
          <p className="mb-2 text-sm text-slate-700">{change.rollback.reason}</p>
          {change.rollback.output && <pre className={pre}>{change.rollback.output}</pre>}
        </Block>
      )}
    </>
  );
}
