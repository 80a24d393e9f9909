import type { ReactNode } from 'react';
import { Tabs, type Tab } from './tabs';

/** A section's second row of tabs (Peering's subtabs, Admin's pages) above its content. */
export function SectionTabs({ tabs, children }: { tabs: Tab[]; children: ReactNode }) {
  return (
    <div>
      <div className="mb-4 border-b border-slate-300">
        <Tabs tabs={tabs} />
      </div>
      {children}
    </div>
  );
}
