import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as jobsRoute from '@/app/api/v1/jobs/route';
import * as jobRoute from '@/app/api/v1/jobs/[id]/route';
import * as runRoute from '@/app/api/v1/jobs/[id]/run/route';
import { db } from '@/db/client';
import { getJob, listJobs } from '@/db/queries/jobs';
import { auditLog, jobs, settings } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { jobKinds } from '@/lib/jobs/kinds';
import { claimDueJobs, enqueueJob } from '@/lib/jobs/queue';
import { BGP_POLL } from '@/lib/jobs/labels';
import { payloadSummary } from '@/lib/jobs/payload-summary';
import { cancelJob, rescheduleJob, runJobNow } from '@/lib/jobs/service';
import type { JobKind } from '@/lib/jobs/types';
import { makeUser } from '../support/actors';
import { callRoute, tokenFor } from '../support/api';
import { useTestDatabase } from '../support/test-database';

useTestDatabase();

const HOUR = 3_600_000;
const later = (ms = HOUR) => new Date(Date.now() + ms);

const greet: JobKind<{ name?: string }> = {
  name: 'test.greet',
  label: 'Test greeting',
  payload: z.object({ name: z.string().optional() }),
  run: async (ctx) => {
    ctx.log(`hello from job ${ctx.job.id}`);
    return { greeted: ctx.payload.name };
  },
  // What a scheduled configuration does on cancel: put its promise back, in the cancelling transaction.
  onCancel: async (tx, job) => {
    await tx.insert(settings).values({ key: `test.undone.${job.id}`, value: { summary: job.summary } });
  },
};
const stubborn: JobKind = {
  name: 'test.stubborn',
  label: 'Test stubborn',
  payload: z.object({}),
  run: async () => undefined,
  onCancel: async () => {
    throw new Error('cannot undo');
  },
};
for (const kind of [greet, stubborn]) jobKinds[kind.name] = kind;

let operator: Actor;
let viewer: Actor;

beforeEach(async () => {
  operator = await makeUser('operator');
  viewer = await makeUser('viewer');
});

const statusOf = async (id: number) => (await db().select({ status: jobs.status, runAt: jobs.runAt }).from(jobs).where(eq(jobs.id, id)))[0];

describe('the Scheduler list', () => {
  it('shows what runs now first, then what comes next soonest first, then what happened newest first', async () => {
    const next = await enqueueJob(db(), { kind: greet.name, runAt: later(HOUR), summary: 'next', createdBy: operator.id });
    const afterThat = await enqueueJob(db(), { kind: greet.name, runAt: later(2 * HOUR), summary: 'after that' });
    const old = await enqueueJob(db(), { kind: greet.name, summary: 'old' });
    await db().update(jobs).set({ status: 'succeeded', finishedAt: new Date(Date.now() - HOUR) }).where(eq(jobs.id, old.id));
    const recent = await enqueueJob(db(), { kind: stubborn.name, summary: 'recent' });
    await db().update(jobs).set({ status: 'failed', finishedAt: new Date(), error: 'router said no' }).where(eq(jobs.id, recent.id));
    const now = await enqueueJob(db(), { kind: greet.name, summary: 'now' });
    await claimDueJobs(db(), 'runner-a', 60_000, 1, now.id);

    const rows = await listJobs(db(), { limit: 10, offset: 0 });
    expect(rows.map((r) => r.summary)).toEqual(['now', 'next', 'after that', 'recent', 'old']);
    expect(rows[1]).toMatchObject({ createdBy: operator.email, attempts: 0, maxAttempts: 2 });
    expect(rows.find((r) => r.id === afterThat.id)?.createdBy).toBeNull();

    expect((await listJobs(db(), { status: 'failed', limit: 10, offset: 0 })).map((r) => r.summary)).toEqual(['recent']);
    expect((await listJobs(db(), { kind: stubborn.name, limit: 10, offset: 0 })).map((r) => r.id)).toEqual([recent.id]);
    expect((await listJobs(db(), { q: 'after', limit: 10, offset: 0 })).map((r) => r.id)).toEqual([afterThat.id]);
    expect((await listJobs(db(), { q: `#${next.id}`, limit: 10, offset: 0 })).map((r) => r.id)).toEqual([next.id]);
    expect((await listJobs(db(), { limit: 2, offset: 2 })).map((r) => r.summary)).toEqual(['after that', 'recent']);
  });

  it('GET /jobs filters and pages, and never returns the payload', async () => {
    for (let i = 0; i < 3; i++) await enqueueJob(db(), { kind: BGP_POLL.name, runAt: later(HOUR * (i + 1)), payload: { md5: 'secret-key' }, summary: `job ${i}` });
    const token = await tokenFor(viewer);
    const page1 = await callRoute(jobsRoute.GET, { path: '/jobs?status=scheduled&limit=2', token });
    expect(page1.status).toBe(200);
    expect(page1.json).toMatchObject({ data: [{ summary: 'job 0', kind: 'bgp.poll', kindLabel: 'BGP state polling', status: 'scheduled' }, { summary: 'job 1' }], next: '2' });
    expect(JSON.stringify(page1.json)).not.toContain('secret-key');
    const page2 = await callRoute(jobsRoute.GET, { path: '/jobs?status=scheduled&limit=2&cursor=2', token });
    expect(page2.json).toMatchObject({ data: [{ summary: 'job 2' }], next: null });
    const bad = await callRoute(jobsRoute.GET, { path: '/jobs?status=sleeping', token });
    expect(bad).toMatchObject({ status: 400, json: { error: { fields: { status: expect.stringContaining('scheduled') } } } });
  });

  it('a job page summarizes the payload and hides anything secret-looking', () => {
    expect(payloadSummary({ sessionIds: [1, 2, 3], routerId: 4, items: [{ peerIp: '10.0.12.2', md5: 'k' }], editedConfig: 'neighbor …' })).toEqual([
      { key: 'sessionIds', value: '3 items: 1, 2, 3' },
      { key: 'routerId', value: '4' },
      { key: 'items', value: '1 item: {"peerIp":"10.0.12.2","md5":"(hidden)"}' },
      { key: 'editedConfig', value: '(hidden)' },
    ]);
  });
});

describe('rescheduling', () => {
  it('moves a scheduled job to a new time, and audits who did it', async () => {
    const job = await enqueueJob(db(), { kind: greet.name, runAt: later() });
    const at = later(2 * HOUR);
    const result = await rescheduleJob(operator, { id: job.id, runAt: at.toISOString() });
    expect(result).toMatchObject({ ok: true, data: { id: job.id, status: 'scheduled', runAt: at } });
    expect((await statusOf(job.id)).runAt.getTime()).toBe(at.getTime());
    const [audit] = await db().select().from(auditLog).where(eq(auditLog.action, 'job.reschedule'));
    expect(audit).toMatchObject({ actorLabel: operator.email, target: `job:${job.id}` });
  });

  it('refuses a time that has passed, next to the field; a time just now is fine', async () => {
    const job = await enqueueJob(db(), { kind: greet.name, runAt: later() });
    const past = await rescheduleJob(operator, { id: job.id, runAt: new Date(Date.now() - 10 * 60_000).toISOString() });
    expect(past).toMatchObject({ ok: false, error: { code: 'validation', fields: { runAt: expect.stringContaining('passed') } } });
    expect(await rescheduleJob(operator, { id: job.id, runAt: 'tomorrow-ish' })).toMatchObject({ ok: false, error: { fields: { runAt: 'Enter a date and time' } } });
    expect(await rescheduleJob(operator, { id: job.id, runAt: new Date(Date.now() - 5_000).toISOString() })).toMatchObject({ ok: true });
  });

  it('refuses a running or finished job, saying why', async () => {
    const running = await enqueueJob(db(), { kind: greet.name });
    await claimDueJobs(db(), 'runner-a', 60_000);
    expect(await rescheduleJob(operator, { id: running.id, runAt: later().toISOString() })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('is running now') },
    });
    await db().update(jobs).set({ status: 'succeeded' }).where(eq(jobs.id, running.id));
    expect(await rescheduleJob(operator, { id: running.id, runAt: later().toISOString() })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: `Job #${running.id} has already succeeded: only a scheduled job can be rescheduled` },
    });
    expect(await rescheduleJob(operator, { id: 999, runAt: later().toISOString() })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('PATCH /jobs/{id} reschedules for an operator and answers 400 for a past time', async () => {
    const job = await enqueueJob(db(), { kind: greet.name, runAt: later() });
    const token = await tokenFor(operator);
    const at = later(3 * HOUR).toISOString();
    const ok = await callRoute(jobRoute.PATCH, { method: 'PATCH', token, body: { runAt: at }, params: { id: String(job.id) } });
    expect(ok).toMatchObject({ status: 200, json: { id: job.id, runAt: at, status: 'scheduled' } });
    const past = await callRoute(jobRoute.PATCH, { method: 'PATCH', token, body: { runAt: '2020-01-01T00:00:00Z' }, params: { id: String(job.id) } });
    expect(past).toMatchObject({ status: 400, json: { error: { fields: { runAt: expect.any(String) } } } });
  });
});

describe('run now', () => {
  it('makes a scheduled job due at once', async () => {
    const job = await enqueueJob(db(), { kind: greet.name, runAt: later() });
    expect(await runJobNow(operator, { id: job.id })).toMatchObject({ ok: true });
    expect((await statusOf(job.id)).runAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect((await claimDueJobs(db(), 'runner-a', 60_000)).map((j) => j.id)).toEqual([job.id]);
  });

  it('POST /jobs/{id}/run runs it and answers with the outcome and its run', async () => {
    const job = await enqueueJob(db(), { kind: greet.name, runAt: later(), payload: { name: 'AS65002' } });
    const token = await tokenFor(operator);
    const res = await callRoute(runRoute.POST, { method: 'POST', token, params: { id: String(job.id) } });
    expect(res).toMatchObject({
      status: 200,
      json: { id: job.id, status: 'succeeded', attempts: 1, result: { greeted: 'AS65002' }, runs: [{ attempt: 1, status: 'succeeded', output: `hello from job ${job.id}` }] },
    });
    const again = await callRoute(runRoute.POST, { method: 'POST', token, params: { id: String(job.id) } });
    expect(again).toMatchObject({ status: 409, json: { error: { message: expect.stringContaining('only a scheduled job') } } });
  });
});

describe('cancelling', () => {
  it("cancels a scheduled job and lets its kind undo what scheduling promised", async () => {
    const job = await enqueueJob(db(), { kind: greet.name, runAt: later(), summary: 'configure 2 sessions' });
    const result = await cancelJob(operator, { id: job.id });
    expect(result).toMatchObject({ ok: true, data: { status: 'cancelled' } });
    const [undone] = await db().select().from(settings).where(eq(settings.key, `test.undone.${job.id}`));
    expect(undone?.value).toEqual({ summary: 'configure 2 sessions' });
    expect(await claimDueJobs(db(), 'runner-a', 60_000, 10, job.id)).toEqual([]);
  });

  it('when the undo fails, nothing is cancelled', async () => {
    const job = await enqueueJob(db(), { kind: stubborn.name, runAt: later() });
    expect(await cancelJob(operator, { id: job.id })).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect((await statusOf(job.id)).status).toBe('scheduled');
  });

  it('refuses a running job with a clear message', async () => {
    const job = await enqueueJob(db(), { kind: greet.name });
    await claimDueJobs(db(), 'runner-a', 60_000);
    expect(await cancelJob(operator, { id: job.id })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: `Job #${job.id} is running now (attempt 1 of 2): it cannot be cancelled mid-run. Wait for it to finish.` },
    });
    expect((await statusOf(job.id)).status).toBe('running');
  });

  it('DELETE /jobs/{id} cancels; GET /jobs/{id} shows it with its creator', async () => {
    const job = await enqueueJob(db(), { kind: greet.name, runAt: later(), createdBy: operator.id });
    const token = await tokenFor(operator);
    expect(await callRoute(jobRoute.DELETE, { method: 'DELETE', token, params: { id: String(job.id) } })).toMatchObject({ status: 200, json: { status: 'cancelled' } });
    expect(await callRoute(jobRoute.GET, { token, params: { id: String(job.id) } })).toMatchObject({
      status: 200,
      json: { id: job.id, status: 'cancelled', createdBy: operator.email, runs: [] },
    });
    expect(await callRoute(jobRoute.GET, { token, params: { id: 'x' } })).toMatchObject({ status: 404 });
  });
});

describe('who may act', () => {
  it('a viewer sees jobs but may not reschedule, run or cancel them', async () => {
    const job = await enqueueJob(db(), { kind: greet.name, runAt: later() });
    for (const result of [
      await rescheduleJob(viewer, { id: job.id, runAt: later(2 * HOUR).toISOString() }),
      await runJobNow(viewer, { id: job.id }),
      await cancelJob(viewer, { id: job.id }),
    ]) {
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    const token = await tokenFor(viewer);
    expect((await callRoute(runRoute.POST, { method: 'POST', token, params: { id: String(job.id) } })).status).toBe(403);
    expect((await callRoute(jobRoute.DELETE, { method: 'DELETE', token, params: { id: String(job.id) } })).status).toBe(403);
    expect((await callRoute(jobRoute.GET, { token, params: { id: String(job.id) } })).status).toBe(200);
    expect(await statusOf(job.id)).toMatchObject({ status: 'scheduled' });
    expect((await getJob(db(), job.id))?.attempts).toBe(0);
  });
});
