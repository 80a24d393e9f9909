import type { ReactNode } from 'react';

/** One numbered step of the Add Session wizard. */
export function Step({ n, title, children }: { n: number; title: string; children: ReactNode }) {
  return (
    <fieldset className="rounded border border-slate-200 bg-white p-4" data-testid={`step-${n}`}>
      <legend className="flex items-center gap-2 px-1 text-sm font-semibold text-slate-700">
        <span className="flex h-5 w-5 items-center justify-center rounded-full bg-sky-700 text-xs text-white">{n}</span>
        {title}
      </legend>
      <div className="flex flex-col gap-3">{children}</div>
    </fieldset>
  );
}
