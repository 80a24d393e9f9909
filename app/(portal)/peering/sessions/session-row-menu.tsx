'use client';

import Link from 'next/link';
import { useEffect, useRef, useState, useTransition } from 'react';
import type { ConfigStatus } from '@/db/schema';
import { deleteSessionAction } from './actions';
import { configureSessionAction, setAdminStateAction } from './config-actions';

const item = 'block w-full px-3 py-1.5 text-left text-sm hover:bg-slate-100';

/** What deleting does, said before it happens. */
export const deleteQuestion = (label: string, status: ConfigStatus) =>
  status === 'configured' || status === 'error'
    ? `Delete the session with ${label}? It is removed from the router first, then kept as Removed in the history.`
    : `Delete the session with ${label}? It was never configured on the router, so only the record goes.`;

type Props = { id: number; label: string; mayManage: boolean; mayConfigure: boolean; status: ConfigStatus; adminDown: boolean };

/**
 * View, Edit, 1 click config, Config Manager, Admin down/up and Delete; the server still decides on each.
 * The menu is fixed to the viewport so the table's scroll box does not clip it.
 */
export function SessionRowMenu({ id, label, mayManage, mayConfigure, status, adminDown }: Props) {
  const busy = status === 'scheduled' || status === 'configuring' || status === 'removed';
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [at, setAt] = useState<{ top: number; left: number } | null>(null);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!at) return;
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : event.type === 'scroll' || !box.current?.contains(event.target as Node)) setAt(null);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    window.addEventListener('scroll', close, true);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
      window.removeEventListener('scroll', close, true);
    };
  }, [at]);

  const toggle = (button: HTMLButtonElement) => {
    const rect = button.getBoundingClientRect();
    setAt(at ? null : { top: rect.bottom + 4, left: rect.right - 144 });
  };
  const act = (question: string | null, work: () => Promise<{ ok: boolean; error?: { message: string } }>) => {
    setAt(null);
    if (question && !confirm(question)) return;
    start(async () => {
      const result = await work();
      setError(result.ok ? null : (result.error?.message ?? 'Something went wrong'));
    });
  };
  const remove = () => act(deleteQuestion(label, status), () => deleteSessionAction(id));
  const configure = () => act(`Configure ${label} on the router now, with the default template?`, () => configureSessionAction({ sessionId: id, mode: 'now' }));
  const toggleAdmin = () => act(`${adminDown ? 'Bring up' : 'Shut down'} the session with ${label}?`, () => setAdminStateAction(id, !adminDown));

  return (
    <div ref={box}>
      <button
        type="button"
        aria-label={`Actions for ${label}`}
        aria-haspopup="menu"
        aria-expanded={!!at}
        disabled={pending}
        onClick={(e) => toggle(e.currentTarget)}
        className="row-menu-button"
      >
        {pending ? '…' : '⋯'}
      </button>
      {at && (
        <div role="menu" style={at} className="fixed z-20 w-36 rounded border border-slate-200 bg-white py-1 shadow-lg">
          <Link role="menuitem" href={`/peering/sessions/${id}`} className={item}>
            View
          </Link>
          {mayManage && (
            <Link role="menuitem" href={`/peering/sessions/${id}#edit`} className={item}>
              Edit
            </Link>
          )}
          {mayConfigure && !busy && (
            <>
              <button role="menuitem" type="button" onClick={configure} className={item}>
                1 click config
              </button>
              <Link role="menuitem" href={`/peering/sessions/${id}/configure`} className={item}>
                Config Manager
              </Link>
              <button role="menuitem" type="button" onClick={toggleAdmin} className={item}>
                {adminDown ? 'Admin up' : 'Admin down'}
              </button>
            </>
          )}
          {mayManage && !busy && (
            <button role="menuitem" type="button" onClick={remove} className={`${item} text-rose-700`}>
              Delete
            </button>
          )}
        </div>
      )}
      {error && (
        <p role="alert" className="mt-1 w-48 text-xs text-rose-700">
          {error}
        </p>
      )}
    </div>
  );
}
