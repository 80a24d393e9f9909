import type { ReactNode } from 'react';
import Link from 'next/link';
import { Tabs } from '@/components/nav/tabs';
import { requireActor } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { roleLabels } from '@/lib/auth/permissions';
import { signOutAction } from './sign-out';

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  const tabs = [
    { href: '/dashboard', label: 'Home' },
    { href: '/peering', label: 'Peering' },
    { href: '/scheduler', label: 'Scheduler' },
    ...(can(actor.role, 'admin.access') ? [{ href: '/admin', label: 'Admin' }] : []),
  ];
  return (
    <div className="min-h-screen">
      <header className="bg-sky-800 text-white shadow">
        <div className="mx-auto flex max-w-7xl items-center gap-6 px-4">
          <Link href="/peering/ixs" className="py-3 text-lg font-semibold tracking-tight">
            Peerdesk
          </Link>
          <Tabs tabs={tabs} variant="main" />
          <div className="ml-auto flex items-center gap-3 text-sm">
            <Link href="/account" className="text-sky-100 hover:text-white" data-testid="current-user">
              {actor.email} <span className="text-sky-300">({roleLabels[actor.role]})</span>
            </Link>
            <form action={signOutAction}>
              <button type="submit" className="rounded border border-sky-400 px-2 py-1 text-sky-50 hover:bg-sky-700">
                Sign out
              </button>
            </form>
          </div>
        </div>
      </header>
      <div className="mx-auto max-w-7xl px-4 py-4">{children}</div>
    </div>
  );
}
