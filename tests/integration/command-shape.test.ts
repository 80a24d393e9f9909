import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { db } from '@/db/client';
import { auditLog, peerContacts } from '@/db/schema';
import { mutation, query } from '@/lib/auth/mutation';
import { RouterConnectionError } from '@/lib/config/transport/types';
import { ServiceError } from '@/lib/errors';
import { makeUser } from '../support/actors';
import { useTestDatabase } from '../support/test-database';

useTestDatabase();

const contactInput = z.object({ peerAsn: z.coerce.number().int().positive(), email: z.string().email() });

/** A command shaped like Send Request: slow I/O in prepare, then one transaction that records it. */
function saveContactAfter(prepare: (input: z.output<typeof contactInput>) => Promise<string>) {
  const calls: string[] = [];
  const command = mutation({
    action: 'test.contact',
    permission: 'peers.manage',
    input: contactInput,
    async prepare({ input }) {
      calls.push('prepare');
      return prepare(input);
    },
    async run({ tx, actor, input, prepared, audit }) {
      calls.push('run');
      await tx.insert(peerContacts).values({ peerAsn: input.peerAsn, email: input.email, updatedBy: actor.id });
      audit({ target: `peer:${input.peerAsn}`, details: { prepared } });
      return { prepared };
    },
  });
  return { command, calls };
}

const audited = () => db().select().from(auditLog);

describe('mutation with prepare', () => {
  it('hands what prepare returned to run, and records both in one transaction', async () => {
    const { command, calls } = saveContactAfter(async (input) => `mail to ${input.email}`);
    const result = await command(await makeUser('operator'), { peerAsn: '64500', email: 'noc@peer.test' });
    expect(result).toEqual({ ok: true, data: { prepared: 'mail to noc@peer.test' } });
    expect(calls).toEqual(['prepare', 'run']);
    expect(await db().select().from(peerContacts)).toMatchObject([{ peerAsn: 64500, email: 'noc@peer.test' }]);
    expect(await audited()).toMatchObject([{ action: 'test.contact', target: 'peer:64500', details: { prepared: 'mail to noc@peer.test' }, succeeded: true }]);
  });

  it('writes nothing, not even an audit row, when prepare fails, and says why', async () => {
    const { command, calls } = saveContactAfter(async () => {
      throw new RouterConnectionError('timeout', 'edge1: no answer within 10 s');
    });
    const result = await command(await makeUser('operator'), { peerAsn: 64500, email: 'noc@peer.test' });
    expect(result).toEqual({ ok: false, error: { code: 'unavailable', message: 'edge1: no answer within 10 s' } });
    expect(calls).toEqual(['prepare']);
    expect(await db().select().from(peerContacts)).toEqual([]);
    expect(await audited()).toEqual([]);
  });

  it('refuses (and records the refusal) before prepare runs, and checks the input before prepare too', async () => {
    const { command, calls } = saveContactAfter(async () => 'sent');
    const viewer = await makeUser('viewer');
    expect(await command(viewer, { peerAsn: 64500, email: 'noc@peer.test' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await command(null, { peerAsn: 64500, email: 'noc@peer.test' })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await command(await makeUser('operator', 'op@example.test'), { peerAsn: 64500, email: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'validation', fields: { email: expect.any(String) } },
    });
    expect(calls).toEqual([]);
    expect(await audited()).toMatchObject([{ action: 'test.contact', actorId: viewer.id, succeeded: false, details: { refused: 'forbidden' } }]);
  });

  it('refuses a read-only API token before prepare runs', async () => {
    const { command, calls } = saveContactAfter(async () => 'sent');
    const token = { ...(await makeUser('operator')), via: 'api' as const, scope: 'read' as const };
    expect(await command(token, { peerAsn: 64500, email: 'noc@peer.test' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(calls).toEqual([]);
  });
});

describe('query', () => {
  const lookup = query({
    name: 'test.lookup',
    permission: 'peering.read',
    input: z.object({ peerAsn: z.coerce.number().int().positive() }),
    async run({ actor, input }) {
      if (input.peerAsn === 64999) throw new ServiceError('not_found', 'AS64999 not found');
      return { asn: input.peerAsn, askedBy: actor.email };
    },
  });

  it('parses, checks the permission and answers with the same Result, writing no audit row', async () => {
    const viewer = await makeUser('viewer');
    expect(await lookup(viewer, { peerAsn: '64500' })).toEqual({ ok: true, data: { asn: 64500, askedBy: viewer.email } });
    expect(await lookup({ ...viewer, via: 'api', scope: 'read' }, { peerAsn: 64500 })).toMatchObject({ ok: true });
    expect(await lookup(viewer, { peerAsn: 'x' })).toMatchObject({ ok: false, error: { code: 'validation', fields: { peerAsn: expect.any(String) } } });
    expect(await lookup(viewer, { peerAsn: 64999 })).toEqual({ ok: false, error: { code: 'not_found', message: 'AS64999 not found', fields: undefined } });
    expect(await lookup(null, { peerAsn: 64500 })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await audited()).toEqual([]);
  });

  it('records a refusal, as a change does', async () => {
    const secret = query({ name: 'test.secret', permission: 'emails.read', input: z.object({}), run: async () => 'mail' });
    const viewer = await makeUser('viewer');
    expect(await secret(viewer, {})).toMatchObject({ ok: false, error: { code: 'forbidden', message: 'Your role (viewer) may not do this (emails.read)' } });
    expect(await audited()).toMatchObject([{ action: 'test.secret', actorId: viewer.id, succeeded: false }]);
    expect([secret.action, secret.permission]).toEqual(['test.secret', 'emails.read']);
  });
});
