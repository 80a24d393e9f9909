'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import type { ConfigStatus } from '@/db/schema';

/** While a push is under way the page reloads itself, so Configuring turns into Configured or Error in front of the user. */
export function LiveStatus({ status }: { status: ConfigStatus }) {
  const router = useRouter();
  const every = status === 'configuring' ? 2_000 : status === 'scheduled' ? 10_000 : null;
  useEffect(() => {
    if (!every) return;
    const timer = setInterval(() => router.refresh(), every);
    return () => clearInterval(timer);
  }, [every, router]);
  if (status !== 'configuring') return null;
  return (
    <p role="status" className="mb-4 rounded border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      Configuring on the router: render, diff, push, then waiting for the session to come up. This page updates by itself.
    </p>
  );
}
