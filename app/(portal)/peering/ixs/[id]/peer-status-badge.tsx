import type { PeerStatus } from '@/db/schema';
import { Badge } from '@/components/ui/notice';
import { peerStatusLabels } from '@/lib/peering/transitions';

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

/** The status filter of the peer lists (Peers, an exchange's Communications tab): "" is any status. */
export function PeerStatusSelect({ value, className }: { value?: PeerStatus; className: string }) {
  return (
    <select name="status" defaultValue={value ?? ''} aria-label="Status" className={className}>
      <option value="">Any status</option>
      {(Object.keys(peerStatusLabels) as PeerStatus[]).map((s) => (
        <option key={s} value={s}>
          {peerStatusLabels[s]}
        </option>
      ))}
    </select>
  );
}
