import { and, eq, inArray, isNull } from 'drizzle-orm';
import { db } from '@/db/client';
import { bgpSessions, changes, routers, users } from '@/db/schema';
import { permissions } from '@/lib/auth/permissions';
import { sendMail } from '@/lib/mail/send';
import { mailConfig } from '@/lib/mail/settings';

/**
 * Tells every approver but the author that changes wait for them, one e-mail each, through the
 * peering mailbox. Without an SMTP account there is no mail: the Changes count in the nav still shows them.
 * A mail server that fails does not undo the request.
 */
export async function notifyApprovers(changeIds: number[]) {
  const config = await mailConfig();
  if (!config.smtp || !config.from.address) return { sent: 0 };
  const rows = await db()
    .select({
      id: changes.id,
      kind: changes.kind,
      sessionIds: changes.sessionIds,
      authorId: changes.authorId,
      diff: changes.diff,
      diffNote: changes.diffNote,
      router: routers.name,
    })
    .from(changes)
    .innerJoin(routers, eq(routers.id, changes.routerId))
    .where(inArray(changes.id, changeIds));
  const approvers = await db()
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(inArray(users.role, [...permissions['changes.approve']]), isNull(users.disabledAt)));
  let sent = 0;
  for (const change of rows) {
    const [author] = change.authorId ? await db().select({ email: users.email }).from(users).where(eq(users.id, change.authorId)) : [];
    const sessions = await db()
      .select({ peerAsn: bgpSessions.peerAsn, peerIp: bgpSessions.peerIp })
      .from(bgpSessions)
      .where(inArray(bgpSessions.id, change.sessionIds));
    const to = approvers.filter((a) => a.id !== change.authorId).map((a) => a.email);
    if (!to.length) continue;
    const text = [
      `${author?.email ?? 'Someone'} asks to ${change.kind.replace('_', ' ')} ${sessions.map((s) => `AS${s.peerAsn} ${s.peerIp}`).join(', ')} on ${change.router}.`,
      '',
      `Review it in Peerdesk under Peering › Changes › #${change.id}, then approve or reject it.`,
      '',
      change.diff ? `Diff against the running configuration:\n\n${change.diff}` : (change.diffNote ?? ''),
    ].join('\n');
    try {
      await sendMail(config, { to, cc: [], subject: `Change #${change.id} on ${change.router} waits for your approval`, text });
      sent++;
    } catch (err) {
      console.error(`change #${change.id}: could not e-mail the approvers:`, err instanceof Error ? err.message : err);
    }
  }
  return { sent };
}
