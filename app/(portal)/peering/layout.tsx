import type { ReactNode } from 'react';
import { SectionTabs } from '@/components/nav/section-tabs';
import { requireActor } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';

export default async function PeeringLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  const tabs = [
    { href: '/peering/ixs', label: 'IXs' },
    { href: '/peering/routers', label: 'Routers' },
    { href: '/peering/sessions', label: 'Sessions' },
    { href: '/peering/peers', label: 'Peers' },
    ...(can(actor.role, 'emails.read') ? [{ href: '/peering/emails', label: 'Emails' }] : []),
    { href: '/peering/templates', label: 'Templates' },
  ];
  return <SectionTabs tabs={tabs}>{children}</SectionTabs>;
}
