import { Badge } from '@/components/ui/notice';

const tones = { thread: 'green', address: 'blue', subject: 'amber', manual: 'grey' } as const;

/** How a message was tied to its peer, strongest first: thread > address > subject; or by hand. */
export function AssociationBadge({ association }: { association: keyof typeof tones | null }) {
  if (!association) return null;
  return <Badge tone={tones[association]}>tied by {association}</Badge>;
}
