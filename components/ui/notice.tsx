import Link from 'next/link';
import type { ReactNode } from 'react';

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="rounded border border-dashed border-slate-300 bg-white px-6 py-10 text-center">
      <h2 className="text-base font-semibold text-slate-800">{title}</h2>
      {children && <div className="mx-auto mt-2 max-w-xl text-sm text-slate-600">{children}</div>}
    </div>
  );
}

export function Forbidden({ what }: { what: string }) {
  return (
    <div role="alert" className="rounded border border-amber-300 bg-amber-50 px-6 py-8">
      <h2 className="text-base font-semibold text-amber-900">You don&apos;t have access to {what}</h2>
      <p className="mt-1 text-sm text-amber-800">Ask a Global Admin for a role that includes it.</p>
    </div>
  );
}

type Tone = 'green' | 'amber' | 'red' | 'blue' | 'grey';

/** Styled by `.badge` and `.badge-<tone>` in app/globals.css. */
export function Badge({ tone = 'grey', children }: { tone?: Tone; children: ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}

export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="mb-4 flex items-center justify-between gap-4">
      <h1 className="text-xl font-semibold text-slate-900">{title}</h1>
      <div className="flex items-center gap-2">{children}</div>
    </div>
  );
}

/** The way back to a list, in a page header. */
export function BackLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} className="text-sm text-sky-700 hover:underline">
      ← {children}
    </Link>
  );
}
