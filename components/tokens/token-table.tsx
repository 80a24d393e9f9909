import { Badge } from '@/components/ui/notice';
import { Cell, Table } from '@/components/ui/table';
import type { Result } from '@/lib/errors';
import { RevokeTokenButton } from './revoke-token-button';

type TokenRow = { id: number; name: string; prefix: string; scope: 'read' | 'write'; createdAt: Date; expiresAt: Date | null; lastUsedAt: Date | null; revokedAt: Date | null; ownerEmail?: string };

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : '—');
/** Recorded to the minute (lib/tokens/service.ts). */
const minute = (d: Date | null) => (d ? `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC` : 'never');

/** API tokens as their owner or a Global Admin sees them: never the secret, only its first characters. */
export function TokenTable({ tokens, revoke }: { tokens: TokenRow[]; revoke: (id: number) => Promise<Result<unknown>> }) {
  const showOwner = tokens.some((t) => t.ownerEmail);
  return (
    <Table head={[...(showOwner ? ['Owner'] : []), 'Name', 'Prefix', 'Access', 'Created', 'Expires', 'Last used', '']}>
      {tokens.map((t) => (
        <tr key={t.id} data-testid={`token-${t.name}`}>
          {showOwner && <Cell>{t.ownerEmail}</Cell>}
          <Cell>{t.name}</Cell>
          <Cell className="font-mono text-xs">{t.prefix}…</Cell>
          <Cell>{t.scope === 'read' ? 'read only' : 'read and write'}</Cell>
          <Cell>{day(t.createdAt)}</Cell>
          <Cell>{t.expiresAt ? day(t.expiresAt) : 'never'}</Cell>
          <Cell className="whitespace-nowrap">{minute(t.lastUsedAt)}</Cell>
          <Cell>{t.revokedAt ? <Badge tone="red">revoked</Badge> : <RevokeTokenButton id={t.id} name={t.name} revoke={revoke} />}</Cell>
        </tr>
      ))}
    </Table>
  );
}
