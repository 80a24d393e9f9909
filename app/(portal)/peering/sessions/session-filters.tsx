import Link from 'next/link';
import type { ReactNode } from 'react';
import type { SessionFilters } from '@/db/queries/sessions';
import type { ExchangeChoice, RouterChoice } from '@/db/queries/session-choices';
import { bgpStates, configStatusLabels, configStatuses, sessionTypeLabels, sessionTypes } from '@/lib/sessions/schemas';

const control = 'rounded border border-slate-300 bg-white px-2 py-1.5 text-sm';

function Choice({ name, label, value, any, children }: {
  name: string;
  label: string;
  value?: string | number;
  any: string;
  children: ReactNode;
}) {
  return (
    <select name={name} defaultValue={value ?? ''} aria-label={label} className={control}>
      <option value="">{any}</option>
      {children}
    </select>
  );
}

/** A plain GET form: every filter lives in the URL, so a filtered list can be reloaded and shared. */
export function SessionFilterForm({ filters, q, exchanges, routers, localAsns }: {
  filters: SessionFilters;
  q?: string;
  exchanges: ExchangeChoice[];
  routers: RouterChoice[];
  localAsns: number[];
}) {
  return (
    <form method="get" role="search" className="mb-3 flex flex-wrap items-center gap-2">
      <input name="q" defaultValue={q} placeholder="Peer: ASN or name" aria-label="Peer" className={`${control} w-52`} />
      {filters.peerAsn && <input type="hidden" name="peerAsn" value={filters.peerAsn} />}
      <Choice name="ixId" label="Exchange" value={filters.ixId} any="Any exchange">
        {exchanges.map((x) => (
          <option key={x.id} value={x.id}>
            {x.name}
          </option>
        ))}
        <option value="none">No Exchange (private)</option>
      </Choice>
      <Choice name="routerId" label="Router" value={filters.routerId} any="Any router">
        {routers.map((r) => (
          <option key={r.id} value={r.id}>
            {r.name}
          </option>
        ))}
      </Choice>
      {localAsns.length > 1 && (
        <Choice name="localAsn" label="Local ASN" value={filters.localAsn} any="Any local ASN">
          {localAsns.map((asn) => (
            <option key={asn} value={asn}>
              AS{asn}
            </option>
          ))}
        </Choice>
      )}
      <Choice name="family" label="IP family" value={filters.family} any="IPv4 and IPv6">
        <option value="4">IPv4</option>
        <option value="6">IPv6</option>
      </Choice>
      <Choice name="type" label="Type" value={filters.type} any="Any type">
        {sessionTypes.map((t) => (
          <option key={t} value={t}>
            {sessionTypeLabels[t]}
          </option>
        ))}
      </Choice>
      <Choice name="configStatus" label="Config status" value={filters.configStatus} any="Any config status">
        {configStatuses.map((s) => (
          <option key={s} value={s}>
            {configStatusLabels[s]}
          </option>
        ))}
      </Choice>
      <Choice name="bgpState" label="BGP state" value={filters.bgpState} any="Any BGP state">
        {bgpStates.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
        <option value="none">Not polled yet</option>
      </Choice>
      <button type="submit" className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50">
        Filter
      </button>
      <Link href="/peering/sessions" className="text-sm text-sky-700 hover:underline">
        Clear
      </Link>
    </form>
  );
}
