import { redirect } from 'next/navigation';
import { requireActor } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';

export default async function AdminHome() {
  const actor = await requireActor();
  redirect(can(actor.role, 'users.manage') ? '/admin/users' : '/admin/audit');
}
