'use client';

import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { ContactBadge } from '../contact-badge';
import { contactMessageOf, type ContactOutcome } from '@/lib/routers/contact';
import { acceptHostKeyAction, testRouterConnectionAction } from '../actions';

type Props = {
  router: { id: number; name: string; transport: 'ssh' | 'local' | 'none'; hostKey: string | null; pendingHostKey: string | null };
  lastContact: { at: Date | null; result: string | null };
  mayTest: boolean;
  mayTrust: boolean;
};

const timing = (o: ContactOutcome) => (o.connectMs === undefined ? '' : ` (connected in ${o.connectMs} ms, command ${o.commandMs} ms)`);

/** Test connection and its result, the pinned host key, and a changed key waiting for an admin. */
export function ConnectionPanel({ router, lastContact, mayTest, mayTrust }: Props) {
  const navigation = useRouter();
  const [pending, start] = useTransition();
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);

  const test = () =>
    start(async () => {
      setOutcome(null);
      const result = await testRouterConnectionAction({ id: router.id });
      setOutcome(result.ok ? {
        ok: result.data.ok,
        text: result.data.message + timing(result.data),
      } : { ok: false, text: result.error.message });
      navigation.refresh();
    });
  const accept = () =>
    start(async () => {
      if (!confirm(`Trust ${router.pendingHostKey} as the host key of ${router.name} from now on?`)) return;
      const result = await acceptHostKeyAction({ id: router.id });
      setOutcome(result.ok ? { ok: true, text: 'New host key accepted: test the connection again.' } : { ok: false, text: result.error.message });
      navigation.refresh();
    });

  return (
    <section className="flex flex-col gap-3 rounded border border-slate-200 bg-white p-4 text-sm">
      <h2 className="font-semibold">Connection</h2>
      <div className="flex flex-col gap-1">
        <span className="text-slate-500">Last contact</span>
        <ContactBadge router={{ lastContactAt: lastContact.at, lastContactResult: lastContact.result }} />
        {lastContact.result && !outcome && <p className="break-words text-xs text-slate-600">{contactMessageOf(lastContact.result)}</p>}
      </div>
      {mayTest && (
        <div className="flex flex-col gap-2">
          <div>
            <Button variant="secondary" disabled={pending} onClick={test}>
              {pending ? 'Testing…' : 'Test connection'}
            </Button>
          </div>
          {outcome && (
            <p role={outcome.ok ? 'status' : 'alert'} data-testid="router-test-result" className={`break-words ${outcome.ok ? 'text-emerald-700' : 'text-rose-700'}`}>
              {outcome.text}
            </p>
          )}
        </div>
      )}
      {router.transport === 'ssh' && (
        <div className="flex flex-col gap-1">
          <span className="text-slate-500">Host key</span>
          {router.hostKey ? (
            <code className="break-all text-xs" data-testid="host-key">
              {router.hostKey}
            </code>
          ) : (
            <span className="text-xs text-slate-600">Not pinned yet: the first successful connection pins it.</span>
          )}
        </div>
      )}
      {router.pendingHostKey && (
        <div role="alert" className="flex flex-col gap-2 rounded border border-amber-300 bg-amber-50 p-3 text-amber-900">
          <p className="font-medium">The router presented a different host key.</p>
          <p className="text-xs">
            Received <code className="break-all">{router.pendingHostKey}</code>
            {router.hostKey && (
              <>
                , expected <code className="break-all">{router.hostKey}</code>
              </>
            )}
            . Peerdesk refuses to connect until an admin accepts it. Accept it only if you know why it changed (the router was replaced or
            re-keyed); otherwise someone may be intercepting the connection.
          </p>
          {mayTrust ? (
            <div>
              <Button variant="danger" disabled={pending} onClick={accept}>
                Accept new host key
              </Button>
            </div>
          ) : (
            <p className="text-xs">Ask an Admin to accept the new key.</p>
          )}
        </div>
      )}
    </section>
  );
}
