import { redirect } from 'next/navigation';

export default function PeeringHome() {
  redirect('/peering/ixs');
}
