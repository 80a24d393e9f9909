import Link from 'next/link';

/** Previous / next links that keep the other query parameters. */
export function Pager({ basePath, params, offset, limit, hasMore }: {
  basePath: string;
  params: Record<string, string | undefined>;
  offset: number;
  limit: number;
  hasMore: boolean;
}) {
  const href = (o: number) => {
    const search = new URLSearchParams(
      Object.entries({ ...params, offset: o ? String(o) : undefined }).filter((e): e is [string, string] => !!e[1]),
    );
    const qs = search.toString();
    return qs ? `${basePath}?${qs}` : basePath;
  };
  if (!offset && !hasMore) return null;
  return (
    <nav className="mt-3 flex items-center gap-3 text-sm" aria-label="Pages">
      {offset > 0 ? <Link className="text-sky-700 hover:underline" href={href(Math.max(0, offset - limit))}>← Previous</Link> : <span className="text-slate-400">← Previous</span>}
      <span className="text-slate-500">
        {offset + 1}–{offset + limit}
      </span>
      {hasMore ? <Link className="text-sky-700 hover:underline" href={href(offset + limit)}>Next →</Link> : <span className="text-slate-400">Next →</span>}
    </nav>
  );
}

export function readPage(search: { offset?: string; q?: string }, limit = 50) {
  return { q: search.q?.trim() || undefined, limit, offset: Math.max(0, Number(search.offset) || 0) };
}
