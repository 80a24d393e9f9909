import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { peerFilters } from '@/db/schema';
import { Badge } from '@/components/ui/notice';
import { Cell, Table } from '@/components/ui/table';
import { listPolicies } from '@/lib/filters/policies';
import { peerPrefixLists } from '@/lib/filters/view';
import { PeerFiltersForm } from './peer-filters-form';

const sourceLabel = { override: 'override', peeringdb: 'PeeringDB', asn: 'no AS-SET in PeeringDB: the ASN itself' } as const;
const when = (d: Date) => d.toISOString().slice(0, 16).replace('T', ' ');

/** The peer's filters: policies, AS-SET, the IRR lists in use and every version with what it changed. */
export async function PeerFilters({ asn, mayManage }: { asn: number; mayManage: boolean }) {
  const [view, policies, [own]] = await Promise.all([
    peerPrefixLists(asn),
    listPolicies(),
    db().select().from(peerFilters).where(eq(peerFilters.peerAsn, asn)),
  ]);
  const name = (id: number | null | undefined) => policies.find((p) => p.policy.id === id)?.policy.name;
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm">
        AS-SET <span className="font-mono">{view.asSet}</span> <span className="text-slate-500">({sourceLabel[view.source]})</span>. Import policy:{' '}
        {name(own?.importPolicyId) ?? 'from the peer group or session type'}; export policy: {name(own?.exportPolicyId) ?? 'from the peer group or session type'}.
      </p>
      {view.warnings.map((w) => (
        <p key={w.family} role="alert" className="rounded border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          IPv{w.family}: the last refresh ({when(w.at)}) was not used, the last good list stays: {w.warning}
        </p>
      ))}
      {view.lists.length === 0 ? (
        <p className="text-sm text-slate-600">No prefix list yet: lists are generated on schedule for peers with sessions, or now with Refresh.</p>
      ) : (
        <Table head={['Family', 'Prefixes', 'Generated', 'List']}>
          {view.lists.map((l) => (
            <tr key={l.family} data-testid={`prefix-list-${l.family}`}>
              <Cell>IPv{l.family}</Cell>
              <Cell className="tabular-nums">{l.count}</Cell>
              <Cell className="tabular-nums">{when(l.generatedAt)}</Cell>
              <Cell>
                <details>
                  <summary className="cursor-pointer text-sky-800">Show</summary>
                  <pre className="mt-1 max-h-64 overflow-auto text-xs">{l.prefixes.join('\n')}</pre>
                </details>
              </Cell>
            </tr>
          ))}
        </Table>
      )}
      {view.history.length > 0 && (
        <details>
          <summary className="cursor-pointer text-sm font-medium text-sky-800">History ({view.history.length} versions)</summary>
          <Table head={['Generated', 'Family', 'AS-SET', 'Status', 'Prefixes', 'Changes']}>
            {view.history.map((h) => (
              <tr key={h.id}>
                <Cell className="tabular-nums">{when(h.generatedAt)}</Cell>
                <Cell>IPv{h.family}</Cell>
                <Cell className="font-mono">{h.asSet}</Cell>
                <Cell>{h.status === 'good' ? <Badge tone="green">used</Badge> : <Badge tone="amber">kept out</Badge>}</Cell>
                <Cell className="tabular-nums">{h.count}</Cell>
                <Cell className="font-mono text-xs">
                  {h.status === 'rejected' ? h.warning : [...h.added.slice(0, 20).map((p) => `+ ${p}`), ...h.removed.slice(0, 20).map((p) => `- ${p}`)].join('\n') || 'no change'}
                  {h.status === 'good' && h.added.length + h.removed.length > 40 && ` (+${h.added.length} / -${h.removed.length} in all)`}
                </Cell>
              </tr>
            ))}
          </Table>
        </details>
      )}
      {mayManage && (
        <PeerFiltersForm
          peerAsn={asn}
          asSetOverride={view.asSetOverride}
          importPolicyId={own?.importPolicyId ?? null}
          exportPolicyId={own?.exportPolicyId ?? null}
          imports={policies.filter((p) => p.policy.direction === 'import').map((p) => ({ id: p.policy.id, name: p.policy.name }))}
          exports={policies.filter((p) => p.policy.direction === 'export').map((p) => ({ id: p.policy.id, name: p.policy.name }))}
        />
      )}
    </div>
  );
}
