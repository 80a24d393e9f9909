import Link from 'next/link';
import type { PeerDetails } from '@/db/queries/peer-details';
import { SessionStateCells } from '@/components/sessions/session-badges';
import { Cell, Table } from '@/components/ui/table';
import { PeerStatusBadge } from '../../ixs/[id]/peer-status-badge';

const when = (at: Date | string | null) => (at ? new Date(at).toISOString().slice(0, 16).replace('T', ' ') : '—');

/** Who changed what when: status changes (from -> to) and comments, newest first. */
export function NotesLog({ notes }: { notes: PeerDetails['notes'] }) {
  if (!notes.length) return <p className="text-sm text-slate-600">No notes yet.</p>;
  return (
    <Table head={['When (UTC)', 'Who', 'Exchange', 'Change', 'Comment']}>
      {notes.map((n) => (
        <tr key={n.id} data-testid={`note-${n.id}`}>
          <Cell className="whitespace-nowrap tabular-nums">{when(n.at)}</Cell>
          <Cell>{n.who}</Cell>
          <Cell>
            {n.exchange ?? (n.ixId ? `Exchange ${n.ixId}` : '—')}
            {n.localAsn ? <span className="ml-1 text-xs text-slate-500">AS{n.localAsn}</span> : null}
          </Cell>
          <Cell className="whitespace-nowrap">
            {n.kind === 'status' && n.fromStatus && n.toStatus ? (
              <>
                <PeerStatusBadge status={n.fromStatus} /> → <PeerStatusBadge status={n.toStatus} />
              </>
            ) : (
              <span className="text-slate-500">note</span>
            )}
          </Cell>
          <Cell className="max-w-md whitespace-pre-wrap">
            {n.comment}
            {n.emailId ? (
              <Link href={`/peering/emails/${n.emailId}`} className="ml-1 text-sky-700 hover:underline">
                email
              </Link>
            ) : null}
          </Cell>
        </tr>
      ))}
    </Table>
  );
}

export function PeerSessions({ sessions }: { sessions: PeerDetails['sessions'] }) {
  if (!sessions.length) return <p className="text-sm text-slate-600">No session with this peer yet.</p>;
  return (
    <Table head={['Router', 'Exchange', 'Peer IP', 'Type', 'Config', 'BGP']}>
      {sessions.map((s) => (
        <tr key={s.id}>
          <Cell>{s.routerName}</Cell>
          <Cell>{s.exchangeName ?? 'Private'}</Cell>
          <Cell className="font-mono text-xs">
            <Link href={`/peering/sessions/${s.id}`} className="text-sky-700 hover:underline">
              {s.peerIp}
            </Link>
          </Cell>
          <SessionStateCells session={s} />
        </tr>
      ))}
    </Table>
  );
}

export function PeerEmails({ emails }: { emails: NonNullable<PeerDetails['emails']> }) {
  if (!emails.length) return <p className="text-sm text-slate-600">No email tied to this peer.</p>;
  return (
    <Table head={['Date (UTC)', 'Mailbox', 'From', 'Subject', 'Tied by']}>
      {emails.map((e) => (
        <tr key={e.id}>
          <Cell className="whitespace-nowrap tabular-nums">{when(e.date)}</Cell>
          <Cell>{e.mailbox === 'sent' ? 'Sent' : 'Inbox'}</Cell>
          <Cell>{e.fromAddress ?? '—'}</Cell>
          <Cell>
            <Link href={`/peering/emails/${e.id}`} className="text-sky-700 hover:underline">
              {e.subject || '(no subject)'}
            </Link>
          </Cell>
          <Cell>{e.association ?? '—'}</Cell>
        </tr>
      ))}
    </Table>
  );
}
