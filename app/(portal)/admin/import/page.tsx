import type { Metadata } from 'next';
import Link from 'next/link';
import { db } from '@/db/client';
import { importRouters } from '@/db/queries/session-import';
import { EmptyState, PageHeader } from '@/components/ui/notice';
import { requirePage } from '@/lib/auth/guard';
import { ImportForm } from './import-form';

export const metadata: Metadata = { title: 'Data import' };

export default async function ImportPage() {
  await requirePage('import.run');
  const routers = await importRouters(db());
  return (
    <>
      <PageHeader title="Import peering sessions" />
      <p className="mb-4 max-w-3xl text-sm text-slate-600">
        Reads the BGP neighbors of a router and adds each one as a session that is already Configured there. Preview first: nothing is
        written until
        you import, and importing the same configuration again adds nothing twice.
      </p>
      {routers.length ? (
        <ImportForm routers={routers} />
      ) : (
        <EmptyState title="No routers yet">
          Sessions are imported into a router: <Link href="/peering/routers/new" className="text-sky-700 hover:underline">add the router</Link> first.
        </EmptyState>
      )}
    </>
  );
}
