import { asc, eq, sql } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { localAsns, settings } from '@/db/schema';
import { mutation } from '@/lib/auth/mutation';
import { decryptSecret, sealIfGiven } from '@/lib/crypto/secrets';
import { env } from '@/lib/env';
import { applyMailSettings } from '@/lib/mail/settings';
import { peeringSettingsInput } from './schemas';

export const DEFAULT_PEERINGDB_URL = 'https://www.peeringdb.com/api';
export const DEFAULT_CACHE_TTL = 43_200;

type StoredPeeringDb = { url?: string; apiKeyEnc?: string | null; cacheTtl?: number };
type StoredSender = { name: string; address: string };

async function readSetting<T>(db: Executor, key: string): Promise<T | undefined> {
  const [row] = await db.select().from(settings).where(eq(settings.key, key));
  return row?.value as T | undefined;
}

async function writeSetting(db: Executor, key: string, value: unknown, actorId: number | null) {
  await db
    .insert(settings)
    .values({ key, value, updatedBy: actorId })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: sql`now()`, updatedBy: actorId } });
}

/** What the app uses: environment variables win over the settings page. Server-only (holds the key). */
export async function peeringDbSettings(executor: Executor = db()) {
  const stored = (await readSetting<StoredPeeringDb>(executor, 'peeringdb')) ?? {};
  const e = env();
  return {
    url: e.PEERINGDB_URL ?? stored.url ?? DEFAULT_PEERINGDB_URL,
    apiKey: e.PEERINGDB_API_KEY ?? (stored.apiKeyEnc ? decryptSecret(stored.apiKeyEnc) : null),
    cacheTtl: e.PEERINGDB_CACHE_TTL ?? stored.cacheTtl ?? DEFAULT_CACHE_TTL,
  };
}

export const DEFAULT_BGP_POLL_INTERVAL = 300;

/** Seconds between automatic BGP state polls (0: off). */
export async function bgpPollInterval(executor: Executor = db()) {
  return (await readSetting<number>(executor, 'bgp.pollIntervalSeconds')) ?? DEFAULT_BGP_POLL_INTERVAL;
}

export async function listLocalAsns(executor: Executor = db()) {
  return (await executor.select({ asn: localAsns.asn }).from(localAsns).orderBy(asc(localAsns.asn))).map((r) => r.asn);
}

/** What a browser or API client may see: never the key, only whether one is set and what env overrides. */
export async function peeringSettingsView(executor: Executor = db()) {
  const stored = (await readSetting<StoredPeeringDb>(executor, 'peeringdb')) ?? {};
  const effective = await peeringDbSettings(executor);
  const e = env();
  return {
    asns: await listLocalAsns(executor),
    peeringdb: { url: effective.url, hasApiKey: !!effective.apiKey, cacheTtl: effective.cacheTtl, storedUrl: stored.url ?? null },
    vrfSupport: (await readSetting<boolean>(executor, 'vrfSupport')) ?? false,
    bgpPollIntervalSeconds: await bgpPollInterval(executor),
    requestSender: (await readSetting<StoredSender>(executor, 'requestSender')) ?? { name: '', address: '' },
    overriddenByEnv: {
      url: !!e.PEERINGDB_URL,
      apiKey: !!e.PEERINGDB_API_KEY,
      cacheTtl: e.PEERINGDB_CACHE_TTL !== undefined,
    },
  };
}

export type PeeringSettingsView = Awaited<ReturnType<typeof peeringSettingsView>>;

export const updatePeeringSettings = mutation({
  action: 'settings.update',
  permission: 'settings.manage',
  input: peeringSettingsInput,
  async run({ tx, actor, input, audit }) {
    const changed: string[] = [];
    if (input.asns) {
      const before = await listLocalAsns(tx);
      await tx.delete(localAsns).where(sql`${localAsns.asn} <> all(${`{${input.asns.join(',') || 0}}`}::bigint[])`);
      if (input.asns.length) await tx.insert(localAsns).values(input.asns.map((asn) => ({ asn }))).onConflictDoNothing();
      if (before.join() !== input.asns.join()) changed.push(`asns: ${before.join(',') || '-'} -> ${input.asns.join(',') || '-'}`);
    }
    if (input.peeringdb) {
      const stored = (await readSetting<StoredPeeringDb>(tx, 'peeringdb')) ?? {};
      const next: StoredPeeringDb = {
        url: input.peeringdb.url ?? stored.url,
        cacheTtl: input.peeringdb.cacheTtl ?? stored.cacheTtl,
        apiKeyEnc: sealIfGiven(input.peeringdb.apiKey, stored.apiKeyEnc ?? null),
      };
      await writeSetting(tx, 'peeringdb', next, actor.id);
      if (next.url !== stored.url) changed.push(`peeringdb.url: ${next.url}`);
      if (next.cacheTtl !== stored.cacheTtl) changed.push(`peeringdb.cacheTtl: ${next.cacheTtl}`);
      if (next.apiKeyEnc !== (stored.apiKeyEnc ?? null)) changed.push(next.apiKeyEnc ? 'peeringdb.apiKey: replaced' : 'peeringdb.apiKey: removed');
    }
    if (input.vrfSupport !== undefined) {
      await writeSetting(tx, 'vrfSupport', input.vrfSupport, actor.id);
      changed.push(`vrfSupport: ${input.vrfSupport}`);
    }
    if (input.bgpPollIntervalSeconds !== undefined) {
      await writeSetting(tx, 'bgp.pollIntervalSeconds', input.bgpPollIntervalSeconds, actor.id);
      changed.push(`bgp.pollIntervalSeconds: ${input.bgpPollIntervalSeconds}`);
    }
    if (input.requestSender) {
      await writeSetting(tx, 'requestSender', input.requestSender, actor.id);
      changed.push(`requestSender: ${input.requestSender.name} <${input.requestSender.address}>`);
    }
    if (input.mail) changed.push(...(await applyMailSettings(tx, actor, input.mail)));
    audit({ target: 'settings:peering', details: { changed } });
    return peeringSettingsView(tx);
  },
});
