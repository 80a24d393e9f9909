'use client';

import { useState, useTransition } from 'react';
import type { Role } from '@/db/schema';
import { Button } from '@/components/ui/button';
import { roleLabels, roles } from '@/lib/auth/permissions';
import { updateUserAction } from './actions';

type Row = { id: number; email: string; role: Role; disabled: boolean };

/** Role, enable/disable and password reset for one user; each is one call to updateUser. */
export function UserActions({ user, self }: { user: Row; self: boolean }) {
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [password, setPassword] = useState('');
  const [showReset, setShowReset] = useState(false);

  const apply = (changes: Record<string, unknown>, done: string) =>
    start(async () => {
      const result = await updateUserAction({ id: user.id, ...changes });
      setMessage(result.ok ? { ok: true, text: done } : { ok: false, text: result.error.fields?.password ?? result.error.message });
      if (result.ok) setShowReset(false);
    });

  return (
    <div className="flex flex-col gap-1">
      <div className="flex flex-wrap items-center gap-2">
        <select
          aria-label={`Role of ${user.email}`}
          defaultValue={user.role}
          disabled={pending}
          className="rounded border border-slate-300 px-1 py-1 text-xs"
          onChange={(e) => apply({ role: e.target.value }, 'Role changed')}
        >
          {roles.map((r) => (
            <option key={r} value={r}>
              {roleLabels[r]}
            </option>
          ))}
        </select>
        {!self && (
          <Button variant="secondary" className="!px-2 !py-1 text-xs" disabled={pending} onClick={() => apply({ disabled: !user.disabled }, user.disabled ? 'Enabled' : 'Disabled')}>
            {user.disabled ? 'Enable' : 'Disable'}
          </Button>
        )}
        <Button variant="link" className="text-xs" onClick={() => setShowReset((v) => !v)}>
          Reset password
        </Button>
      </div>
      {showReset && (
        <form
          className="flex gap-1"
          onSubmit={(e) => {
            e.preventDefault();
            apply({ password }, 'Password reset');
          }}
        >
          <input
            type="password"
            aria-label={`New password for ${user.email}`}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            className="rounded border border-slate-300 px-1 py-1 text-xs"
          />
          <Button type="submit" variant="secondary" className="!px-2 !py-1 text-xs" disabled={pending}>
            Set
          </Button>
        </form>
      )}
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={`text-xs ${message.ok ? 'text-emerald-700' : 'text-rose-700'}`}>
          {message.text}
        </p>
      )}
    </div>
  );
}
