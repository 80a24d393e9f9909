'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

export type Tab = { href: string; label: string };

export function Tabs({ tabs, variant = 'sub' }: { tabs: Tab[]; variant?: 'main' | 'sub' }) {
  const pathname = usePathname();
  const look =
    variant === 'main'
      ? { base: 'px-3 py-3 text-sm font-medium border-b-2', on: 'border-white text-white', off: 'border-transparent text-sky-100 hover:text-white' }
      : { base: 'px-3 py-2 text-sm font-medium border-b-2', on: 'border-sky-700 text-sky-800', off: 'border-transparent text-slate-600 hover:text-slate-900' };
  return (
    <nav className="flex gap-1" aria-label={variant === 'main' ? 'Main' : 'Section'}>
      {tabs.map((t) => {
        const active = pathname === t.href || pathname.startsWith(`${t.href}/`);
        return (
          <Link key={t.href} href={t.href} aria-current={active ? 'page' : undefined} className={`${look.base} ${active ? look.on : look.off}`}>
            {t.label}
          </Link>
        );
      })}
    </nav>
  );
}
