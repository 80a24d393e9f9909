import { Badge } from '@/components/ui/notice';

const tones = { thread: 'green', address: 'blue', subject: 'amber', manual: 'grey', request: 'blue', notice: 'grey' } as const;

/** How a message was tied to its peer, strongest first: thread > address > subject; by hand; or our own request. */
export function AssociationBadge({ association }: { association: keyof typeof tones | null }) {
  if (!association) return null;
  return <Badge tone={tones[association]}>{association === 'request' ? 'our request' : association === 'notice' ? 'our notice' : `tied by ${association}`}</Badge>;
}
