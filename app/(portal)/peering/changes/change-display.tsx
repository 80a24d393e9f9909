import type { ChangeStatus } from '@/db/schema';
import { Badge } from '@/components/ui/notice';

const tones = {
  pending_approval: 'amber',
  approved: 'blue',
  rejected: 'grey',
  scheduled: 'blue',
  running: 'amber',
  succeeded: 'green',
  failed: 'red',
  rolled_back: 'red',
  cancelled: 'grey',
} as const satisfies Record<ChangeStatus, string>;

export const changeStatusLabels: Record<ChangeStatus, string> = {
  pending_approval: 'Pending approval',
  approved: 'Approved',
  rejected: 'Rejected',
  scheduled: 'Scheduled',
  running: 'Running',
  succeeded: 'Succeeded',
  failed: 'Failed',
  rolled_back: 'Rolled back',
  cancelled: 'Cancelled',
};

export const changeKindLabels: Record<string, string> = { configure: 'Configure', remove: 'Remove', admin_down: 'Admin down', admin_up: 'Admin up' };

export function ChangeStatusBadge({ status }: { status: ChangeStatus }) {
  return <Badge tone={tones[status]}>{changeStatusLabels[status]}</Badge>;
}

/** A unified diff with added lines green and removed lines red, as a reviewer reads it. */
export function DiffView({ diff }: { diff: string }) {
  return (
    <pre className="max-h-[32rem] overflow-auto rounded bg-slate-900 p-2 text-xs leading-5 text-slate-100" data-testid="change-diff">
      {diff.split('\n').map((line, i) => {
        const tone = line.startsWith('+++') || line.startsWith('---') ? 'text-slate-400' : line.startsWith('+') ? 'bg-emerald-900/60 text-emerald-200' : line.startsWith('-') ? 'bg-rose-900/60 text-rose-200' : line.startsWith('@@') ? 'text-sky-300' : '';
        return (
          <div key={i} className={tone}>
            {line || ' '}
          </div>
        );
      })}
    </pre>
  );
}
