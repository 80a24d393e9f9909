import { eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import * as exchangesRoute from '@/app/api/v1/exchanges/route';
import * as networksRoute from '@/app/api/v1/exchanges/[id]/networks/route';
import * as routersRoute from '@/app/api/v1/routers/route';
import * as sessionsRoute from '@/app/api/v1/sessions/route';
import * as sessionRoute from '@/app/api/v1/sessions/[id]/route';
import { db } from '@/db/client';
import { listAudit } from '@/db/queries/audit';
import { emails, localAsns, pdbExchanges, pdbIxlans, pdbIxPrefixes, pdbNetIxlans, pdbNetworks, peerNotes, routers, templates, users } from '@/db/schema';
import { makeUser } from '../support/actors';
import { callRoute, tokenFor } from '../support/api';
import { useTestDatabase } from '../support/test-database';

useTestDatabase();

/** What a hostile PeeringDB record, peer or email may carry. */
export const HOSTILE = {
  script: '<script>alert(1)</script>',
  img: '<img src=x onerror=alert(1)>',
  sql: "'; DROP TABLE users; --",
  bidi: 'Safe\u202Egnp.exe\u200B\u200C\u200Dname\u2066x\u2069',
  long: 'A'.repeat(9_990) + '<b>end</b>',
} as const;
const values = Object.values(HOSTILE);
const US = 65001;

let token: string;
beforeEach(async () => {
  token = await tokenFor(await makeUser('admin'));
  await db().insert(localAsns).values({ asn: US });
  // One exchange per hostile name, each with a hostile network beside ours; plus 60 plain exchanges to page through.
  await db().insert(pdbExchanges).values([
    ...values.map((name, i) => ({ id: 1 + i, name, nameLong: name, city: name, country: 'NL' })),
    ...Array.from({ length: 60 }, (_, i) => ({ id: 100 + i, name: `Plain-IX ${String(i).padStart(2, '0')}`, country: 'DE' })),
  ]);
  const ixIds = [...values.map((_, i) => 1 + i), ...Array.from({ length: 60 }, (_, i) => 100 + i)];
  await db().insert(pdbIxlans).values(ixIds.map((ixId) => ({ id: 1000 + ixId, ixId })));
  await db().insert(pdbIxPrefixes).values({ id: 1, ixlanId: 1001, protocol: 'IPv4', prefix: '10.0.12.0/22' });
  await db().insert(pdbNetworks).values([
    { id: 1, asn: US, name: 'Us' },
    ...values.map((name, i) => ({ id: 10 + i, asn: 64600 + i, name, aka: name, notes: name })),
  ]);
  await db().insert(pdbNetIxlans).values([
    ...ixIds.map((ixId) => ({ id: ixId, netId: 1, ixId, ixlanId: 1000 + ixId, asn: US, ipaddr4: ixId === 1 ? '10.0.12.1' : null })),
    ...values.map((_, i) => ({ id: 500 + i, netId: 10 + i, ixId: 1, ixlanId: 1001, asn: 64600 + i, ipaddr4: `10.0.12.${10 + i}` })),
  ]);
});

describe('hostile data is stored as given, returned byte for byte, and searchable', () => {
  it('exchange and network names round-trip through the API exactly; lists still page; a SQL fragment is searched for, not run', async () => {
    const page1 = await callRoute(exchangesRoute.GET, { token, path: '/exchanges?limit=50' });
    expect(page1.status).toBe(200);
    const page2 = await callRoute(exchangesRoute.GET, { token, path: `/exchanges?limit=50&cursor=${page1.json.next}` });
    const names = [...(page1.json.data as { name: string }[]), ...(page2.json.data as { name: string }[])].map((x) => x.name);
    expect(names).toHaveLength(65);
    for (const v of values) expect(names).toContain(v);

    const networks = await callRoute(networksRoute.GET, { token, path: '/exchanges/1/networks', params: { id: '1' } });
    expect((networks.json.data as { name: string }[]).map((n) => n.name).sort()).toEqual([...values].sort());

    for (const q of [HOSTILE.sql, "'; DROP", 'gnp.exe\u200B', '<script>']) {
      const found = await callRoute(networksRoute.GET, { token, path: `/exchanges/1/networks?q=${encodeURIComponent(q)}`, params: { id: '1' } });
      expect(found.status, q).toBe(200);
      expect((found.json.data as { name: string }[]).map((n) => n.name), q).toEqual([values.find((v) => v.includes(q))]);
    }
    // The users table is still there.
    expect((await db().select().from(users)).length).toBe(1);
  });

  it('session descriptions and notes keep markup and SQL, notes keep bidi and zero-width characters (descriptions reach router configs: refused next to the field); too long is a field error, not a crash', async () => {
    const [router] = await db().insert(routers).values({ name: 'r1', hostname: 'r1.example.net', platform: 'frr', localAsn: US }).returning();
    const ids: string[] = [];
    const oneLine = [HOSTILE.script, HOSTILE.img, HOSTILE.sql];
    for (const [i, v] of [...oneLine, HOSTILE.bidi].entries()) {
      const description = i < oneLine.length ? v : 'plain';
      const peerName = i < oneLine.length ? v : 'plain';
      const post = await callRoute(sessionsRoute.POST, {
        method: 'POST', token,
        body: { routerId: router.id, ixId: 1, peerAsn: 64600 + i, peerIp: `10.0.12.${10 + i}`, description, notes: `${v}\n${v}`, peerName },
      });
      expect(post.status, v).toBe(201);
      ids.push(String(post.json.id));
    }
    for (const [i, v] of [...oneLine, HOSTILE.bidi].entries()) {
      const got = await callRoute(sessionRoute.GET, { token, params: { id: ids[i] } });
      expect(got.json).toMatchObject({ notes: `${v}\n${v}`, ...(i < oneLine.length && { description: v, peerName: v }) });
    }
    const bidiDescription = await callRoute(sessionsRoute.POST, {
      method: 'POST', token, body: { routerId: router.id, ixId: 1, peerAsn: 64605, peerIp: '10.0.12.15', description: HOSTILE.bidi },
    });
    expect(bidiDescription.status).toBe(400);
    expect(Object.keys((bidiDescription.json.error as { fields: object }).fields)).toEqual(['description']);
    const search = await callRoute(sessionsRoute.GET, { token, path: `/sessions?q=${encodeURIComponent("DROP TABLE users; --")}` });
    expect((search.json.data as { peerName: string }[]).map((s) => s.peerName)).toEqual([HOSTILE.sql]);

    const tooLong = await callRoute(sessionsRoute.POST, {
      method: 'POST', token, body: { routerId: router.id, ixId: 1, peerAsn: 64604, peerIp: '10.0.12.14', notes: HOSTILE.long },
    });
    expect(tooLong).toMatchObject({ status: 400, json: { error: { fields: { notes: 'At most 4000 characters' } } } });
  });

  it('router names with markup and SQL are stored as given and show in the audit log as given', async () => {
    for (const name of [HOSTILE.script, HOSTILE.sql, HOSTILE.bidi]) {
      const post = await callRoute(routersRoute.POST, { method: 'POST', token, body: { name, hostname: 'r.example.net', platform: 'frr', localAsn: US, transport: 'none' } });
      expect(post.status, name).toBe(201);
      expect(post.json.name).toBe(name);
    }
    const list = await callRoute(routersRoute.GET, { token, path: '/routers' });
    expect((list.json.data as { name: string }[]).map((r) => r.name).sort()).toEqual([HOSTILE.script, HOSTILE.sql, HOSTILE.bidi].sort());
    // The audit search (action, actor, target) takes the fragment as text; the entries keep the names as given.
    await expect(listAudit(db(), { q: HOSTILE.sql, limit: 10, offset: 0 })).resolves.toEqual([]);
    const audit = await listAudit(db(), { q: 'router', limit: 10, offset: 0 });
    expect(audit).toHaveLength(3);
    for (const name of [
      HOSTILE.script,
      HOSTILE.sql,
      HOSTILE.bidi,
    ]) expect(JSON.stringify(audit.map((a) => a.details))).toContain(JSON.stringify(name).slice(1, -1));
  });

  it('peer notes, emails and templates keep hostile text byte for byte, 10,000 characters included', async () => {
    const notes = await db().insert(peerNotes).values(values.map((comment) => ({ peerAsn: 64600, localAsn: US, ixId: 1, kind: 'comment', comment }))).returning();
    const mails = await db().insert(emails).values(values.map((v, i) => ({
      mailbox: 'inbox' as const, uidValidity: 1, uid: i + 1, subject: v, textBody: v, htmlSanitized: `<p>${v}</p>`, fromName: v, peerAsn: 64600,
    }))).returning();
    const tpls = await db().insert(templates).values(values.map((v, i) => ({ kind: 'email' as const, name: `t${i}`, subject: v, body: v }))).returning();
    for (const [i, v] of values.entries()) {
      const [n] = await db().select().from(peerNotes).where(eq(peerNotes.id, notes[i].id));
      const [m] = await db().select().from(emails).where(eq(emails.id, mails[i].id));
      const [t] = await db().select().from(templates).where(eq(templates.id, tpls[i].id));
      expect(Buffer.from(n.comment!)).toEqual(Buffer.from(v));
      expect([m.subject, m.textBody, m.fromName, m.htmlSanitized]).toEqual([v, v, v, `<p>${v}</p>`]);
      expect([t.subject, t.body]).toEqual([v, v]);
    }
    // The exchange's network list shows the latest note as given.
    const networks = await callRoute(networksRoute.GET, { token, path: '/exchanges/1/networks?q=AS64600', params: { id: '1' } });
    expect((networks.json.data as { lastNote: string }[])[0].lastNote).toBe(HOSTILE.long);
    const [{ n }] = (await db().execute(sql`select count(*)::int n from peer_notes where comment like ${'%' + "DROP TABLE" + '%'}`) as unknown as { rows: { n: number }[] }).rows;
    expect(n).toBe(1);
  });
});
