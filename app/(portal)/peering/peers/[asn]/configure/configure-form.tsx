'use client';

import Link from 'next/link';
import { useMemo, useState, useTransition } from 'react';
import type { ConfigureChoices, ConfigureRow } from '@/db/queries/peer-configure';
import type { SessionType } from '@/db/schema';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/field';
import { sessionTypeLabels, sessionTypes } from '@/lib/sessions/schemas';
import { configureMultipleSessionsAction } from '../../actions';
import { ConfigureResult, type Outcome } from './configure-result';

type Choice = { routerId: number | null; peerGroupId: number | null; type: SessionType; selected: boolean };
const small = 'rounded border border-slate-300 px-1.5 py-1 text-xs aria-[invalid=true]:border-rose-600';
const key = (r: ConfigureRow) => `${r.ixId}/${r.family}/${r.peerIp}`;

/** A datetime-local value (local time) one hour from now. */
function inAnHour() {
  const d = new Date(Date.now() + 3_600_000 - new Date().getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
}

export function ConfigureForm({ asn, choices }: { asn: number; choices: ConfigureChoices }) {
  const [rows, setRows] = useState<Record<string, Choice>>(() =>
    Object.fromEntries(choices.rows.map((r) =>
      [key(r), { routerId: r.routerId, peerGroupId: r.peerGroupId, type: r.type, selected: false }])),
  );
  const [mode, setMode] = useState<'now' | 'schedule'>('now');
  const [at, setAt] = useState(inAnHour);
  const [error, setError] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [pending, start] = useTransition();
  const open = choices.rows.filter((r) => !r.existingSessionId);
  const byExchange = useMemo(
    () => [...new Set(choices.rows.map((r) => r.ixId))].map((ixId) => choices.rows.filter((r) => r.ixId === ixId)),
    [choices.rows],
  );
  const set = (r: ConfigureRow, change: Partial<Choice>) => setRows((all) => ({ ...all, [key(r)]: { ...all[key(r)], ...change } }));
  const selectMany = (list: ConfigureRow[], selected: boolean) =>
    setRows((all) =>
      ({ ...all, ...Object.fromEntries(list.filter((r) => !r.existingSessionId).map((r) => [key(r), { ...all[key(r)], selected }])) }));
  const chosen = open.filter((r) => rows[key(r)].selected);
  const allChosen = open.length > 0 && chosen.length === open.length;

  const submit = () =>
    start(async () => {
      const items = chosen.map((r) => ({
        ixId: r.ixId,
        family: r.family,
        routerId: rows[key(r)].routerId,
        peerGroupId: rows[key(r)].peerGroupId,
        type: rows[key(r)].type,
      }));
      const result = await configureMultipleSessionsAction({ peerAsn: asn, items, mode, at: mode === 'schedule' ? new Date(at).toISOString() : undefined });
      if (result.ok) {
        setError(null);
        setOutcome(result.data);
      } else setError({ message: result.error.message, fields: result.error.fields ?? {} });
    });

  if (outcome) return <ConfigureResult asn={asn} outcome={outcome} />;
  const fieldError = (i: number, field: string) => error?.fields[`items.${i}.${field}`];
  return (
    <div className="flex flex-col gap-3">
      <FormError message={error?.message} />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={allChosen} disabled={!open.length} onChange={(e) => selectMany(choices.rows, e.target.checked)} />
        Select all exchanges
      </label>
      <div className="overflow-x-auto rounded border border-slate-200 bg-white">
        <table className="min-w-full text-sm [&_td]:px-3 [&_td]:py-1.5">
          <thead className="bg-slate-50 text-left text-slate-600">
            <tr>
              <th className="px-3 py-2"></th>
              <th className="px-3 py-2">Family</th>
              <th className="px-3 py-2">Their IP</th>
              <th className="px-3 py-2">Our IP</th>
              <th className="px-3 py-2">Router</th>
              <th className="px-3 py-2">Peer group</th>
              <th className="px-3 py-2">Type</th>
            </tr>
          </thead>
          {byExchange.map((group) => {
            const selectable = group.filter((r) => !r.existingSessionId);
            const all = selectable.length > 0 && selectable.every((r) => rows[key(r)].selected);
            return (
              <tbody key={group[0].ixId} className="border-t border-slate-200">
                <tr className="bg-slate-50/60">
                  <td colSpan={7} className="font-medium">
                    <label className="flex items-center gap-2">
                      <input type="checkbox" checked={all} disabled={!selectable.length} onChange={(e) => selectMany(group, e.target.checked)} aria-label={`Select all of ${group[0].exchange}`} />
                      {group[0].exchange}
                    </label>
                  </td>
                </tr>
                {group.map((r) => {
                  const i = chosen.indexOf(r);
                  const c = rows[key(r)];
                  const groups = choices.peerGroups.filter((g) => g.routerId === c.routerId && g.ixId === r.ixId && g.family === r.family);
                  return (
                    <tr key={key(r)} data-testid={`row-${r.ixId}-${r.family}`}>
                      <td>
                        {r.existingSessionId ? (
                          <Link href={`/peering/sessions/${r.existingSessionId}`} className="text-xs text-sky-700 hover:underline">
                            session exists
                          </Link>
                        ) : (
                          <input type="checkbox" checked={c.selected} onChange={(e) => set(r, { selected: e.target.checked })} aria-label={`${r.exchange} IPv${r.family}`} />
                        )}
                      </td>
                      <td>IPv{r.family}</td>
                      <td className="font-mono text-xs">{r.peerIp}</td>
                      <td className="font-mono text-xs">{r.ourIp ?? '—'}</td>
                      <td>
                        <select className={small} value={c.routerId ?? ''} disabled={!!r.existingSessionId} aria-invalid={!!fieldError(i, 'routerId')} aria-label={`Router for ${r.exchange} IPv${r.family}`}
                          onChange={(e) => {
                            const routerId = e.target.value ? Number(e.target.value) : null;
                            const pg = choices.peerGroups.find((g) =>
                              g.routerId === routerId && g.ixId === r.ixId && g.family === r.family);
                            set(r, { routerId, peerGroupId: pg?.id ?? null });
                          }}>
                          <option value="">Choose…</option>
                          {choices.routers.map((x) => (
                            <option key={x.id} value={x.id}>
                              {x.name}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td>
                        <select className={small} value={c.peerGroupId ?? ''} disabled={!!r.existingSessionId} aria-invalid={!!fieldError(i, 'peerGroupId')} aria-label={`Peer group for ${r.exchange} IPv${r.family}`}
                          onChange={(e) => set(r, { peerGroupId: e.target.value ? Number(e.target.value) : null })}>
                          <option value="">None</option>
                          {groups.map((g) => (
                            <option key={g.id} value={g.id}>
                              {g.name}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td>
                        <select className={small} value={c.type} disabled={!!r.existingSessionId} aria-label={`Type for ${r.exchange} IPv${r.family}`} onChange={(e) => set(r, { type: e.target.value as SessionType })}>
                          {sessionTypes.map((t) => (
                            <option key={t} value={t}>
                              {sessionTypeLabels[t]}
                            </option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            );
          })}
        </table>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <label className="flex items-center gap-1 text-sm">
          <input type="radio" name="mode" checked={mode === 'now'} onChange={() => setMode('now')} /> Now
        </label>
        <label className="flex items-center gap-1 text-sm">
          <input type="radio" name="mode" checked={mode === 'schedule'} onChange={() => setMode('schedule')} /> Schedule at
        </label>
        <input type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} disabled={mode !== 'schedule'} aria-label="Schedule at"
          aria-invalid={!!error?.fields.at} className="rounded border border-slate-300 px-2 py-1 text-sm" />
        <Button disabled={pending || !chosen.length} onClick={submit}>
          {pending ? 'Working…' : mode === 'now' ? `Configure Now (${chosen.length})` : `Schedule (${chosen.length})`}
        </Button>
      </div>
    </div>
  );
}
