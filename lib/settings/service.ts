import { asc, eq, sql } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { localAsns, settings } from '@/db/schema';
import { mutation } from '@/lib/auth/mutation';
import { decryptSecret, sealIfGiven } from '@/lib/crypto/secrets';
import { env } from '@/lib/env';
import { applyFilterSettings, irrSettings, rpkiSettings } from '@/lib/filters/settings';
import { CHANGE_CONTROL_KEY, changeControlSettings } from '@/lib/changes/settings';
import { applyMailSettings } from '@/lib/mail/settings';
import { applyRequestSettings, followUpSettings, noticeSettings } from '@/lib/peering/follow-up-settings';
import { originOf } from '@/lib/peeringdb/url';
import { peeringSettingsInput } from './schemas';

const DEFAULT_PEERINGDB_URL = 'https://www.peeringdb.com/api';
const DEFAULT_CACHE_TTL = 43_200;

/** `apiKeyOrigin`: where the key may go (keys saved before it existed belong to the URL saved with them). */
type StoredPeeringDb = { url?: string; apiKeyEnc?: string | null; apiKeyOrigin?: string; cacheTtl?: number };
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

/**
 * The API key in use and the one origin it may be sent to: PEERINGDB_API_KEY goes to PEERINGDB_URL
 * (default PeeringDB itself), a saved key to the origin it was saved for, whatever URL is set later.
 */
function keyOf(stored: StoredPeeringDb): { key: string; origin: string } | null {
  const e = env();
  if (e.PEERINGDB_API_KEY) return { key: e.PEERINGDB_API_KEY, origin: originOf(e.PEERINGDB_URL ?? DEFAULT_PEERINGDB_URL) };
  if (!stored.apiKeyEnc) return null;
  return { key: decryptSecret(stored.apiKeyEnc), origin: stored.apiKeyOrigin ?? originOf(stored.url ?? DEFAULT_PEERINGDB_URL) };
}

/** The key to send to this URL: only the origin it belongs to gets it. Server-only. */
export async function peeringDbKeyFor(url: string, executor: Executor = db()) {
  const key = keyOf((await readSetting<StoredPeeringDb>(executor, 'peeringdb')) ?? {});
  return key && key.origin === originOf(url) ? key.key : null;
}

/** What the app uses: environment variables win over the settings page. Server-only (holds the key). */
export async function peeringDbSettings(executor: Executor = db()) {
  const stored = (await readSetting<StoredPeeringDb>(executor, 'peeringdb')) ?? {};
  const e = env();
  const url = e.PEERINGDB_URL ?? stored.url ?? DEFAULT_PEERINGDB_URL;
  const key = keyOf(stored);
  const usable = key?.origin === originOf(url);
  return {
    url,
    apiKey: usable ? key.key : null,
    /** A key is stored but belongs to another origin: it is not sent until entered again for this one. */
    apiKeyHeldFor: key && !usable ? key.origin : null,
    cacheTtl: e.PEERINGDB_CACHE_TTL ?? stored.cacheTtl ?? DEFAULT_CACHE_TTL,
  };
}

const DEFAULT_BGP_POLL_INTERVAL = 300;

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
    peeringdb: {
      url: effective.url,
      hasApiKey: !!effective.apiKey,
      apiKeyHeldFor: effective.apiKeyHeldFor,
      cacheTtl: effective.cacheTtl,
      storedUrl: stored.url ?? null,
    },
    vrfSupport: (await readSetting<boolean>(executor, 'vrfSupport')) ?? false,
    bgpPollIntervalSeconds: await bgpPollInterval(executor),
    requestSender: (await readSetting<StoredSender>(executor, 'requestSender')) ?? { name: '', address: '' },
    changeControl: await changeControlSettings(executor),
    irr: await irrSettings(executor),
    rpki: await rpkiSettings(executor),
    followUp: await followUpSettings(executor),
    notices: await noticeSettings(executor),
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
      const url = input.peeringdb.url ?? stored.url;
      const apiKeyEnc = sealIfGiven(input.peeringdb.apiKey, stored.apiKeyEnc ?? null);
      // A new key belongs to the URL it is used with now; a kept one stays with the origin it was saved for.
      const replaced = apiKeyEnc !== (stored.apiKeyEnc ?? null);
      const apiKeyOrigin = !apiKeyEnc
        ? undefined
        : replaced
          ? originOf(env().PEERINGDB_URL ?? url ?? DEFAULT_PEERINGDB_URL)
          : (stored.apiKeyOrigin ?? originOf(stored.url ?? DEFAULT_PEERINGDB_URL));
      const next: StoredPeeringDb = { url, cacheTtl: input.peeringdb.cacheTtl ?? stored.cacheTtl, apiKeyEnc, apiKeyOrigin };
      await writeSetting(tx, 'peeringdb', next, actor.id);
      if (next.url !== stored.url) changed.push(`peeringdb.url: ${next.url}`);
      if (next.cacheTtl !== stored.cacheTtl) changed.push(`peeringdb.cacheTtl: ${next.cacheTtl}`);
      if (replaced) changed.push(apiKeyEnc ? `peeringdb.apiKey: replaced, for ${apiKeyOrigin}` : 'peeringdb.apiKey: removed');
      else if (apiKeyOrigin && url && originOf(url) !== apiKeyOrigin) changed.push(`peeringdb.apiKey: kept for ${apiKeyOrigin} only, not sent to ${originOf(url)}`);
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
    if (input.changeControl) {
      const next = { ...(await changeControlSettings(tx)), ...input.changeControl };
      await writeSetting(tx, CHANGE_CONTROL_KEY, next, actor.id);
      changed.push(`changeControl: ${JSON.stringify(next)}`);
    }
    if (input.irr || input.rpki) changed.push(...(await applyFilterSettings(tx, actor.id, input)));
    if (input.followUp || input.notices) changed.push(...(await applyRequestSettings(tx, actor.id, input)));
    audit({ target: 'settings:peering', details: { changed } });
    return peeringSettingsView(tx);
  },
});
