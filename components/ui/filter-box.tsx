/** A plain GET form: the filter lives in the URL, so it survives reloads and can be shared. */
export function FilterBox({ q, placeholder }: { q?: string; placeholder: string }) {
  return (
    <form method="get" className="flex gap-2" role="search">
      <input name="q" defaultValue={q} placeholder={placeholder} aria-label="Filter" className="w-64 rounded border border-slate-300 px-2 py-1.5 text-sm" />
      <button type="submit" className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50">
        Filter
      </button>
    </form>
  );
}
