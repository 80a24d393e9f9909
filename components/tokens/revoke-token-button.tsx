'use client';

import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import type { Result } from '@/lib/errors';

export function RevokeTokenButton({ id, name, revoke }: { id: number; name: string; revoke: (id: number) => Promise<Result<unknown>> }) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <Button
        variant="secondary"
        className="!px-2 !py-1 text-xs"
        disabled={pending}
        onClick={() => {
          if (!confirm(`Revoke the token "${name}"? Anything using it stops working at once.`)) return;
          start(async () => {
            const result = await revoke(id);
            setError(result.ok ? null : result.error.message);
          });
        }}
      >
        Revoke
      </Button>
      {error && <span role="alert" className="ml-2 text-xs text-rose-700">{error}</span>}
    </>
  );
}
