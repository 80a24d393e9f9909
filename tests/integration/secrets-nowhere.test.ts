import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { configureSession } from '@/lib/config/configure';
import { renderedForSession } from '@/lib/config/preview';
import { tick } from '@/lib/jobs/runner';
import { updateMailSettings } from '@/lib/mail/settings';
import { createRouter } from '@/lib/routers/service';
import { createSession, updateSession } from '@/lib/sessions/service';
import { updatePeeringSettings } from '@/lib/settings/service';
import { createUser } from '@/lib/users/service';
import { makeUser } from '../support/actors';
import { callRoute, tokenFor } from '../support/api';
import { discoverApiRoutes } from '../support/discover';
import { useTestDatabase } from '../support/test-database';
import { sshKeyPair } from '../support/ssh-keys';

useTestDatabase();

const PRIVATE_KEY = sshKeyPair().private;

/** Each secret a user can enter, with a value nothing else would ever contain. */
const secrets = {
  routerPassword: 'Rtr-Pass-7f3a9c2e',
  // Every line of the key's body: a part of it is as secret as the whole.
  ...Object.fromEntries(
    PRIVATE_KEY.split('\n')
      .filter((line) => line.length >= 20 && !line.startsWith('-----'))
      .map((line, i) => [`privateKeyLine${i}`, line]),
  ),
  md5: 'Md5-Key-4b1e8d6a',
  replacedMd5: 'Md5-Key-Next-93c1',
  typedIntoAnEdit: 'Typed-Key-5g6h7j',
  peeringDbKey: 'PdbKey-9c2d7e1f5a',
  smtpPassword: 'Smtp-Pass-1a2b3c4d',
  imapPassword: 'Imap-Pass-4d5e6f7a',
  userPassword: 'User-Pass-8h9i0j1k',
} as Record<string, string>;

const ok = <T,>(result: { ok: true; data: T } | { ok: false; error: { message: string } }): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
};

/** Everything written to stdout or stderr while the test runs: log lines included. */
let logged: string[] = [];
const originals = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };
beforeEach(() => {
  logged = [];
  const capture = (original: typeof process.stdout.write) =>
    ((chunk: unknown, ...rest: unknown[]) => {
      logged.push(String(chunk));
      return (original as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof process.stdout.write;
  process.stdout.write = capture(originals.out);
  process.stderr.write = capture(originals.err);
});
afterEach(() => {
  process.stdout.write = originals.out;
  process.stderr.write = originals.err;
});

/** Enters every secret through the services, the way the pages and the API do. */
async function enterEverySecret(admin: Actor, operator: Actor) {
  ok(await updatePeeringSettings(admin, { asns: [65001], peeringdb: { apiKey: secrets.peeringDbKey } }));
  ok(
    await updateMailSettings(admin, {
      smtp: { host: '127.0.0.1', port: 2525, tls: 'none', user: 'peering@example.test', password: secrets.smtpPassword },
      imap: { host: '127.0.0.1', port: 1143, tls: 'none', user: 'peering@example.test', password: secrets.imapPassword },
    }),
  );
  ok(await createUser(admin, { email: 'new@example.test', name: 'New', role: 'viewer', password: secrets.userPassword }));
  const sshRouter = ok(
    await createRouter(admin, { name: 'ams-rtr1', hostname: 'ams-rtr1.example.net', platform: 'frr', transport: 'ssh', localAsn: 65001, username: 'peerdesk', password: secrets.routerPassword, privateKey: PRIVATE_KEY }),
  );
  const renderOnly = ok(await createRouter(admin, { name: 'fra-rtr1', hostname: 'fra-rtr1.example.net', platform: 'frr', transport: 'none', localAsn: 65001 }));
  const session = ok(await createSession(operator, { routerId: renderOnly.id, ixId: null, peerAsn: 65002, peerIp: '192.0.2.9', md5: secrets.md5, description: 'PNI' }));
  ok(await updateSession(operator, { id: session.id, md5: secrets.replacedMd5 }));
  return { sshRouter, renderOnly, session };
}

/** The Config Manager: the masked text, edited and pushed; a key typed into it is refused. */
async function editAndPush(operator: Actor, sessionId: number) {
  const { text } = await renderedForSession(sessionId);
  expect(text).toContain(' password ********');
  expect(text).not.toContain(secrets.replacedMd5);

  const typed = await configureSession(operator, { sessionId, mode: 'now', config: text.replace('********', secrets.typedIntoAnEdit) });
  expect(typed).toMatchObject({ ok: false, error: { code: 'validation', fields: { config: expect.stringMatching(/not typed here/) } } });

  const edited = text.replace(' neighbor 192.0.2.9 description PNI', ' neighbor 192.0.2.9 description PNI hand-edited');
  const { job } = ok(await configureSession(operator, { sessionId, mode: 'now', config: edited }));
  if (job) await tick({ only: job.id });
}

async function tableDump() {
  const tables = (await db().execute<{ tablename: string }>(sql`select tablename from pg_tables where schemaname = 'public' order by tablename`)) as unknown as {
    rows: { tablename: string }[];
  };
  const dump: Record<string, string> = {};
  for (const { tablename } of tables.rows) {
    const rows = (await db().execute(sql.raw(`select * from "${tablename}"`))) as unknown as { rows: unknown[] };
    dump[tablename] = JSON.stringify(rows.rows);
  }
  return dump;
}

/** Every GET of /api/v1, with ids of what exists, as this token sees it. */
async function everyGet(token: string, ids: { router: number; session: number; user: number }) {
  const paramFor = (path: string, name: string) => {
    if (name === 'asn') return '65002';
    if (path.startsWith('/routers')) return String(ids.router);
    if (path.startsWith('/sessions')) return String(ids.session);
    if (path.startsWith('/users')) return String(ids.user);
    if (path.startsWith('/templates')) return 'config-frr';
    return '1';
  };
  const answers: Record<string, string> = {};
  for (const route of (await discoverApiRoutes()).filter((r) => r.method === 'GET')) {
    const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
    const params = Object.fromEntries(names.map((n) => [n, paramFor(route.path, n)]));
    const path = route.path.replace(/\{(\w+)\}/g, (_, n: string) => params[n]);
    const { status, json } = await callRoute(route.handler, { path, token, params });
    answers[`GET ${path} (${status})`] = JSON.stringify(json);
  }
  return answers;
}

function expectNoSecretIn(where: Record<string, string>) {
  const found = Object.entries(where).flatMap(([place, text]) => Object.entries(secrets).filter(([, secret]) => text.includes(secret)).map(([name]) => `${name} in ${place}`));
  expect(found).toEqual([]);
}

describe('a secret, once entered, is nowhere but in its encrypted column', () => {
  it('not in any table, API answer, audit row, push record or log line', async () => {
    const admin = await makeUser('global_admin');
    const operator = await makeUser('operator');
    const viewer = await makeUser('viewer');
    const { sshRouter, renderOnly, session } = await enterEverySecret(admin, operator);
    await editAndPush(operator, session.id);

    const dump = await tableDump();
    // Not vacuous: the push, its edit and the audit trail are there to be searched.
    expect(dump.config_pushes).toContain('hand-edited');
    expect(dump.config_pushes).toContain('********');
    expect(dump.audit_log).toContain('session.configure');
    expect(dump.routers).toContain(sshRouter.name);
    expectNoSecretIn(dump);

    for (const actor of [admin, viewer]) {
      const answers = await everyGet(await tokenFor(actor), { router: renderOnly.id, session: session.id, user: admin.id! });
      expect(Object.keys(answers).some((k) => k.startsWith(`GET /sessions/${session.id} (200)`))).toBe(true);
      expectNoSecretIn(answers);
    }
    expectNoSecretIn({ 'stdout and stderr': logged.join('') });
  });
});
