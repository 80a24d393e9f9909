import { redirect } from 'next/navigation';
import { requirePage } from '@/lib/auth/guard';

export default async function PeeringHome() {
  await requirePage('peering.read');
  redirect('/peering/ixs');
}
