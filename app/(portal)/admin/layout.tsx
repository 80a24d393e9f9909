import type { ReactNode } from 'react';
import { SectionTabs } from '@/components/nav/section-tabs';
import { requirePage } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const actor = await requirePage('admin.access');
  const tabs = [
    ...(can(actor.role, 'users.manage')
      ? [
          { href: '/admin/users', label: 'Users' },
          { href: '/admin/tokens', label: 'API tokens' },
          { href: '/admin/sso', label: 'Single sign-on' },
        ]
      : []),
    { href: '/admin/audit', label: 'Audit log' },
    { href: '/admin/import', label: 'Data import' },
    ...(can(actor.role, 'settings.manage') ? [{ href: '/peering/settings', label: 'Peering settings' }] : []),
  ];
  return <SectionTabs tabs={tabs}>{children}</SectionTabs>;
}
