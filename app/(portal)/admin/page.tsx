import { redirect } from 'next/navigation';
import { requirePage } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';

export default async function AdminHome() {
  const actor = await requirePage('admin.access');
  redirect(can(actor.role, 'users.manage') ? '/admin/users' : '/admin/audit');
}
