import type { PeerStatus } from '@/db/schema';
import { Badge } from '@/components/ui/notice';
import { peerStatusLabels } from '@/lib/peering/transitions';

export { peerStatusLabels };

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
