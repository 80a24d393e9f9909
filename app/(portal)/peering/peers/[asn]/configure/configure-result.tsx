'use client';

import Link from 'next/link';
import type { configureMultipleSessionsAction } from '../../actions';

export type Outcome = Extract<Awaited<ReturnType<typeof configureMultipleSessionsAction>>, { ok: true }>['data'];

/** What Configure Multiple Sessions did: the sessions it created, the ones that existed, and the job. */
export function ConfigureResult({ asn, outcome }: { asn: number; outcome: Outcome }) {
  return (
    <div role="status" className="flex flex-col gap-3 rounded border border-emerald-200 bg-emerald-50 p-4 text-sm text-emerald-900">
      {outcome.sessions.length ? (
        <>
          <p>
            {outcome.sessions.length} session{outcome.sessions.length === 1 ? '' : 's'} created
            {outcome.job && (
              <>
                {' '}
                and{' '}
                <Link href={`/scheduler/${outcome.job.id}`} className="font-medium text-sky-700 hover:underline">
                  job #{outcome.job.id}
                </Link>{' '}
                queued for {new Date(outcome.job.runAt).toLocaleString()}
              </>
            )}
            .
          </p>
          <ul className="list-disc pl-5">
            {outcome.sessions.map((s) => (
              <li key={s.id}>
                <Link href={`/peering/sessions/${s.id}`} className="text-sky-700 hover:underline">
                  {s.exchangeName} {s.peerIp}
                </Link>{' '}
                on {s.routerName} — {s.configStatus === 'scheduled' ? 'Scheduled' : 'Configuring'}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>Nothing was created.</p>
      )}
      {outcome.existing.length > 0 && (
        <p>
          Already there, not added again:{' '}
          {outcome.existing.map((e) => (
            <Link key={e.sessionId} href={`/peering/sessions/${e.sessionId}`} className="mr-2 text-sky-700 hover:underline">
              {e.peerIp}
            </Link>
          ))}
        </p>
      )}
      <Link href={`/peering/peers/${asn}`} className="text-sky-700 hover:underline">
        Back to the peer
      </Link>
    </div>
  );
}
