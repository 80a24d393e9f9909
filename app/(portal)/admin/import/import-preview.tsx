'use client';

import { useState, type ReactNode } from 'react';
import { Badge } from '@/components/ui/notice';
import { Cell, Table } from '@/components/ui/table';
import type { ImportReport } from '@/lib/import/apply';
import type { Decision, PlannedNeighbor } from '@/lib/import/plan';

// A browser table of thousands of rows helps nobody; the counts cover every neighbor.
const SHOWN = 500;

const decisions: Record<Decision, { label: string; tone: 'green' | 'blue' | 'grey' }> = {
  new: { label: 'New', tone: 'green' },
  present: { label: 'Already present', tone: 'blue' },
  skipped: { label: 'Skipped', tone: 'grey' },
};

/** What an import would do (a preview) or did, neighbor by neighbor. */
export function ImportPreview({ report }: { report: ImportReport }) {
  const [filter, setFilter] = useState<Decision | 'all'>('all');
  const counts: Record<Decision, number> = { new: report.created, present: report.alreadyPresent, skipped: report.skipped.length };
  const label = (decision: Decision) => (decision === 'new' && !report.dryRun ? 'Created' : decisions[decision].label);
  const rows = filter === 'all' ? report.neighbors : report.neighbors.filter((n) => n.decision === filter);

  return (
    <section aria-label={report.dryRun ? 'Preview' : 'Import result'} className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="font-semibold text-slate-800">
          {report.router.name}: {report.neighbors.length} neighbor{report.neighbors.length === 1 ? '' : 's'}
        </span>
        <FilterButton active={filter === 'all'} onClick={() => setFilter('all')}>
          All
        </FilterButton>
        {(Object.keys(decisions) as Decision[]).map((decision) => (
          <FilterButton key={decision} active={filter === decision} onClick={() => setFilter(decision)}>
            {label(decision)}: {counts[decision]}
          </FilterButton>
        ))}
      </div>

      {report.peerGroupsCreated.length > 0 && (
        <p className="text-sm text-slate-700">
          Peer groups {report.dryRun ? 'to create' : 'created'}:{' '}
          {report.peerGroupsCreated.map((g) => `${g.name} (IPv${g.family}, ${g.exchange.name})`).join(', ')}
        </p>
      )}
      {report.warnings.length > 0 && (
        <details className="rounded border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" open={report.warnings.length <= 5}>
          <summary className="cursor-pointer font-medium">
            {report.warnings.length} warning{report.warnings.length === 1 ? '' : 's'} while reading the configuration
          </summary>
          <ul className="mt-1 list-disc pl-5">
            {report.warnings.map((w, i) => (
              <li key={i}>{w.line ? `Line ${w.line}: ${w.message}` : w.message}</li>
            ))}
          </ul>
        </details>
      )}

      <Table
        head={['Line', 'Peer IP', 'Peer AS', 'Decision', 'Exchange', 'Peer group', 'PeeringDB name', 'Max prefixes', 'Notes']}
        empty={rows.length === 0 && <p className="px-3 py-6 text-center text-sm text-slate-500">No neighbors here.</p>}
      >
        {rows.slice(0, SHOWN).map((n) => (
          <NeighborRow key={`${n.line} ${n.peerIp}`} neighbor={n} label={label(n.decision)} />
        ))}
      </Table>
      {rows.length > SHOWN && (
        <p className="text-sm text-slate-500">
          Showing the first {SHOWN} of {rows.length}; the counts above cover them all.
        </p>
      )}
    </section>
  );
}

function NeighborRow({ neighbor: n, label }: { neighbor: PlannedNeighbor; label: string }) {
  const notes = [n.reason, n.shutdown && 'shut down on the router', n.hasMd5 && 'MD5 set (key not imported)'].filter(Boolean).join('; ');
  return (
    <tr>
      <Cell className="text-slate-500">{n.line}</Cell>
      <Cell className="font-mono text-xs">{n.peerIp}</Cell>
      <Cell>{n.remoteAsn === null ? '—' : `AS${n.remoteAsn}`}</Cell>
      <Cell className="whitespace-nowrap">
        <Badge tone={decisions[n.decision].tone}>{label}</Badge>
      </Cell>
      <Cell className="whitespace-nowrap">{n.exchange?.name ?? <span className="text-slate-500">No Exchange</span>}</Cell>
      <Cell className="whitespace-nowrap">
        {n.peerGroup ? (
          <>
            {n.peerGroup.name} {n.peerGroup.isNew && <Badge tone="amber">new</Badge>}
          </>
        ) : (
          '—'
        )}
      </Cell>
      <Cell>{n.peeringDbName ?? '—'}</Cell>
      <Cell>
        {n.maxPrefixes ?? '—'}
        {n.maxPrefixesFrom === 'peeringdb' && <span className="text-xs text-slate-500"> (PeeringDB)</span>}
      </Cell>
      <Cell className="text-slate-600">{notes}</Cell>
    </tr>
  );
}

function FilterButton({ active, onClick, children }: { active: boolean; onClick: () => void; children: ReactNode }) {
  return (
    <button
      type="button"
      aria-pressed={active}
      onClick={onClick}
      className={`rounded-full border px-2.5 py-0.5 text-xs ${active ? 'border-sky-700 bg-sky-700 text-white' : 'border-slate-300 bg-white text-slate-700 hover:bg-slate-50'}`}
    >
      {children}
    </button>
  );
}
