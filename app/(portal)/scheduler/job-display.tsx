import type { JobStatus } from '@/db/schema';
import { Badge } from '@/components/ui/notice';
import { jobStatusLabels } from '@/lib/jobs/schemas';

const tones = { scheduled: 'blue', running: 'amber', succeeded: 'green', failed: 'red', cancelled: 'grey' } as const satisfies Record<JobStatus, string>;

export function JobStatusBadge({ status }: { status: JobStatus }) {
  return <Badge tone={tones[status]}>{jobStatusLabels[status]}</Badge>;
}

export const utc = (at: Date) => `${at.toISOString().replace('T', ' ').slice(0, 16)} UTC`;

/** "in 5 min", "2 h ago": how far a time is from when the page was rendered. */
export function relative(at: Date, now = Date.now()) {
  const s = Math.round((at.getTime() - now) / 1000);
  const abs = Math.abs(s);
  const text = abs < 45 ? 'now' : abs < 3600 ? `${Math.round(abs / 60)} min` : abs < 86_400 ? `${Math.round(abs / 3600)} h` : `${Math.round(abs / 86_400)} d`;
  return text === 'now' ? 'now' : s > 0 ? `in ${text}` : `${text} ago`;
}

export function When({ at }: { at: Date }) {
  return (
    <span className="whitespace-nowrap" title={at.toISOString()}>
      {utc(at)} <span className="text-slate-500">({relative(at)})</span>
    </span>
  );
}

/** A job's progress as a share: { percent }, or { done, total } where done is a count or a list. */
function progressShare(progress: Record<string, unknown> | null): number | null {
  if (!progress) return null;
  if (typeof progress.percent === 'number') return Math.max(0, Math.min(1, progress.percent / 100));
  const done = Array.isArray(progress.done) ? progress.done.length : progress.done;
  return typeof done === 'number' && typeof progress.total === 'number' && progress.total > 0 ? Math.min(1, done / progress.total) : null;
}

function progressLabel(progress: Record<string, unknown> | null) {
  if (!progress) return 'Starting…';
  const parts = [progress.label, progress.phase, progress.message].filter((p): p is string => typeof p === 'string' && p !== '');
  const done = Array.isArray(progress.done) ? progress.done.length : progress.done;
  if (typeof done === 'number' && typeof progress.total === 'number') parts.push(`${done} of ${progress.total}`);
  return parts.join(' · ') || 'Working…';
}

export function ProgressBar({ progress }: { progress: Record<string, unknown> | null }) {
  const share = progressShare(progress);
  return (
    <div data-testid="job-progress">
      <div
        role="progressbar"
        aria-label="Progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={share === null ? undefined : Math.round(share * 100)}
        className="h-2 w-full overflow-hidden rounded bg-slate-200"
      >
        <div className={`h-2 rounded bg-amber-500 ${share === null ? 'w-1/3 animate-pulse' : ''}`} style={share === null ? undefined : { width: `${share * 100}%` }} />
      </div>
      <p className="mt-1 text-xs text-slate-600" role="status">
        {progressLabel(progress)}
        {share !== null && ` (${Math.round(share * 100)}%)`}
      </p>
    </div>
  );
}
