import type { PeerStatus } from '@/db/schema';
import { Badge } from '@/components/ui/notice';

export const peerStatusLabels: Record<PeerStatus, string> = {
  new: 'New',
  existing: 'Existing Peer',
  not_qualified: 'Not Qualified',
  request_sent: 'Request Sent',
  request_received: 'Request Received',
  approved: 'Approved',
  rejected: 'Rejected',
};

const tones = {
  new: 'grey',
  existing: 'green',
  not_qualified: 'grey',
  request_sent: 'blue',
  request_received: 'amber',
  approved: 'green',
  rejected: 'red',
} as const satisfies Record<PeerStatus, string>;

export function PeerStatusBadge({ status }: { status: PeerStatus }) {
  return <Badge tone={tones[status]}>{peerStatusLabels[status]}</Badge>;
}
