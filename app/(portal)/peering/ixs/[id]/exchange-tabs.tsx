import Link from 'next/link';

const exchangeTabs = ['details', 'sessions', 'communications', 'opportunities'] as const;
export type ExchangeTab = (typeof exchangeTabs)[number];

const labels: Record<ExchangeTab, string> = { details: 'Details', sessions: 'Sessions', communications: 'Communications', opportunities: 'Opportunities' };

/** Tabs kept in ?tab= so a tab can be linked to (the exchange list links straight to Sessions and Communications). */
export function ExchangeTabs({ ixId, current, counts }: {
  ixId: number;
  current: ExchangeTab;
  counts: Partial<Record<ExchangeTab, number>>;
}) {
  return (
    <nav className="mb-4 flex gap-1 border-b border-slate-300" aria-label="Exchange">
      {exchangeTabs.map((tab) => (
        <Link
          key={tab}
          href={tab === 'details' ? `/peering/ixs/${ixId}` : `/peering/ixs/${ixId}?tab=${tab}`}
          aria-current={tab === current ? 'page' : undefined}
          className={`border-b-2 px-3 py-2 text-sm font-medium ${tab === current ? 'border-sky-700 text-sky-800' : 'border-transparent text-slate-600 hover:text-slate-900'}`}
        >
          {labels[tab]}
          {counts[tab] !== undefined && <span className="ml-1.5 rounded bg-slate-100 px-1.5 text-xs text-slate-600">{counts[tab]}</span>}
        </Link>
      ))}
    </nav>
  );
}

export function readTab(value: string | undefined): ExchangeTab {
  return exchangeTabs.find((t) => t === value) ?? 'details';
}
