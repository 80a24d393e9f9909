import type { Metadata } from 'next';
import { db } from '@/db/client';
import { listUsers } from '@/db/queries/users';
import { FilterBox } from '@/components/ui/filter-box';
import { Badge, PageHeader } from '@/components/ui/notice';
import { Pager, readPage } from '@/components/ui/pager';
import { Cell, Table } from '@/components/ui/table';
import { requirePage } from '@/lib/auth/guard';
import { roleLabels } from '@/lib/auth/permissions';
import { CreateUserForm } from './create-user-form';
import { UserActions } from './user-actions';

export const metadata: Metadata = { title: 'Users' };

export default async function UsersPage({ searchParams }: { searchParams: Promise<{ q?: string; offset?: string }> }) {
  const actor = await requirePage('users.manage');
  const page = readPage(await searchParams);
  const rows = await listUsers(db(), { ...page, limit: page.limit + 1 });
  return (
    <>
      <PageHeader title="Users">
        <FilterBox q={page.q} placeholder="Email or name" />
      </PageHeader>
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <div>
          <Table head={['Email', 'Name', 'Role', 'Status', 'Last sign-in', 'Actions']}>
            {rows.slice(0, page.limit).map((u) => (
              <tr key={u.id} data-testid={`user-${u.email}`}>
                <Cell>{u.email}</Cell>
                <Cell>{u.name}</Cell>
                <Cell>{roleLabels[u.role]}</Cell>
                <Cell>{u.disabledAt ? <Badge tone="red">disabled</Badge> : <Badge tone="green">active</Badge>}</Cell>
                <Cell className="whitespace-nowrap">{u.lastSignInAt ? u.lastSignInAt.toISOString().slice(0, 16).replace('T', ' ') : 'never'}</Cell>
                <Cell>
                  <UserActions user={{ id: u.id, email: u.email, role: u.role, disabled: !!u.disabledAt }} self={u.id === actor.id} />
                </Cell>
              </tr>
            ))}
          </Table>
          <Pager basePath="/admin/users" params={{ q: page.q }} offset={page.offset} limit={page.limit} hasMore={rows.length > page.limit} />
        </div>
        <section className="rounded border border-slate-200 bg-white p-4">
          <h2 className="mb-3 font-semibold">Add user</h2>
          <CreateUserForm />
        </section>
      </div>
    </>
  );
}
