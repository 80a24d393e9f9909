import type { Metadata } from 'next';
import Link from 'next/link';
import { db } from '@/db/client';
import { listTokensOf } from '@/db/queries/users';
import { PageHeader } from '@/components/ui/notice';
import { requirePage } from '@/lib/auth/guard';
import { roleLabels } from '@/lib/auth/permissions';
import { ChangePasswordForm } from './change-password-form';
import { TokenTable } from '@/components/tokens/token-table';
import { revokeTokenAction } from './actions';
import { CreateTokenForm } from './create-token-form';

export const metadata: Metadata = { title: 'Account' };

export default async function AccountPage() {
  const actor = await requirePage('account.own');
  const tokens = await listTokensOf(db(), actor.id!);
  return (
    <>
      <PageHeader title="Account">
        <Link href="/account/notifications" className="text-sm text-sky-700 hover:underline">
          Notifications
        </Link>
      </PageHeader>
      <p className="mb-6 text-sm text-slate-600">
        Signed in as <strong>{actor.email}</strong>, role {roleLabels[actor.role]}.
      </p>
      <div className="grid gap-6 lg:grid-cols-2">
        <section className="rounded border border-slate-200 bg-white p-4">
          <h2 className="mb-1 font-semibold">API tokens</h2>
          <p className="mb-3 text-sm text-slate-600">
            Tokens act as you, with your role, on <code>/api/v1</code> (<code>Authorization: Bearer …</code>); a read-only token may only
            read. Each expires (90 days unless you choose, a year at most), and no token can create another.
          </p>
          <CreateTokenForm />
          <div className="mt-4">
            <TokenTable tokens={tokens} revoke={revokeTokenAction} />
          </div>
        </section>
        <section className="rounded border border-slate-200 bg-white p-4">
          <h2 className="mb-3 font-semibold">Change password</h2>
          <ChangePasswordForm />
        </section>
      </div>
    </>
  );
}
