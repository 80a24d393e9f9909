import type { ReactNode } from 'react';
import { SectionTabs } from '@/components/nav/section-tabs';
import { db } from '@/db/client';
import { countAwaitingApproval } from '@/db/queries/changes';
import { requireActor } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';

export default async function PeeringLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  // Approvers see how many changes wait for them; the author of a change is not counted as its approver.
  const awaiting = can(actor.role, 'changes.approve') ? await countAwaitingApproval(db(), actor.id) : 0;
  const tabs = [
    { href: '/peering/ixs', label: 'IXs' },
    { href: '/peering/routers', label: 'Routers' },
    { href: '/peering/sessions', label: 'Sessions' },
    { href: '/peering/peers', label: 'Peers' },
    { href: '/peering/requests', label: 'Requests' },
    { href: '/peering/findings', label: 'Findings' },
    { href: '/peering/opportunities', label: 'Opportunities' },
    ...(can(actor.role, 'emails.read') ? [{ href: '/peering/emails', label: 'Emails' }] : []),
    { href: '/peering/policies', label: 'Policies' },
    { href: '/peering/templates', label: 'Templates' },
    { href: '/peering/changes', label: awaiting ? `Changes (${awaiting})` : 'Changes' },
  ];
  return <SectionTabs tabs={tabs}>{children}</SectionTabs>;
}
