import Link from 'next/link';
import type { JobFilters } from '@/lib/jobs/schemas';
import { jobStatusLabels, jobStatuses } from '@/lib/jobs/schemas';

const control = 'rounded border border-slate-300 bg-white px-2 py-1.5 text-sm';

/** A plain GET form: the filters live in the URL, so a filtered list can be reloaded and shared. */
export function JobFilterForm({ filters, q, kinds }: { filters: JobFilters; q?: string; kinds: { kind: string; label: string }[] }) {
  return (
    <form method="get" role="search" className="mb-3 flex flex-wrap items-center gap-2">
      <input name="q" defaultValue={q} placeholder="#id or what it covers" aria-label="Search jobs" className={`${control} w-56`} />
      <select name="status" defaultValue={filters.status ?? ''} aria-label="Status" className={control}>
        <option value="">Any status</option>
        {jobStatuses.map((s) => (
          <option key={s} value={s}>
            {jobStatusLabels[s]}
          </option>
        ))}
      </select>
      <select name="kind" defaultValue={filters.kind ?? ''} aria-label="Kind" className={control}>
        <option value="">Any kind</option>
        {kinds.map((k) => (
          <option key={k.kind} value={k.kind}>
            {k.label}
          </option>
        ))}
      </select>
      <button type="submit" className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50">
        Filter
      </button>
      <Link href="/scheduler" className="text-sm text-sky-700 hover:underline">
        Clear
      </Link>
    </form>
  );
}
