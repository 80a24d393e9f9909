'use client';

import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Field, FormError, Select, TextInput } from '@/components/ui/field';
import { Cell, Table } from '@/components/ui/table';
import type { NoticeResult } from '@/lib/peering/notices';
import { sendNoticeAction } from './actions';

const defaultBody = `Dear {{ peer.name | default: "colleagues" }} (AS{{ peer.asn }}),

We will carry out maintenance on {{ router.name | default: exchange.name }} on <date and time, UTC>. Our BGP sessions with you may flap:
{% for s in sessions %}
  {{ s.exchange }}: our {{ s.local_ip | default: "-" }} <-> your {{ s.peer_ip }}
{%- endfor %}

No action is needed on your side.

Kind regards,
{{ sender.name }}
`;

type Target = 'router' | 'exchange' | 'peers';

/** Compose once, send to every peer on the router, at the exchange, or in the list; the result per peer. */
export function NoticeForm({ routers, exchanges }: { routers: { id: number; name: string }[]; exchanges: { id: number; name: string }[] }) {
  const [target, setTarget] = useState<Target>('router');
  const [routerId, setRouterId] = useState(routers[0]?.id ?? 0);
  const [ixId, setIxId] = useState(exchanges[0]?.id ?? 0);
  const [peerAsns, setPeerAsns] = useState('');
  const [subject, setSubject] = useState('Planned maintenance: AS{{ peer.asn }} sessions on {{ router.name | default: exchange.name }}');
  const [body, setBody] = useState(defaultBody);
  const [pending, start] = useTransition();
  const [error, setError] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  const [results, setResults] = useState<NoticeResult[] | null>(null);
  const send = () => {
    if (!confirm('Send this notice to every peer in the selection?')) return;
    start(async () => {
      const asns = peerAsns.split(/[\s,]+/).map((a) => a.replace(/^AS/i, '')).filter(Boolean);
      const where = target === 'router' ? { routerId } : target === 'exchange' ? { ixId } : { peerAsns: asns };
      const result = await sendNoticeAction({ ...where, subject, body });
      setError(result.ok ? null : { message: result.error.message, fields: result.error.fields ?? {} });
      setResults(result.ok ? result.data.results : null);
    });
  };
  return (
    <div className="flex max-w-3xl flex-col gap-4">
      <FormError message={error?.message} />
      <Field label="Send to every peer with sessions" htmlFor="notice-target" error={error?.fields.routerId}>
        <div className="flex flex-wrap gap-2">
          <Select id="notice-target" value={target} onChange={(e) => setTarget(e.target.value as Target)}>
            <option value="router">on a router</option>
            <option value="exchange">at an exchange</option>
            <option value="peers">among these networks</option>
          </Select>
          {target === 'router' && (
            <Select aria-label="Router" value={routerId} onChange={(e) => setRouterId(Number(e.target.value))}>
              {routers.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </Select>
          )}
          {target === 'exchange' && (
            <Select aria-label="Exchange" value={ixId} onChange={(e) => setIxId(Number(e.target.value))}>
              {exchanges.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
            </Select>
          )}
          {target === 'peers' && <TextInput aria-label="Networks" placeholder="AS64501, AS64502" value={peerAsns} onChange={(e) => setPeerAsns(e.target.value)} />}
        </div>
      </Field>
      <Field label="Subject" htmlFor="notice-subject" error={error?.fields.subject}>
        <TextInput id="notice-subject" value={subject} onChange={(e) => setSubject(e.target.value)} />
      </Field>
      <Field
        label="Message"
        htmlFor="notice-body"
        error={error?.fields.body}
        hint="Variables: peer.asn, peer.name, local.asn, router.name, exchange.name, sessions (each: peer_ip, local_ip, exchange, router, family), sender.name, sender.address."
      >
        <textarea id="notice-body" rows={16} value={body} onChange={(e) => setBody(e.target.value)} className="w-full rounded border border-slate-300 px-2 py-1.5 font-mono text-sm" />
      </Field>
      <div>
        <Button disabled={pending} onClick={send}>
          {pending ? 'Sending…' : 'Send notice'}
        </Button>
      </div>
      {results && (
        <Table head={['Network', 'To', 'Result']}>
          {results.map((r) => (
            <tr key={r.peerAsn} data-testid={`notice-${r.peerAsn}`}>
              <Cell>
                AS{r.peerAsn} {r.name}
              </Cell>
              <Cell>{r.to.join(', ') || '—'}</Cell>
              <Cell className={r.status === 'sent' ? 'text-emerald-700' : 'text-rose-700'}>
                {r.status}
                {r.error ? `: ${r.error}` : ''}
              </Cell>
            </tr>
          ))}
        </Table>
      )}
    </div>
  );
}
