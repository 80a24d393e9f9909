import type { ReactNode } from 'react';
import { SectionTabs } from '@/components/nav/section-tabs';
import { Forbidden } from '@/components/ui/notice';
import { pageAccess } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const { actor, allowed } = await pageAccess('admin.access');
  if (!allowed) return <Forbidden what="the Admin pages" />;
  const tabs = [
    ...(can(actor.role, 'users.manage')
      ? [
          { href: '/admin/users', label: 'Users' },
          { href: '/admin/tokens', label: 'API tokens' },
        ]
      : []),
    { href: '/admin/audit', label: 'Audit log' },
    { href: '/admin/import', label: 'Data import' },
    ...(can(actor.role, 'settings.manage') ? [{ href: '/peering/settings', label: 'Peering settings' }] : []),
  ];
  return <SectionTabs tabs={tabs}>{children}</SectionTabs>;
}
