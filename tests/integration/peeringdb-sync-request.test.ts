import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as syncRoute from '@/app/api/v1/peeringdb/sync/route';
import { db } from '@/db/client';
import { jobs } from '@/db/schema';
import { makeUser } from '../support/actors';
import { callRoute, tokenFor } from '../support/api';
import { useTestDatabase } from '../support/test-database';

useTestDatabase();

const operatorToken = async () => tokenFor(await makeUser('operator', `op-${Math.random()}@example.test`));
const sync = async (body?: unknown) => callRoute(syncRoute.POST, { method: 'POST', path: '/peeringdb/sync', token: await operatorToken(), body });

const payloadOf = async (id: unknown) => (await db().select().from(jobs).where(eq(jobs.id, Number(id))))[0].payload;

describe('POST /api/v1/peeringdb/sync: the body is optional', () => {
  it.each([
    ['no body', undefined],
    ['an empty body sent as JSON', ''],
    ['only whitespace', ' \r\n'],
    ['an empty object', {}],
  ])('%s starts an incremental sync', async (_what, body) => {
    const res = await sync(body);
    expect(res).toMatchObject({ status: 202, json: { job: { id: expect.any(Number), status: 'scheduled' } } });
    expect(await payloadOf(res.json.job && (res.json.job as { id: number }).id)).toEqual({ full: false });
  });

  it('an empty body streamed without a Content-Length, as curl -X POST -H "Content-Type: application/json" -T /dev/null sends it', async () => {
    const token = await operatorToken();
    const req = new Request('http://peerdesk.test/api/v1/peeringdb/sync', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      body: new ReadableStream({ start: (c) => c.close() }),
      duplex: 'half',
    } as RequestInit);
    const res = await syncRoute.POST(req, { params: Promise.resolve({}) });
    expect(res.status).toBe(202);
  });

  it('{"full": true} asks for a full sync; a body that is not JSON, or a wrong field, is still refused', async () => {
    const full = await sync({ full: true });
    expect(full.status).toBe(202);
    expect(await payloadOf((full.json.job as { id: number }).id)).toEqual({ full: true });
    expect(await sync('full please')).toMatchObject({ status: 400, json: { error: { message: 'The request body must be JSON (or left out)' } } });
    expect(await sync({ full: 'yes' })).toMatchObject({ status: 400, json: { error: { code: 'validation', fields: { full: expect.any(String) } } } });
  });
});
