import { Badge } from '@/components/ui/notice';
import { contactMessageOf, contactStatusOf } from '@/lib/routers/contact';

const tones = { ok: 'green', failed: 'red', never: 'grey' } as const;

const formatTime = (at: Date) => at.toISOString().slice(0, 16).replace('T', ' ');

/** The last Test connection (or other contact): ok / failed / never, with when and what as a tooltip. */
export function ContactBadge({ router }: { router: { lastContactAt: Date | null; lastContactResult: string | null } }) {
  const status = contactStatusOf(router);
  const title = router.lastContactAt ? `${formatTime(router.lastContactAt)} UTC: ${contactMessageOf(router.lastContactResult)}` : 'Not contacted yet';
  return (
    <span title={title} className="inline-flex items-center gap-2 whitespace-nowrap">
      <Badge tone={tones[status]}>{status}</Badge>
      {router.lastContactAt && <span className="text-xs text-slate-500">{formatTime(router.lastContactAt)}</span>}
    </span>
  );
}
