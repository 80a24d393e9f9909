import { eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { bgpSessions } from '@/db/schema';
import { getSession } from '@/db/queries/sessions';
import { mutation } from '@/lib/auth/mutation';
import { afterRequest } from '@/lib/changes/after-request';
import { requestChange } from '@/lib/changes/request';
import { isOnRouter } from '@/lib/config/configure';
import { encryptSecret, sealIfGiven } from '@/lib/crypto/secrets';
import { ServiceError, notFound } from '@/lib/errors';
import { createSessionInput, deleteSessionInput, updateSessionInput } from './schemas';
import { checkSession, peeringDbDefaults } from './validation';

const withNote = (notes: string | null | undefined, note: string | null) => [notes, note].filter(Boolean).join('\n') || null;

async function sessionView(tx: Tx, id: number) {
  const session = await getSession(tx, id);
  if (!session) throw notFound('Session');
  return session;
}

/** A new session is only a record: it is Not Configured until the configure feature pushes it. */
export const createSession = mutation({
  action: 'session.create',
  permission: 'sessions.manage',
  input: createSessionInput,
  async run({ tx, actor, input, audit }) {
    const draft = { ...input, peerGroupId: input.peerGroupId ?? null };
    const { router, family, mismatchNote } = await checkSession(tx, draft, { actor, addressChanged: true });
    const defaults = await peeringDbDefaults(tx, input.peerAsn, family);
    const [row] = await tx
      .insert(bgpSessions)
      .values({
        routerId: router.id,
        ixId: input.ixId,
        peerGroupId: draft.peerGroupId,
        localAsn: input.localAsn ?? router.localAsn,
        peerAsn: input.peerAsn,
        peerName: input.peerName || defaults.peerName,
        peerIp: input.peerIp,
        type: input.type,
        md5Enc: input.md5 ? encryptSecret(input.md5) : null,
        maxPrefixes: input.maxPrefixes ?? defaults.maxPrefixes,
        description: input.description || null,
        notes: withNote(input.notes, mismatchNote),
      })
      .returning({ id: bgpSessions.id });
    audit({
      target: `session:${row.id}`,
      details: {
        router: router.name,
        ixId: input.ixId,
        peerAsn: input.peerAsn,
        peerIp: input.peerIp,
        md5: !!input.md5,
        addressMismatchKept: !!mismatchNote,
      },
    });
    return sessionView(tx, row.id);
  },
});

export const updateSession = mutation({
  action: 'session.update',
  permission: 'sessions.manage',
  input: updateSessionInput,
  async run({ tx, actor, input, audit }) {
    const [current] = await tx.select().from(bgpSessions).where(eq(bgpSessions.id, input.id));
    if (!current) throw notFound('Session');
    const draft = {
      routerId: current.routerId,
      ixId: current.ixId,
      peerGroupId: input.peerGroupId !== undefined ? input.peerGroupId : current.peerGroupId,
      peerAsn: input.peerAsn ?? current.peerAsn,
      peerIp: input.peerIp ?? current.peerIp,
      acknowledgeAddressMismatch: input.acknowledgeAddressMismatch,
    };
    // A mismatch kept on purpose is asked about once: only a new address or peer raises it again.
    const addressChanged = draft.peerIp.toLowerCase() !== current.peerIp || draft.peerAsn !== current.peerAsn;
    const { mismatchNote } = await checkSession(tx, draft, { actor, sessionId: current.id, addressChanged });
    const changes = {
      peerGroupId: draft.peerGroupId,
      peerAsn: draft.peerAsn,
      peerIp: draft.peerIp,
      ...(input.localAsn !== undefined && { localAsn: input.localAsn }),
      ...(input.peerName !== undefined && { peerName: input.peerName || null }),
      ...(input.type !== undefined && { type: input.type }),
      ...(input.maxPrefixes !== undefined && { maxPrefixes: input.maxPrefixes }),
      ...(input.description !== undefined && { description: input.description || null }),
      notes: withNote(input.notes !== undefined ? input.notes : current.notes, mismatchNote),
      md5Enc: sealIfGiven(input.md5, current.md5Enc),
    };
    await tx
      .update(bgpSessions)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(bgpSessions.id, current.id));
    const fields = Object.keys(input).filter((key) => !['id', 'md5', 'acknowledgeAddressMismatch'].includes(key));
    if (changes.md5Enc !== current.md5Enc) fields.push(changes.md5Enc ? 'md5: replaced' : 'md5: removed');
    audit({ target: `session:${current.id}`, details: { fields, addressMismatchKept: !!mismatchNote } });
    return sessionView(tx, current.id);
  },
});

/**
 * A session that never reached the router simply goes. One on the router is removed from it first
 * (a config.push job, operation remove; the caller kicks the scheduler), then kept as Removed in the history.
 */
export const deleteSession = afterRequest(mutation({
  action: 'session.delete',
  permission: 'sessions.manage',
  input: deleteSessionInput,
  queuesJobs: true,
  async run({ tx, actor, input, audit }) {
    const session = await sessionView(tx, input.id);
    const details = { router: session.routerName, peerAsn: session.peerAsn, peerIp: session.peerIp };
    if (session.configStatus === 'removed') throw new ServiceError('conflict', 'Already removed from the router: the record stays in the history');
    if (session.configStatus === 'scheduled' || session.configStatus === 'configuring') {
      throw new ServiceError('conflict', 'A configuration job holds this session: wait for it to finish, or cancel it in the Scheduler, then delete');
    }
    if (await isOnRouter(tx, session)) {
      const { job, changes } = await requestChange(tx, actor, { sessionIds: [session.id], operation: 'remove', mode: 'now' });
      audit({ target: `session:${session.id}`, details: { ...details, removeFromRouter: true, job: job?.id ?? null, change: changes[0].id } });
      return {
        id: session.id,
        removing: true,
        change: { id: changes[0].id, status: changes[0].status },
        job: job && { id: job.id, status: job.status },
      };
    }
    await tx.delete(bgpSessions).where(eq(bgpSessions.id, session.id));
    audit({ target: `session:${session.id}`, details });
    return { id: session.id };
  },
}));
