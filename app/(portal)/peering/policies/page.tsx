import type { Metadata } from 'next';
import Link from 'next/link';
import { Badge, EmptyState, PageHeader } from '@/components/ui/notice';
import { Cell, Table } from '@/components/ui/table';
import { requirePage } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { listPolicies } from '@/lib/filters/policies';

export const metadata: Metadata = { title: 'Policies' };

const link = 'font-medium text-sky-800 hover:underline';

export default async function PoliciesPage() {
  const actor = await requirePage('peering.read');
  const rows = await listPolicies();
  const mayManage = can(actor.role, 'policies.manage');
  return (
    <>
      <PageHeader title="Policies">
        {mayManage && (
          <Link href="/peering/policies/new" className="rounded bg-sky-700 px-3 py-1.5 text-sm font-medium text-white shadow-sm hover:bg-sky-800">
            New policy
          </Link>
        )}
      </PageHeader>
      <p className="-mt-2 mb-3 text-sm text-slate-600">
        Import and export policies for sessions, assigned to a peer group, a peer or a session: the session&apos;s own wins, then the
        peer&apos;s, then
        the peer group&apos;s; without any, the session type&apos;s names (PEER-IN, RS-IN, …) on the router.
      </p>
      {rows.length === 0 ? (
        <EmptyState title="No policies yet">Sessions use the policy names of their type until one is assigned.</EmptyState>
      ) : (
        <Table head={['Name', 'Direction', 'Source', 'Communities', 'Filters', 'Used by']}>
          {rows.map(({ policy, sessions, peers, peerGroups }) => (
            <tr key={policy.id} data-testid={`policy-${policy.name}`}>
              <Cell>
                {mayManage ? (
                  <Link href={`/peering/policies/${policy.id}`} className={link}>
                    {policy.name}
                  </Link>
                ) : (
                  policy.name
                )}
                {policy.description && <div className="text-xs text-slate-500">{policy.description}</div>}
              </Cell>
              <Cell>{policy.direction}</Cell>
              <Cell>{policy.source === 'rendered' ? <Badge tone="blue">rendered</Badge> : <Badge>on the router</Badge>}</Cell>
              <Cell>{policy.communities.join(', ') || '—'}</Cell>
              <Cell>{policy.direction === 'import' ? [policy.irrFilter && 'IRR list', policy.dropInvalid && 'RPKI invalid dropped'].filter(Boolean).join(', ') || '—' : '—'}</Cell>
              <Cell>
                {sessions} sessions, {peers} peers, {peerGroups} peer groups
              </Cell>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
