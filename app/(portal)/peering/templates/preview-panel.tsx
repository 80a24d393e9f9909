'use client';

import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/field';
import type { ServiceFailure } from '@/lib/errors';
import type { PreviewResult } from '@/lib/templates/service';
import { previewTemplateAction } from './actions';
import { ErrorLocation } from './error-location';

export type SessionChoice = { id: number; label: string; platform: string };
export type PeerChoice = { asn: number; name: string | null };

/** Renders the text in the editor (saved or not) against a real session or network. */
export function PreviewPanel({ kind, read, sessions, peers }: { kind: 'config' | 'email'; read: () => { body: string; subject: string }; sessions: SessionChoice[]; peers: PeerChoice[] }) {
  const [pending, start] = useTransition();
  const [sessionId, setSessionId] = useState('');
  const [peerAsn, setPeerAsn] = useState('');
  const [shown, setShown] = useState<{ result: PreviewResult } | {
    failure: ServiceFailure;
    text: { body: string; subject: string };
  } | null>(null);
  const chosen = kind === 'config' ? sessionId || String(sessions[0]?.id ?? '') : peerAsn || String(peers[0]?.asn ?? '');

  const preview = () =>
    start(async () => {
      const text = read();
      const result = await previewTemplateAction({
        kind,
        body: text.body,
        subject: kind === 'email' ? text.subject : null,
        ...(kind === 'config' ? { sessionId: chosen } : { peerAsn: chosen }),
      });
      setShown(result.ok ? { result: result.data } : { failure: result.error, text });
    });

  return (
    <section className="flex flex-col gap-3 rounded border border-slate-200 bg-white p-4 text-sm" aria-label="Preview">
      <h2 className="font-semibold">Preview</h2>
      <div className="flex flex-wrap items-center gap-2">
        {kind === 'config' ? (
          <Select aria-label="Session" value={chosen} onChange={(e) => setSessionId(e.target.value)}>
            {sessions.length === 0 && <option value="">No session on this platform</option>}
            {sessions.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </Select>
        ) : (
          <Select aria-label="Network" value={chosen} onChange={(e) => setPeerAsn(e.target.value)}>
            {peers.length === 0 && <option value="">No peer with a session yet</option>}
            {peers.map((p) => (
              <option key={p.asn} value={p.asn}>
                AS{p.asn} {p.name ?? ''}
              </option>
            ))}
          </Select>
        )}
        <Button variant="secondary" disabled={pending || !chosen} onClick={preview}>
          {pending ? 'Rendering…' : 'Preview'}
        </Button>
      </div>
      {kind === 'config' && <p className="text-xs text-slate-500">MD5 keys show as ******** in previews.</p>}
      {shown && 'failure' in shown && (
        <div role="alert" data-testid={shown.failure.at ? 'preview-error' : undefined}>
          <p className="font-medium text-rose-700">{shown.failure.message}</p>
          {shown.failure.at && (
            <ErrorLocation
              body={shown.failure.fields?.subject ? shown.text.subject : shown.text.body}
              line={shown.failure.at.line}
              column={shown.failure.at.column}
            />
          )}
        </div>
      )}
      {shown && 'result' in shown && (
        <div data-testid="preview-output">
          {shown.result.subject !== null && (
            <p className="mb-2">
              <span className="text-slate-500">Subject:</span> {shown.result.subject}
            </p>
          )}
          <pre className="max-h-[32rem] overflow-auto rounded bg-slate-50 p-2 font-mono text-xs leading-5">{shown.result.text}</pre>
        </div>
      )}
    </section>
  );
}
